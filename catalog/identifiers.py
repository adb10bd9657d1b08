"""Take apart the two Chinese identifiers that are most often mistaken for scores.

A Unified Social Credit Code (统一社会信用代码, GB 32100-2015) names an organisation; a resident
ID number (公民身份号码, GB 11643-1999) names a person. Neither contains a rating. This module
splits either one into its parts, says what each part means where the standard defines it,
and recomputes the check characters. It never calls a code forged: a code that fails the
check "does not match the standard's check character" (some early pilot codes do not).

docs/assets/decoder.js is the same parser in JavaScript for the codes page; both return the
same plain dict for the same input, which tests/test_decoder_parity.py checks on thousands of
inputs. Change one, change the other.

Sources for the tables below (checked with the project's search tools):
- authority and category codes: the table reproduced in several secondary pages and code
  libraries (e.g. osuse.cn/post/10002590.html, blog.csdn.net/lh1424573495/article/details/
  108776492, github.com/wenerme/go-gb gb32100/code.go). Codes 1, 5, 9 and Y are in the
  research notes as verified; the rest rest on those secondary copies. Category 9 under
  authority 9 is left out because the sources disagree.
- province codes: GB/T 2260 as shipped in python-stdnum 2.2 (stdnum/cn/loc.dat) and
  github.com/wenerme/go-gb gbt2260/records.csv; "100000 is used for national level" is from
  the standard's text as quoted on blog.csdn.net/zzjbj910/article/details/130641473.
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: digits and capitals without I O S V Z
FORBIDDEN = "IOSVZ"
USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, ...
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714
ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))  # 7, 9, 10, 5, ...
ID_CHECK = "10X98765432"  # ISO 7064 MOD 11-2, indexed by the weighted sum mod 11
KINDS = ("auto", "uscc", "id")

# Characters removed before decoding; both implementations use exactly these.
SPACES = ("\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
          "\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff")
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

NOTES = {
    "fullwidth": "Converted full-width characters (as typed with a Chinese input method) to ordinary ones.",
    "spaces": "Removed spaces: they are not part of the code.",
    "dashes": "Removed hyphens or dashes: they are not part of the code.",
    "uppercase": "Changed lower-case letters to capitals: the codes use capitals only.",
}

# Registration-authority code (position 1) -> (English, Chinese, {category code: (English, Chinese)}).
AUTHORITIES = {
    "1": ("Institutional staffing authorities", "机构编制", {
        "1": ("Government organ", "机关"),
        "2": ("Public institution", "事业单位"),
        "3": ("Mass organisation whose staffing the Central Staffing Office manages directly",
              "中央编办直接管理机构编制的群众团体"),
        "9": ("Other", "其他")}),
    "2": ("Foreign affairs", "外交", {
        "1": ("Resident foreign news organisation", "外国常住新闻机构"),
        "9": ("Other", "其他")}),
    "3": ("Judicial administration", "司法行政", {
        "1": ("Law practice", "律师执业机构"),
        "2": ("Notary office", "公证处"),
        "3": ("Grassroots legal service office", "基层法律服务所"),
        "4": ("Forensic appraisal institution", "司法鉴定机构"),
        "5": ("Arbitration commission", "仲裁委员会"),
        "9": ("Other", "其他")}),
    "4": ("Culture", "文化", {
        "1": ("Foreign cultural centre in China", "外国在华文化中心"),
        "9": ("Other", "其他")}),
    "5": ("Civil affairs", "民政", {
        "1": ("Social organisation", "社会团体"),
        "2": ("Private non-enterprise unit", "民办非企业单位"),
        "3": ("Foundation", "基金会"),
        "9": ("Other", "其他")}),
    "6": ("Tourism", "旅游", {
        "1": ("Resident office of a foreign tourism authority", "外国旅游部门常驻代表机构"),
        "2": ("Resident mainland office of a Hong Kong, Macau or Taiwan tourism authority",
              "港澳台地区旅游部门常驻内地（大陆）代表机构"),
        "9": ("Other", "其他")}),
    "7": ("Religious affairs", "宗教", {
        "1": ("Place of religious activity", "宗教活动场所"),
        "2": ("Religious school", "宗教院校"),
        "9": ("Other", "其他")}),
    "8": ("Trade unions", "工会", {
        "1": ("Grassroots trade union", "基层工会"),
        "9": ("Other", "其他")}),
    "9": ("Industry and commerce, now market regulation", "工商", {
        "1": ("Enterprise", "企业"),
        "2": ("Individual business", "个体工商户"),
        "3": ("Farmers' specialised co-operative", "农民专业合作社")}),
    "A": ("Central Military Commission reform and staffing office", "中央军委改革和编制办公室", {
        "1": ("Military public institution", "军队事业单位"),
        "9": ("Other", "其他")}),
    "N": ("Agriculture", "农业", {
        "1": ("Group-level collective economic organisation", "组级集体经济组织"),
        "2": ("Village-level collective economic organisation", "村级集体经济组织"),
        "3": ("Township-level collective economic organisation", "乡镇级集体经济组织"),
        "9": ("Other", "其他")}),
    "Y": ("Other", "其他", {
        "1": ("Not divided further", "其他")}),
}

# First two digits of a GB/T 2260 code -> province-level division.
PROVINCES = {
    "11": ("Beijing", "北京市"), "12": ("Tianjin", "天津市"), "13": ("Hebei", "河北省"),
    "14": ("Shanxi", "山西省"), "15": ("Inner Mongolia", "内蒙古自治区"), "21": ("Liaoning", "辽宁省"),
    "22": ("Jilin", "吉林省"), "23": ("Heilongjiang", "黑龙江省"), "31": ("Shanghai", "上海市"),
    "32": ("Jiangsu", "江苏省"), "33": ("Zhejiang", "浙江省"), "34": ("Anhui", "安徽省"),
    "35": ("Fujian", "福建省"), "36": ("Jiangxi", "江西省"), "37": ("Shandong", "山东省"),
    "41": ("Henan", "河南省"), "42": ("Hubei", "湖北省"), "43": ("Hunan", "湖南省"),
    "44": ("Guangdong", "广东省"), "45": ("Guangxi", "广西壮族自治区"), "46": ("Hainan", "海南省"),
    "50": ("Chongqing", "重庆市"), "51": ("Sichuan", "四川省"), "52": ("Guizhou", "贵州省"),
    "53": ("Yunnan", "云南省"), "54": ("Tibet", "西藏自治区"), "61": ("Shaanxi", "陕西省"),
    "62": ("Gansu", "甘肃省"), "63": ("Qinghai", "青海省"), "64": ("Ningxia", "宁夏回族自治区"),
    "65": ("Xinjiang", "新疆维吾尔自治区"), "71": ("Taiwan", "台湾省"),
    "81": ("Hong Kong", "香港特别行政区"), "82": ("Macau", "澳门特别行政区"),
}


# ---------------------------------------------------------------- check characters

def uscc_check(first17: str) -> tuple[str, str]:
    """GB 32100 check character for 17 characters of the alphabet, and the working."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    rest = 31 - total % 31
    char = ALPHABET[rest % 31]
    zero = " (31 counts as 0)" if rest == 31 else ""
    return char, f"Σ value×weight = {total}; 31 − ({total} mod 31) = {rest}{zero} → {char}"


def org_value(char: str) -> int:
    """GB 11714 value of a character: digits as themselves, letters A=10 ... Z=35."""
    return int(char) if char.isdigit() else ord(char) - 55


def org_check(body8: str) -> tuple[str, str]:
    """GB 11714 check character for the 8-character organisation-code body, and the working."""
    total = sum(org_value(c) * w for c, w in zip(body8, ORG_WEIGHTS))
    rest = 11 - total % 11
    char = {10: "X", 11: "0"}.get(rest, str(rest))
    return char, f"Σ value×weight = {total}; 11 − ({total} mod 11) = {rest} → {char}"


def id_check(first17: str) -> tuple[str, str]:
    """GB 11643 (ISO 7064 MOD 11-2) check character for 17 digits, and the working."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS))
    char = ID_CHECK[total % 11]
    return char, f"Σ digit×weight = {total}; {total} mod 11 = {total % 11} → {char}"


# ---------------------------------------------------------------- input clean-up

def is_fullwidth_alnum(char: str) -> bool:
    return "\uff10" <= char <= "\uff19" or "\uff21" <= char <= "\uff3a" or "\uff41" <= char <= "\uff5a" or char == "\uff0d"


def normalise(text: str) -> tuple[str, list[dict]]:
    """Undo what is safe to undo: full-width forms, spaces, dashes, lower case. Say what changed."""
    seen: set[str] = set()
    out = []
    for char in text:
        if is_fullwidth_alnum(char):
            char = chr(ord(char) - 0xFEE0)
            seen.add("fullwidth")
        if char in SPACES:
            seen.add("spaces")
        elif char in DASHES:
            seen.add("dashes")
        elif "a" <= char <= "z":
            out.append(chr(ord(char) - 32))
            seen.add("uppercase")
        else:
            out.append(char)
    notes = [{"code": code, "message": message} for code, message in NOTES.items() if code in seen]
    return "".join(out), notes


def describe_chars(chars: list[str]) -> str:
    return ", ".join(f'"{c}" (U+{ord(c):04X})' for c in chars)


def unique(chars) -> list[str]:
    return list(dict.fromkeys(chars))


def input_errors(code: str) -> list[dict]:
    """Problems that stop any reading: nothing typed, stray characters, forbidden letters, length."""
    if not code:
        return [{"code": "empty", "message": "Type or paste a code."}]
    errors = []
    bad = unique(c for c in code if not ("0" <= c <= "9" or "A" <= c <= "Z"))
    if bad:
        shown = describe_chars(bad[:5]) + (" and others" if len(bad) > 5 else "")
        errors.append({"code": "bad_character",
                       "message": f"These characters never appear in either code: {shown}. "
                                  "Codes use only the digits 0-9 and capital letters."})
    forbidden = unique(c for c in code if c in FORBIDDEN)
    if forbidden:
        errors.append({"code": "forbidden_letter",
                       "message": "The letters I, O, S, V and Z are never used in these codes. "
                                  f"Found: {', '.join(forbidden)}. If you meant a digit such as 0 or 1, "
                                  "type the digit: the decoder does not guess."})
    if len(code) != 18:
        hint = ""
        if len(code) == 15:
            hint = " Business registration numbers used before the 2015 reform had 15 digits."
        elif len(code) == 9:
            hint = (" Organisation codes used before the 2015 reform had 9 characters; a social "
                    "credit code contains one at positions 9-17.")
        errors.append({"code": "wrong_length",
                       "message": f"Both codes have 18 characters; this has {len(code)}.{hint}"})
    return errors


def is_id_shaped(code: str) -> bool:
    return len(code) == 18 and code[:17].isdigit() and code[:17].isascii() and (code[17] in "0123456789X")


# ---------------------------------------------------------------- meanings

def part(key: str, label: str, positions: str, value: str, meaning: str, problem: str | None = None) -> dict:
    return {"key": key, "label": label, "positions": positions, "value": value, "meaning": meaning,
            "problem": problem}


def check(key: str, label: str, expected: str, given: str, working: str) -> dict:
    return {"key": key, "label": label, "expected": expected, "given": given, "match": expected == given,
            "working": working}


def province_meaning(digits: str, whole: str) -> tuple[str, str | None]:
    """Meaning of a six-digit GB/T 2260 code, named down to the province only."""
    prefix = digits[:2]
    if prefix not in PROVINCES:
        return (f"The first two digits, {prefix}, are not a province-level code in GB/T 2260.",
                f"{prefix} is not a province-level code.")
    english, chinese = PROVINCES[prefix]
    return (f"Province-level code {prefix} = {english} ({chinese}). The full six digits are the "
            f"GB/T 2260 code of {whole}; this decoder names only the province.", None)


def authority_meaning(code: str) -> str:
    if code not in AUTHORITIES:
        return f"Code {code} is not in our verified table of registration authorities."
    english, chinese, _ = AUTHORITIES[code]
    return f"{english} ({chinese})."


def category_meaning(authority: str, category: str) -> str:
    if authority not in AUTHORITIES:
        return ("Its meaning depends on the registration authority, whose code is not in our "
                "verified table.")
    categories = AUTHORITIES[authority][2]
    if category not in categories:
        return f"Code {category} is not in our verified table of categories for this authority."
    english, chinese = categories[category]
    return f"{english} ({chinese})."


def division_meaning(digits: str) -> tuple[str, str | None]:
    if not digits.isdigit() or not digits.isascii():
        return ("Should be a six-digit administrative-division code (GB/T 2260).",
                "Positions 3-8 must be digits.")
    if digits == "100000":
        return "100000 is used for registration at national level.", None
    return province_meaning(digits, "the registering authority's area")


def birth_date_meaning(digits: str) -> tuple[str, str | None]:
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    shown = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if not (1 <= month <= 12 and 1 <= day <= days[month - 1]):
        return f"Would be {shown}, which is not a real calendar date.", "Not a real calendar date."
    return f"Born {shown} (year, month, day).", None


# ---------------------------------------------------------------- the two readings

def read_uscc(code: str) -> tuple[list[dict], list[dict]]:
    authority, category, division, body, org_given, given = (
        code[0], code[1], code[2:8], code[8:16], code[16], code[17])
    division_text, division_problem = division_meaning(division)
    parts = [
        part("authority", "Registration authority", "1", authority, authority_meaning(authority)),
        part("category", "Organisation category", "2", category, category_meaning(authority, category)),
        part("division", "Administrative-division code", "3-8", division, division_text, division_problem),
        part("organisation", "Organisation code (GB 11714)", "9-17", f"{body}-{org_given}",
             "The organisation's subject identifier: its organisation code under GB 11714 (a separate "
             "number before the 2015 reform), an eight-character body and its own check character."),
        part("check", "Check character", "18", given,
             "Computed from the first 17 characters (GB 32100, modulus 31)."),
    ]
    org_expected, org_working = org_check(body)
    expected, working = uscc_check(code[:17])
    checks = [
        check("organisation_check", "Organisation-code check character (GB 11714, position 17)",
              org_expected, org_given, org_working),
        check("uscc_check", "Final check character (GB 32100, position 18)", expected, given, working),
    ]
    return parts, checks


def read_id(code: str) -> tuple[list[dict], list[dict]]:
    address_text, address_problem = province_meaning(code[:6], "an area")
    birth_text, birth_problem = birth_date_meaning(code[6:14])
    sequence = code[14:17]
    odd = int(sequence) % 2 == 1
    parts = [
        part("address", "Address code", "1-6", code[:6], address_text, address_problem),
        part("birth_date", "Date of birth", "7-14", code[6:14], birth_text, birth_problem),
        part("sequence", "Sequence number", "15-17", sequence,
             f"{'Odd' if odd else 'Even'}: registered as {'male' if odd else 'female'} "
             "(the standard gives odd numbers to men and even numbers to women)."),
        part("check", "Check character", "18", code[17],
             "Computed from the first 17 digits (ISO 7064 MOD 11-2; X stands for 10)."),
    ]
    expected, working = id_check(code[:17])
    return parts, [check("id_check", "Check character (GB 11643, position 18)", expected, code[17], working)]


def readable(kind: str, code: str) -> bool:
    """Whether a reading makes sense at all, used to offer the other reading of an all-digit code."""
    if kind == "id":
        return code[:2] in PROVINCES and birth_date_meaning(code[6:14])[1] is None
    return code[0] in AUTHORITIES


def choose_kind(code: str) -> tuple[str, str | None]:
    """Pick a reading for an 18-character code.

    An all-digit code fits both shapes: the reading whose check character matches wins; if both
    or neither match, a plausible ID (known province, real date) wins, and the other reading is
    returned too when it is also plausible, so that the page can offer it.
    """
    if not is_id_shaped(code):
        return "uscc", None
    id_ok = id_check(code[:17])[0] == code[17]
    uscc_ok = uscc_check(code[:17])[0] == code[17]
    if id_ok != uscc_ok:
        return ("id" if id_ok else "uscc"), None
    kind = "id" if readable("id", code) else "uscc"
    other = "uscc" if kind == "id" else "id"
    return kind, (other if readable(other, code) else None)


def summary(kind: str, checks: list[dict], problems: bool) -> str:
    what = ("It identifies an organisation: it records who registered it and where, not how "
            "trustworthy it is, and it contains no score." if kind == "uscc" else
            "It identifies a person and contains no score.")
    failed = [c for c in checks if not c["match"]]
    if not failed:
        head = ("Every check character matches the standard."
                if not problems else "The check characters match, but a part is not as the standard describes.")
        return f"{head} {what}"
    details = "; ".join(f"{c['label']}: the rule gives {c['expected']}, the code has {c['given']}" for c in failed)
    causes = ("A typing error can cause this, and some codes issued in early pilot areas do not "
              "match either, so a mismatch alone does not tell you that a code is not genuine." if kind == "uscc" else
              "A typing error can cause this; a mismatch alone does not tell you whether a number was issued.")
    return f"Does not match the standard's check character ({details}). {causes} {what}"


def decode(text: str, kind: str = "auto") -> dict:
    """Decode typed text as a social credit code or resident ID number (kind: auto, uscc or id)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    code, notes = normalise(text)
    result = {"input": text, "normalized": code, "notes": notes, "requested": kind, "kind": None,
              "alternative": None, "errors": input_errors(code), "parts": [], "checks": [],
              "valid": False, "summary": ""}
    if kind != "auto":
        result["kind"] = kind
    if not result["errors"] and kind == "id" and not is_id_shaped(code):
        result["errors"].append({"code": "not_id_shape",
                                 "message": "A resident ID number has 17 digits followed by a digit or the letter X."})
    if result["errors"]:
        result["summary"] = "This cannot be read as a code yet: see the problems listed."
        return result
    if kind == "auto":
        result["kind"], result["alternative"] = choose_kind(code)
    parts, checks = (read_id if result["kind"] == "id" else read_uscc)(code)
    problems = any(p["problem"] for p in parts)
    result.update(parts=parts, checks=checks, valid=not problems and all(c["match"] for c in checks),
                  summary=summary(result["kind"], checks, problems))
    return result
