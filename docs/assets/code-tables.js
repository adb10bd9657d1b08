/* The tables the code decoder (decoder.js) reads, kept apart from its logic.
 *
 * authorities: the registration-authority code (position 1 of a Unified Social Credit Code,
 *   GB 32100-2015) -> [English, Chinese, {organisation-category code (position 2): [English, Chinese]}].
 *   Only codes the research notes verified are listed; the decoder says so for any other.
 * provinces: the first two digits of a GB/T 2260 division code -> [English, Chinese].
 */
var CODE_TABLES = {
  authorities: {
      "1": ["Institutional staffing authorities", "机构编制", {
        "1": ["Government organ", "机关"],
        "2": ["Public institution", "事业单位"],
        "3": ["Mass organisation whose staffing the Central Staffing Office manages directly",
          "中央编办直接管理机构编制的群众团体"],
        "9": ["Other", "其他"]}],
      "2": ["Foreign affairs", "外交", {
        "1": ["Resident foreign news organisation", "外国常住新闻机构"],
        "9": ["Other", "其他"]}],
      "3": ["Judicial administration", "司法行政", {
        "1": ["Law practice", "律师执业机构"],
        "2": ["Notary office", "公证处"],
        "3": ["Grassroots legal service office", "基层法律服务所"],
        "4": ["Forensic appraisal institution", "司法鉴定机构"],
        "5": ["Arbitration commission", "仲裁委员会"],
        "9": ["Other", "其他"]}],
      "4": ["Culture", "文化", {
        "1": ["Foreign cultural centre in China", "外国在华文化中心"],
        "9": ["Other", "其他"]}],
      "5": ["Civil affairs", "民政", {
        "1": ["Social organisation", "社会团体"],
        "2": ["Private non-enterprise unit", "民办非企业单位"],
        "3": ["Foundation", "基金会"],
        "9": ["Other", "其他"]}],
      "6": ["Tourism", "旅游", {
        "1": ["Resident office of a foreign tourism authority", "外国旅游部门常驻代表机构"],
        "2": ["Resident mainland office of a Hong Kong, Macau or Taiwan tourism authority",
          "港澳台地区旅游部门常驻内地（大陆）代表机构"],
        "9": ["Other", "其他"]}],
      "7": ["Religious affairs", "宗教", {
        "1": ["Place of religious activity", "宗教活动场所"],
        "2": ["Religious school", "宗教院校"],
        "9": ["Other", "其他"]}],
      "8": ["Trade unions", "工会", {
        "1": ["Grassroots trade union", "基层工会"],
        "9": ["Other", "其他"]}],
      "9": ["Industry and commerce, now market regulation", "工商", {
        "1": ["Enterprise", "企业"],
        "2": ["Individual business", "个体工商户"],
        "3": ["Farmers' specialised co-operative", "农民专业合作社"]}],
      "A": ["Central Military Commission reform and staffing office", "中央军委改革和编制办公室", {
        "1": ["Military public institution", "军队事业单位"],
        "9": ["Other", "其他"]}],
      "N": ["Agriculture", "农业", {
        "1": ["Group-level collective economic organisation", "组级集体经济组织"],
        "2": ["Village-level collective economic organisation", "村级集体经济组织"],
        "3": ["Township-level collective economic organisation", "乡镇级集体经济组织"],
        "9": ["Other", "其他"]}],
      "Y": ["Other", "其他", {
        "1": ["Not divided further", "其他"]}]
    },
  provinces: {
      "11": ["Beijing", "北京市"], "12": ["Tianjin", "天津市"], "13": ["Hebei", "河北省"],
      "14": ["Shanxi", "山西省"], "15": ["Inner Mongolia", "内蒙古自治区"], "21": ["Liaoning", "辽宁省"],
      "22": ["Jilin", "吉林省"], "23": ["Heilongjiang", "黑龙江省"], "31": ["Shanghai", "上海市"],
      "32": ["Jiangsu", "江苏省"], "33": ["Zhejiang", "浙江省"], "34": ["Anhui", "安徽省"],
      "35": ["Fujian", "福建省"], "36": ["Jiangxi", "江西省"], "37": ["Shandong", "山东省"],
      "41": ["Henan", "河南省"], "42": ["Hubei", "湖北省"], "43": ["Hunan", "湖南省"],
      "44": ["Guangdong", "广东省"], "45": ["Guangxi", "广西壮族自治区"], "46": ["Hainan", "海南省"],
      "50": ["Chongqing", "重庆市"], "51": ["Sichuan", "四川省"], "52": ["Guizhou", "贵州省"],
      "53": ["Yunnan", "云南省"], "54": ["Tibet", "西藏自治区"], "61": ["Shaanxi", "陕西省"],
      "62": ["Gansu", "甘肃省"], "63": ["Qinghai", "青海省"], "64": ["Ningxia", "宁夏回族自治区"],
      "65": ["Xinjiang", "新疆维吾尔自治区"], "71": ["Taiwan", "台湾省"],
      "81": ["Hong Kong", "香港特别行政区"], "82": ["Macau", "澳门特别行政区"]
    }
};
if (typeof module !== "undefined" && module.exports) module.exports = CODE_TABLES;
