"""Benchmark the site build with synthetic catalogs of 100, 1,000 and 10,000 claims.

Usage: python scripts/bench_build.py [--sizes 100,1000,10000] [--keep DIR] [--repeat N]
                                     [--browser auto|yes|no] [--json FILE] [--enforce]

For each size it writes a synthetic catalog (claims, sources and glossary terms with realistic
text lengths, some of it Chinese) into a throw-away copy of the project (mkdocs.yml, docs/ with
the real topic pages, overrides/ and catalog/), then measures:

- validation: catalog.pipeline.read_catalog() on that folder, called from this process (large
  catalogs are checked in worker processes, whose CPU time is counted too);
- our build: `mkdocs build --strict` in a subprocess (wall time and the child's peak RSS);
- the baseline: the very same pages, with the Markdown our hook produces written out as plain .md
  files, built by plain MkDocs with the same theme and plugins but without the hook;
- the output: one claim page's HTML, the search index (raw and gzip), the bytes of a first visit
  to a claim page (HTML, CSS, JS, search worker and index, gzip) and the whole site.

It prints a table and one PASS/FAIL/SKIP line per target. The exit code is 0 unless a synthetic
catalog does not validate or a build fails (2: the numbers would be meaningless), or --enforce is
given and a target fails (1). This is a benchmark, not a timed test: CI runs it at --sizes 100 to
prove it still works.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the catalog package of this checkout, not of another install

import yaml  # noqa: E402

from catalog.permalinks import site_paths, write_registry  # noqa: E402
from catalog.pipeline import read_catalog  # noqa: E402
from catalog.workers import worker_count  # noqa: E402
from tools import chromium  # noqa: E402
from tools.static_server import StaticServer  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
       "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
GZIP_LEVEL = 6  # what web servers typically use on the fly
SYNTHETIC_TODAY = "2025-06-30"  # every synthetic date is on or before this day

# The targets of the issue: (key, description, size it is measured at).
TARGETS = (
    ("baseline-ratio", "our build <= 1.10x the plain-MkDocs baseline at 1,000 claims (CPU)", 1000),
    ("linear", "time per claim at 10,000 <= 1.2x time per claim at 1,000 (CPU)", 10000),
    ("page-size", "claim page HTML at 10,000 <= 1.1x its size at 100", 10000),
    ("validation", "validating 10,000 claims takes <= 5 s (wall)", 10000),
    ("first-visit", "first visit to a claim page <= 100 KB gzip at 1,000 claims", 1000),
)

# --------------------------------------------------------------------------------------------
# Synthetic catalog. Every record is generated from its own index with its own random seed, so
# claim 0 (the page whose size is compared across sizes) is the same text at every size.
# --------------------------------------------------------------------------------------------

CITIES = ["Rongcheng", "Suzhou", "Hangzhou", "Xiamen", "Shanghai", "Beijing", "Shenzhen", "Fuzhou",
          "Weihai", "Chengdu", "Wuhan", "Nanjing", "Suqian", "Yiwu", "Taizhou", "Huizhou"]
BEHAVIOURS = [
    ("jaywalking", "jaywalk"), ("playing video games for hours", "play video games"),
    ("buying too much alcohol", "buy alcohol"), ("criticising officials online", "post criticism"),
    ("ignoring a court judgment", "ignore a judgment"), ("filing taxes late", "file taxes late"),
    ("smoking on a high-speed train", "smoke on trains"), ("cheating in an exam", "cheat in exams"),
    ("not visiting elderly parents", "skip family visits"), ("walking a dog without a leash", "walk dogs unleashed"),
    ("defaulting on a small loan", "default on a loan"), ("selling fake medicine", "sell fake medicine"),
]
CONSEQUENCES = [
    "lowers their social credit score", "gets them banned from flights",
    "blocks them from buying fast-train tickets", "stops them from renting a flat",
    "keeps their children out of private schools", "puts their face on public screens",
    "costs them their job", "gets their loan application refused", "slows down their internet",
]
AGENCIES = ["the Supreme People's Court", "the National Development and Reform Commission",
            "the People's Bank of China", "the State Administration for Market Regulation",
            "the State Council General Office", "the Ministry of Civil Affairs",
            "the Civil Aviation Administration", "the State Taxation Administration"]
TERMS = [  # (Chinese, pinyin, translation, slug)
    ("失信被执行人", "shīxìn bèi zhíxíngrén", "judgment defaulter", "shixin-bei-zhixingren"),
    ("统一社会信用代码", "tǒngyī shèhuì xìnyòng dàimǎ", "Unified Social Credit Code", "tongyi-shehui-xinyong-daima"),
    ("社会信用体系", "shèhuì xìnyòng tǐxì", "social credit system", "shehui-xinyong-tixi"),
    ("联合惩戒", "liánhé chéngjiè", "joint punishment", "lianhe-chengjie"),
    ("联合奖惩", "liánhé jiǎngchéng", "joint rewards and punishments", "lianhe-jiangcheng"),
    ("信用修复", "xìnyòng xiūfù", "credit repair", "xinyong-xiufu"),
    ("严重失信主体名单", "yánzhòng shīxìn zhǔtǐ míngdān", "list of seriously untrustworthy entities", "yanzhong-shixin-zhuti-mingdan"),
    ("经营异常名录", "jīngyíng yìcháng mínglù", "list of enterprises with abnormal operations", "jingying-yichang-minglu"),
    ("公共信用信息", "gōnggòng xìnyòng xìnxī", "public credit information", "gonggong-xinyong-xinxi"),
    ("信用承诺", "xìnyòng chéngnuò", "credit commitment", "xinyong-chengnuo"),
    ("限制高消费", "xiànzhì gāo xiāofèi", "restriction on high consumption", "xianzhi-gao-xiaofei"),
    ("征信", "zhēngxìn", "credit reporting", "zhengxin"),
    ("芝麻信用", "zhīma xìnyòng", "Sesame Credit", "zhima-xinyong"),
    ("百行征信", "bǎihang zhēngxìn", "Baihang Credit", "baihang-zhengxin"),
    ("公民身份号码", "gōngmín shēnfèn hàomǎ", "citizen identity number", "gongmin-shenfen-haoma"),
    ("守信激励", "shǒuxìn jīlì", "incentives for the trustworthy", "shouxin-jili"),
    ("失信惩戒", "shīxìn chéngjiè", "punishment of untrustworthiness", "shixin-chengjie"),
    ("信用监管", "xìnyòng jiānguǎn", "credit-based supervision", "xinyong-jianguan"),
    ("示范城市", "shìfàn chéngshì", "demonstration city", "shifan-chengshi"),
    ("行政处罚", "xíngzhèng chǔfá", "administrative penalty", "xingzheng-chufa"),
    ("信用中国", "xìnyòng zhōngguó", "Credit China", "xinyong-zhongguo"),
    ("诚信", "chéngxìn", "sincerity and trustworthiness", "chengxin"),
    ("重点关注名单", "zhòngdiǎn guānzhù míngdān", "watch list", "zhongdian-guanzhu-mingdan"),
    ("信用评价", "xìnyòng píngjià", "credit evaluation", "xinyong-pingjia"),
]
TAGS = ["blacklists", "courts", "travel-bans", "companies", "individuals", "local-pilots", "scores",
        "sesame-credit", "surveillance", "media", "foreign-business", "gsxt", "credit-china",
        "identifiers", "uscc", "joint-punishment", "credit-repair", "tax", "finance", "pboc",
        "education", "internet", "rongcheng", "suzhou", "legislation", "draft-law", "ndrc",
        "state-council", "translations", "statistics", "government-bodies", "red-lists"]
INTRO = [
    "The claim spread after {year} in articles that described {city}'s pilot as if it were national policy.",
    "It sounds plausible because {agency} does keep public records of people and companies that broke specific rules.",
    "Reports about {city} mixed up a local points scheme with the national system, and the mix-up stuck.",
    "Many readers first met the idea in a viral post from {year}, which cited no document at all.",
    "The wording people repeat comes from a {year} feature that described a future plan as a present fact.",
]
DOCUMENT = [
    "The [{title}]({link}) sets out the measures in Article {article}, and none of them is a score.",
    "Article {article} of the [{title}]({link}) lists who can be named, and the list is limited to court and regulatory decisions.",
    "In the Chinese text the key term is {term} ({pinyin}), which means {translation}, not a rating of a person.",
    "The [{title}]({link}) requires each measure to rest on a law or a regulation (Article {article}).",
    "{agency} published {count} entries on its list in {year}, and each entry names a decision that can be appealed.",
    "The document speaks of {term}, a term that translators render as {translation}.",
    "Joint punishment means that other agencies apply their own restrictions to someone already on a list; it does not add points.",
    "A person leaves the list once the judgment is paid, and the record is removed after {months} months.",
    "The rules name {count} kinds of restrictions, from flights and first-class train seats to luxury hotels.",
    "Companies are covered through their Unified Social Credit Code (统一社会信用代码), an 18-character identifier.",
    "Local rules in {city} used a 1,000-point scale, but only for listed violations, and residents did not have to take part.",
    "The national plan of 2014 (社会信用体系建设规划纲要) set goals for records and lists; it did not create a citizen score.",
]
ORIGIN = [
    "Press coverage in {year} often illustrated the story with Sesame Credit (芝麻信用), a private loyalty score run by Ant Group.",
    "Foreign readers rarely saw the Chinese originals, so translations shaped the debate more than the documents did.",
    "Several later articles corrected the story, but the corrections travelled much less far than the original claim.",
    "Researchers who read the {year} documents found {count} separate local schemes with different rules.",
    "The confusion is understandable: the word {term} covers honesty, trustworthiness and financial credit at once.",
    "Some pilots, including the one in {city}, did publish rankings of residents, and those pilots were criticised at home too.",
    "Officials in {city} ended the points scheme in {year} after complaints from residents and lawyers.",
]
UNCLEAR = [
    "What remains unclear is how many local databases still keep old pilot data.",
    "The draft Social Credit Law of 2022 has not been adopted, so the final rules may still change.",
    "We found no public figures on how often the restrictions are lifted after an appeal.",
    "Whether {agency} will merge its lists with those of other agencies is not settled.",
    "Court statistics for {year} give totals only, so the share of companies among the {count} entries is unknown.",
]
CLAIMS = [
    "In {city}, {behaviour} {consequence}.",
    "China's social credit system means that {behaviour} {consequence}.",
    "Everyone in China knows that {behaviour} {consequence}, and {agency} keeps the score.",
    "Since {year}, {behaviour} {consequence} in {city} and in other cities too.",
]
FACTS = [
    "No rule in {city} or nationally ties {behaviour} to a score; only decisions in specific cases put someone on a list.",
    "{agency} lists people only after a decision in a specific case, and {behaviour} is not a ground.",
    "The {year} rules in {city} gave points for {count} listed violations, and {behaviour} was not among them.",
    "A restriction follows a court or regulatory decision, not {behaviour}, and it ends when the duty is met.",
]
ESTABLISHES = [
    "Only a court or a regulator can put a person or a company on the list, after deciding a specific case.",
    "The list of {count} measures names each restriction and the law it rests on; none of them is a score.",
    "{agency} publishes the entries, and each one gives the decision and how to have it removed.",
    "The pilot in {city} covered listed violations only and allowed residents to appeal.",
    "The document uses the term {term}, which means {translation}.",
    "Restrictions end once the obligation is met, usually within {months} months.",
]
SHORT = [  # the first two open an answer
    "{agency} keeps lists of people who ignored specific court or regulatory decisions, and nothing in the rules scores {behaviour}.",
    "A list run by {agency} can restrict travel, but only after a court or regulator has decided a case.",
    "The consequences follow from being named on a list for a specific decision, not from a number.",
    "{city}'s local pilot used points for listed violations only, and it was voluntary.",
    "The restriction lasts until the obligation is met, usually within {months} months.",
]


# Prose for the bulk of the text. Sentences drawn only from a few templates compress about 11:1,
# while the real claims' explanations compress about 3:1, which would make every gzip number
# look far better than it will be. So most sentences are a word-level Markov walk over this
# corpus, with some words swapped for other corpus words, numbers and pinyin names; the mix is
# tuned so that the explanations compress like the real ones (see CALIBRATION below).
CORPUS = """\
China's social credit system is not a single score. It is a set of policies, launched nationally
by a State Council plan in 2014, that ties together registration codes for companies, public
records of court judgments and administrative penalties, blacklists whose entries face
restrictions from many agencies at once, and a patchwork of local experiments run by cities and
counties. Most of its rules apply to businesses, and most of its records are ordinary regulatory
data that any government keeps in some form.
The best known part is the list of judgment defaulters kept by the Supreme People's Court. A
person lands on that list after a court orders them to pay a debt or perform a duty and they
refuse although they are able to comply. Listed defaulters cannot buy plane tickets or first-class
train seats, stay in luxury hotels or send their children to expensive private schools until they
meet the obligation. The court publishes the names, and local courts have sometimes shown them on
screens in public places, which critics describe as shaming.
Joint punishment means that one agency's decision triggers restrictions imposed by other agencies.
The 2016 opinions of the State Council asked ministries to sign memorandums of understanding
listing the measures each would apply to entities on the blacklists of the others. By 2019 dozens
of such memorandums existed, covering taxes, customs, environmental protection, food safety,
transport and finance. In 2020 the State Council told agencies to stop inventing new lists without
a legal basis and to keep punishments proportionate.
Local pilots went further. Rongcheng in Shandong gave every resident a starting balance of one
thousand points and added or subtracted points for listed behaviour, from volunteering to traffic
violations. Suzhou and Hangzhou ran apps that offered discounts on public services to residents
with good records. These schemes were voluntary in practice, covered only a few kinds of conduct,
and many were scaled back after residents and legal scholars objected.
Private scores are a separate thing. Sesame Credit, run by Ant Group, was a loyalty and risk score
for users of the Alipay platform; it was one of eight companies allowed in 2015 to prepare for
personal credit reporting licences, none of which was granted. The People's Bank of China runs the
national credit reference center, which resembles credit bureaus elsewhere, and Baihang Credit is
a licensed private bureau owned partly by an industry association.
Foreign reporting often merged these strands into a single story about a national score that rates
every citizen. That story made its way into television series, political speeches and social media
posts, and it is still repeated. Researchers who read the documents in Chinese found fragmented
systems with uneven data, many paper plans and a strong focus on market regulation and enforcement
of court judgments.
The Unified Social Credit Code is an eighteen character identifier issued to every company, social
organisation and government body, similar to a tax number. It contains a registration authority
code, an organisation type, an administrative division code and a check character, and nothing in
it measures trustworthiness. Citizens are identified by the resident identity number, which
likewise carries no rating.
Draft legislation published in 2022 would put the system on a statutory footing, define which
information counts as public credit information, and set rules for correcting errors and removing
records after a period. The draft has not been adopted, and officials have said that the national
basic list of punishment measures sets the outer limit of what agencies may do.
"""
_WORDS = CORPUS.split()
_NEXT: dict[str, list[str]] = {}
for _a, _b in zip(_WORDS, _WORDS[1:], strict=False):
    _NEXT.setdefault(_a, []).append(_b)
_VOCAB = sorted({w.strip(".,;") for w in _WORDS if len(w) > 3})
_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split()
_FINALS = "a o e ai ei ao ou an en ang eng ong i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang".split()
SWAP = 0.7  # share of words swapped; see CALIBRATION
CALIBRATION = "explanations compress 3.1:1 with gzip -6; the real catalog's compressed 3.0:1 (Nov 2026)"


def pinyin_name(rng: random.Random) -> str:
    return "".join(rng.choice(_INITIALS) + rng.choice(_FINALS) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def filler(rng: random.Random, words: int) -> str:
    """One sentence of about that many words."""
    out, word = [], rng.choice(_WORDS)
    for _ in range(words):
        word = rng.choice(_NEXT.get(word) or _WORDS)
        r = rng.random()
        if r < SWAP * 0.4:
            out.append(pinyin_name(rng))
        elif r < SWAP * 0.55:
            out.append(f"{rng.randint(2, 9999)}")
        elif r < SWAP:
            out.append(rng.choice(_VOCAB))
        else:
            out.append(word.rstrip("."))  # one sentence: no full stop inside
    text = " ".join(out).rstrip(".,;")
    return text[0].upper() + text[1:] + "."


def fillers(rng: random.Random, low: int, high: int) -> str:
    return " ".join(filler(rng, rng.randint(10, 24)) for _ in range(rng.randint(low, high)))


def _fill(rng: random.Random, template: str, links: list[tuple[str, str]], **given: str) -> str:
    term = rng.choice(TERMS)
    title, link = rng.choice(links)
    slots = dict(
        year=rng.randint(2010, 2024), city=rng.choice(CITIES), agency=rng.choice(AGENCIES),
        article=rng.randint(2, 48), count=f"{rng.randint(120, 98000):,}", months=rng.randint(3, 36),
        term=term[0], pinyin=term[1], translation=term[2], title=title, link=link,
        behaviour=rng.choice(BEHAVIOURS)[0], consequence=rng.choice(CONSEQUENCES),
    )
    text = template.format(**{**slots, **given})
    return text[0].upper() + text[1:]


def _sentences(rng: random.Random, pool: list[str], count: int, links) -> str:
    return " ".join(_fill(rng, t, links) for t in rng.sample(pool, count))


@dataclass
class Plan:
    """The sizes and fixed ids of one synthetic catalog."""

    claims: int
    sources: int
    topics: list[str]
    claim_ids: list[str]
    source_ids: list[str]


SOURCE_BLOCK = 40  # claim i cites sources of block i % blocks; block 0 exists at every size
PUBLISHERS = [("state-council", "State Council General Office", "law", "zh"),
              ("clt", "China Law Translate", "translation", "en"),
              ("spc", "Supreme People's Court", "court", "zh"),
              ("ndrc", "National Development and Reform Commission", "official-data", "zh"),
              ("sac", "Standardization Administration of China", "standard", "zh"),
              ("samr", "State Administration for Market Regulation", "law", "zh"),
              ("merics", "Mercator Institute for China Studies", "research", "en"),
              ("wired", "WIRED", "journalism", "en"),
              ("trivium", "Trivium China", "research", "en"),
              ("wikipedia", "Wikipedia", "reference", "en")]
DOC_NAMES = [("Opinions on Accelerating the Construction of Credit Supervision", "关于加快推进信用监管体系建设的意见", "credit-supervision"),
             ("Planning Outline for the Construction of a Social Credit System", "社会信用体系建设规划纲要", "planning-outline"),
             ("Provisions on Publishing the List of Judgment Defaulters", "关于公布失信被执行人名单信息的若干规定", "defaulter-list"),
             ("Measures for Credit Repair", "信用修复管理办法", "credit-repair"),
             ("National Basic List of Punishment Measures for Untrustworthiness", "全国失信惩戒措施基础清单", "punishment-list"),
             ("Interim Regulation on Enterprise Information Disclosure", "企业信息公示暂行条例", "disclosure-regulation")]


def make_plan(claims: int, topics: list[str], reserved_claims=(), reserved_sources=()) -> Plan:
    if len(reserved_claims) > claims:
        raise SystemExit(f"hand-written pages link to {len(reserved_claims)} claims; benchmark at least that many")
    # About one source per four claims, in whole blocks, and enough for every linked source id.
    blocks = max(1, claims // 4 // SOURCE_BLOCK, -(-(len(reserved_sources) + 1) // SOURCE_BLOCK))
    sources = blocks * SOURCE_BLOCK
    claim_ids = []
    for i in range(claims):
        rng = random.Random(f"claim-id-{i}")
        behaviour = rng.choice(BEHAVIOURS)[1].split()
        consequence = rng.choice(CONSEQUENCES).split()[0]
        claim_ids.append("-".join([*behaviour[:2], consequence, f"{i:05d}"]).lower())
    source_ids = []
    for j in range(sources):
        slug, _, _, _ = PUBLISHERS[j % len(PUBLISHERS)]
        year = 2007 + j % 18
        source_ids.append(f"{slug}-{year}-{DOC_NAMES[j % len(DOC_NAMES)][2]}-{j:04d}")
    # Ids that hand-written pages link to must exist, or the strict build would fail.
    claim_ids[: len(reserved_claims)] = reserved_claims
    source_ids[1: 1 + len(reserved_sources)] = reserved_sources  # source 0 is a law (see kinds)
    return Plan(claims, sources, topics, claim_ids, source_ids)


def source_record(plan: Plan, j: int) -> dict:
    rng = random.Random(f"source-{j}")
    slug, publisher, kind, language = PUBLISHERS[j % len(PUBLISHERS)]
    doc_en, doc_zh, _ = DOC_NAMES[j % len(DOC_NAMES)]
    year = 2007 + j % 18
    record: dict = {}
    if kind == "translation":
        original = plan.source_ids[j - 1]  # the law, court rule ... just before it
        record["title"] = f"Translation: {doc_en} ({year} No. {rng.randint(1, 60)})"
        record["publisher"] = publisher
        record["authors"] = [rng.choice(["Jeremy Daum", "Rogier Creemers", "Graham Webster", "Katja Drinhausen"])]
    else:
        record["title"] = f"{doc_en} ({year} No. {rng.randint(1, 60)})" if language == "zh" else \
            f"{rng.choice(['Making Sense of', 'What We Get Wrong About', 'A Primer on'])} China's Social Credit System, part {j}"
        if language == "zh":
            record["title_original"] = f"{doc_zh}（{year}年第{rng.randint(1, 60)}号）"
        record["publisher"] = publisher
    record["published"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if kind == "law":
        record["effective"] = f"{min(year + 1, 2025)}-01-01"
    record["url"] = f"https://www.example-{slug}.cn/{year}/{j:04d}/content_{rng.randint(10**6, 10**7)}.htm"
    record["kind"] = kind
    record["language"] = language
    if kind == "translation":
        record["translates"] = original
    if j % 20 == 0:
        record["milestone"] = (f"{publisher} issues the {doc_en.lower()}, which sets out "
                               f"{rng.randint(5, 40)} measures for the {year} work plan.")
    if j % 7 == 3:
        record["notes"] = (f"The official page moved in {min(year + 3, 2025)}; the link points to the "
                           f"copy kept by {publisher}. 原文见政府网站。")
    return record


def claim_record(plan: Plan, i: int) -> dict:
    rng = random.Random(f"claim-{i}")
    behaviour, _ = rng.choice(BEHAVIOURS)
    consequence = rng.choice(CONSEQUENCES)
    city = rng.choice(CITIES) if rng.random() < 0.5 else f"{pinyin_name(rng)} county"
    block = i % (plan.sources // SOURCE_BLOCK)
    picks = rng.sample(range(SOURCE_BLOCK), rng.randint(2, 4))
    if not any(_primary(p) for p in picks):
        picks[0] = rng.choice([p for p in range(SOURCE_BLOCK) if _primary(p) and p not in picks])
    cited = [plan.source_ids[block * SOURCE_BLOCK + p] for p in picks]
    titles = [(DOC_NAMES[(block * SOURCE_BLOCK + p) % len(DOC_NAMES)][0], f"../sources/{sid}.md")
              for p, sid in zip(picks, cited, strict=True)]
    verdict = rng.choice(["true", "mostly-true", "mixed", "misleading", "mostly-false", "false", "unproven"])
    paragraphs = [
        _sentences(rng, INTRO, 1, titles) + " " + fillers(rng, 2, 3),
        "### What the documents say",
        _sentences(rng, DOCUMENT, rng.randint(1, 2), titles) + " " + fillers(rng, 2, 4),
        fillers(rng, 1, 2) + " " + _sentences(rng, DOCUMENT, 1, titles),
        "### Where the idea comes from",
        _sentences(rng, ORIGIN, 1, titles) + " " + fillers(rng, 2, 4),
        "### What remains unclear",
        _sentences(rng, UNCLEAR, 1, titles) + " " + fillers(rng, 1, 2),
    ]
    while len(" ".join(paragraphs).split()) < 260:  # explanations run 250 to 400 words
        paragraphs[3] = filler(rng, rng.randint(10, 24)) + " " + paragraphs[3]
    explanation = "\n\n".join(paragraphs)
    year = 2023 + rng.randint(0, 1)
    first = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    reviewed = f"2025-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
    record = {
        # each wording belongs to one claim only (SC210), so synthetic wordings carry their number
        "claim": _fill(rng, rng.choice(CLAIMS), titles, city=city, behaviour=behaviour, consequence=consequence)[:-1] + f" (no. {i}).",
        "phrasings": [{"text": f"Claim {i}: {behaviour} {consequence} wherever you live in China."},
                      {"text": f"第{i}条：{city}的{behaviour}会降低信用分", "language": "zh"}],
        "fact": _fill(rng, rng.choice(FACTS), titles, city=city, behaviour=behaviour),
        "verdict": verdict,
        "short_answer": _fill(rng, rng.choice(SHORT[:2]), titles) + " " + fillers(rng, 1, 2),
        "explanation": explanation,
    }
    if i % 4 == 0:
        record["bottom_line"] = f"{behaviour.capitalize()} does not change any score; court decisions do."
    record["topic"] = plan.topics[rng.randrange(len(plan.topics))]
    record["tags"] = rng.sample(TAGS, 3)
    record["citations"] = [
        {"source": sid, "locator": f"Article {rng.randint(2, 48)}, paragraph {rng.randint(1, 4)}",
         "establishes": (_fill(rng, rng.choice(ESTABLISHES), titles) + " " + fillers(rng, 0, 1)).strip()}
        for sid in cited
    ]
    record["first_published"] = first
    record["last_reviewed"] = max(first, reviewed)
    record["evidence_as_of"] = f"{year - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if i % 5 == 0:
        earlier = rng.choice(["unproven", "mixed"])
        record["changes"] = [
            {"date": first, "summary": "First published.", "verdict": earlier},
            {"date": record["last_reviewed"], "summary": f"New {rng.randint(2021, 2024)} court statistics "
             "settle the question; the verdict changes accordingly.", "verdict": verdict},
        ]
    if i % 3 == 0 and plan.claims > 2:
        record["related"] = [plan.claim_ids[(i + 1) % plan.claims], plan.claim_ids[(i + 2) % plan.claims]]
    record["appearances"] = [
        {"title": f"{behaviour.capitalize()} and your score: how China watches {city}",
         "publisher": rng.choice(["Daily Example", "Example Post", "Example Broadcasting"]),
         "date": f"{rng.randint(2015, 2022)}-{rng.randint(1, 12):02d}",
         "url": f"https://news.example.com/{i}/{rng.randint(1000, 9999)}"},
    ]
    return record


def _primary(p: int) -> bool:
    return PUBLISHERS[p % len(PUBLISHERS)][2] in ("law", "translation", "court", "official-data", "standard")


def glossary_record(plan: Plan, k: int) -> dict:
    term, pinyin, translation, _ = TERMS[k]
    return {
        "term": term, "pinyin": pinyin, "translation": translation,
        "why": (f"{translation.capitalize()} is the closest English; renderings that use 'score' or 'rating' "
                f"suggest a number that the documents never assign. 例如：{term}不是分数。 " * 2).strip(),
        "claims": sorted({plan.claim_ids[(k * 37 + n * 11) % plan.claims] for n in range(3)}),
        "sources": sorted({plan.source_ids[(k * 13 + n * 7) % plan.sources] for n in range(2)}),
    }


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks, the way contributors write explanations."""


def _str(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _str)


def dump_yaml(record: dict) -> str:
    return yaml.dump(record, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)


def linked_ids(docs: Path, folder: str) -> list[str]:
    """Ids of claims or sources that hand-written pages link to (e.g. a featured claim)."""
    found: dict[str, None] = {}
    for page in sorted(docs.rglob("*.md")):
        for match in re.finditer(rf"\]\((?:\.\./)*{folder}/([a-z0-9-]+)\.md", page.read_text(encoding="utf-8")):
            if match.group(1) != "index":
                found[match.group(1)] = None
    return list(found)


def write_project(project: Path, claims: int) -> Plan:
    """A copy of the project with a synthetic catalog; the real topic pages keep nav valid."""
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    for shared in ("catalog", "overrides"):
        (project / shared).symlink_to(ROOT / shared)
    topics = sorted(p.stem for p in (project / "docs" / "topics").glob("*.md") if p.stem != "index")
    plan = make_plan(claims, topics, linked_ids(project / "docs", "claims"), linked_ids(project / "docs", "sources"))
    for folder, count, make, ids in (("sources", plan.sources, source_record, plan.source_ids),
                                     ("claims", plan.claims, claim_record, plan.claim_ids),
                                     ("glossary", len(TERMS), glossary_record, [t[3] for t in TERMS])):
        (project / folder).mkdir()
        for index in range(count):
            (project / folder / f"{ids[index]}.yaml").write_text(dump_yaml(make(plan, index)), encoding="utf-8")
    result = read_catalog(project, registry=False)  # a real project registers every address it publishes
    if result.catalog is not None:
        write_registry(project, site_paths(result.catalog, project))
    return plan


# --------------------------------------------------------------------------------------------
# The baseline: the Markdown our hook feeds to MkDocs, written as plain files.
# --------------------------------------------------------------------------------------------

MIRRORED_EVENTS = {"on_startup", "on_shutdown", "on_serve", "on_config", "on_files", "on_page_markdown"}


def write_baseline(ours: Path, baseline: Path) -> float:
    """Run our hooks in this process and write what they produce as plain files.

    Every page gets the Markdown and front matter our hooks hand to MkDocs; every other file the
    hooks add (data files, share cards) is copied as a static file. The baseline's mkdocs.yml is
    ours without `hooks:`, with the edit_uri the hook derives. Returns the seconds on_files took
    (a cold share-card cache: this call fills ours/.cache, so the timed builds find it warm).
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    baseline.mkdir(parents=True)
    for name in ("catalog", "overrides", "claims", "sources", "glossary"):
        (baseline / name).symlink_to((ours / name).resolve())
    shutil.copytree(ours / "docs", baseline / "docs")
    config = load_config(str(ours / "mkdocs.yml"))
    hooks = dict(config.hooks)
    for name, hook in hooks.items():
        other = sorted(e for e in dir(hook) if e.startswith("on_") and callable(getattr(hook, e)) and e not in MIRRORED_EVENTS)
        if other:
            print(f"note: the baseline does not mirror {name}'s {', '.join(other)}", file=sys.stderr)

    def run(event: str, item, **kwargs):
        for name, hook in hooks.items():
            method = getattr(hook, event, None)
            if method is not None:
                config.plugins._current_plugin = name  # File.generated() records who made the file
                try:
                    result = method(item, **kwargs)
                finally:
                    config.plugins._current_plugin = None
                item = item if result is None else result
        return item

    config = run("on_config", config)
    start = time.perf_counter()
    files = run("on_files", get_files(config), config=config)
    seconds = time.perf_counter() - start
    for file in files:
        target = baseline / "docs" / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if not file.is_documentation_page():
            if file.generated_by:
                target.write_bytes(file.content_bytes)
            continue
        page = Page(None, file, config)
        page.read_source(config)
        markdown = run("on_page_markdown", page.markdown, page=page, config=config, files=files)
        meta = yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False, width=1 << 20) if page.meta else ""
        target.write_text((f"---\n{meta}---\n\n" if meta else "") + markdown, encoding="utf-8")
    text = (ours / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n)+", "", text)
    text += f"\nedit_uri: {json.dumps(config.edit_uri)}\n"
    redirects = config.plugins.get("redirects")
    if redirects is not None and redirects.config.get("redirect_maps"):
        maps = json.dumps(redirects.config["redirect_maps"])
        text, count = re.subn(r"(?m)^(\s*)redirect_maps:.*$", lambda m: f"{m.group(1)}redirect_maps: {maps}", text)
        if count != 1:
            raise RuntimeError("cannot write the hook's redirect_maps into the baseline's mkdocs.yml")
    (baseline / "mkdocs.yml").write_text(text, encoding="utf-8")
    return seconds


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------

def timed_validation(project: Path):
    """Wall seconds, CPU seconds of this process and its worker processes, and the result."""
    start, cpu, workers_cpu = time.perf_counter(), time.process_time(), children_cpu()
    result = read_catalog(project)
    seconds = time.perf_counter() - start
    return seconds, time.process_time() - cpu + children_cpu() - workers_cpu, result


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # children that ended and were waited for
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, site: Path, log: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB and exit code of `mkdocs build --strict`."""
    if site.exists():
        shutil.rmtree(site)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                                   cwd=project, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not all children's
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self._config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        self._config = tag == "script" and a.get("id") == "__config"

    def handle_data(self, data):
        if self._config:
            self.config += data

    def handle_endtag(self, tag):
        self._config = False


def local_file(site: Path, page_path: str, url: str) -> Path | None:
    parts = urlsplit(urljoin(f"http://site/{page_path}", url))
    if parts.netloc != "site":
        return None
    path = site / parts.path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


def first_visit_static(site: Path, page_path: str) -> int:
    """HTML + CSS + JS + search worker + search index of one page, each gzipped on its own."""
    html = (site / page_path / "index.html").read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    urls = list(parser.urls)
    if parser.config.strip():
        worker = json.loads(parser.config).get("search")
        if worker:
            urls.append(worker)
    total = gz(html)
    for url in dict.fromkeys(urls):
        path = local_file(site, page_path, url)
        if path is not None and path.is_file():
            total += gz(path.read_bytes())
    index = site / "search" / "search_index.json"
    return total + (gz(index.read_bytes()) if index.is_file() else 0)


def first_visit_browser(site: Path, page_path: str) -> int | None:
    """Bytes (gzip) of every same-site file Chromium requests while loading the page and idling."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium.PATH).exists():
        return None
    requested: list[str] = []
    with StaticServer(site) as server, sync_playwright() as playwright:
        base = server.url
        browser = chromium.launch(playwright)
        try:
            context = browser.new_context()
            context.on("request", lambda request: requested.append(request.url))
            page = context.new_page()
            page.goto(base + page_path, wait_until="networkidle")
            page.wait_for_timeout(1000)
        finally:
            browser.close()
    total = 0
    for url in dict.fromkeys(requested):
        if url.startswith(base):
            path = local_file(site, urlsplit(url).path.lstrip("/"), "")
            if path is not None and path.is_file():
                total += gz(path.read_bytes())
    return total


def dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_size(claims: int, work: Path, args) -> dict:
    row: dict = {"claims": claims, "error": None}
    log = lambda message: print(f"[{claims:,} claims] {message}", file=sys.stderr, flush=True)  # noqa: E731
    ours, baseline = work / "ours", work / "baseline"
    log("writing the synthetic catalog")
    plan = write_project(ours, claims)
    row.update(sources=plan.sources, glossary=len(TERMS), sample_claim=plan.claim_ids[0])
    row["yaml_bytes"] = sum(dir_size(ours / f) for f in ("claims", "sources", "glossary"))

    for attempt in range(args.repeat):
        log(f"validating ({attempt + 1}/{args.repeat})")
        seconds, cpu, result = timed_validation(ours)
        row["validation_s"] = min(seconds, row.get("validation_s", seconds))
        row["validation_cpu_s"] = min(cpu, row.get("validation_cpu_s", cpu))
    row["validation_workers"] = worker_count(result.files)  # the choice read_catalog made
    row["diagnostics"] = [str(d) for d in result.diagnostics]
    if result.diagnostics:
        row["error"] = f"the synthetic catalog has {len(result.diagnostics)} problems: " + "; ".join(row["diagnostics"][:5])
        return row

    log("writing the baseline pages")
    row["hook_cold_s"] = write_baseline(ours, baseline)
    runs: dict[str, list[tuple[float, float, float]]] = {"ours": [], "baseline": []}
    for attempt in range(args.repeat):  # alternate, so a busy moment hits both alike
        for name, project in (("ours", ours), ("baseline", baseline)):
            log(f"building {name} ({attempt + 1}/{args.repeat})")
            seconds, cpu, peak, code = timed_build(project, work / f"site-{name}", work / f"build-{name}.log")
            if code != 0:
                tail = (work / f"build-{name}.log").read_text(encoding="utf-8", errors="replace")[-3000:]
                row["error"] = f"mkdocs build of {name} failed with exit code {code}:\n{tail}"
                return row
            runs[name].append((seconds, cpu, peak))
    for name, measured in runs.items():
        row[f"{name}_build_s"] = min(m[0] for m in measured)
        row[f"{name}_cpu_s"] = min(m[1] for m in measured)
        row[f"{name}_peak_mb"] = max(m[2] for m in measured)
    row["per_claim_ms"] = row["ours_cpu_s"] / claims * 1000
    row["baseline_per_claim_ms"] = row["baseline_cpu_s"] / claims * 1000
    row["ratio"] = row["ours_cpu_s"] / row["baseline_cpu_s"]
    row["wall_ratio"] = row["ours_build_s"] / row["baseline_build_s"]

    site = work / "site-ours"
    page_path = f"claims/{plan.claim_ids[0]}/"
    row["claim_html_bytes"] = (site / page_path / "index.html").stat().st_size
    row["baseline_claim_html_bytes"] = (work / "site-baseline" / page_path / "index.html").stat().st_size
    index = (site / "search" / "search_index.json").read_bytes()
    row["index_bytes"], row["index_gz_bytes"] = len(index), gz(index)
    row["first_visit_static_bytes"] = first_visit_static(site, page_path)
    row["first_visit_browser_bytes"] = None
    if args.browser != "no":
        log("loading the claim page in Chromium")
        try:
            row["first_visit_browser_bytes"] = first_visit_browser(site, page_path)
        except Exception as error:  # a missing or broken browser must not hide the other numbers
            if args.browser == "yes":
                raise
            log(f"no browser measurement: {error}")
    row["site_bytes"] = dir_size(site)
    row["pages"] = sum(1 for _ in site.rglob("index.html"))
    return row


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

KB, MB = 1024, 1024 * 1024
ROWS = (  # (label, key, format)
    ("sources", "sources", "{:,}"),
    ("pages built", "pages", "{:,}"),
    ("validation processes", "validation_workers", "{:,}"),
    ("validation time, wall (s)", "validation_s", "{:.2f}"),
    ("validation time, CPU, all processes (s)", "validation_cpu_s", "{:.2f}"),
    ("build time, wall (s)", "ours_build_s", "{:.1f}"),
    ("build time, CPU (s)", "ours_cpu_s", "{:.1f}"),
    ("time per claim, CPU (ms)", "per_claim_ms", "{:.2f}"),
    ("peak memory (MB)", "ours_peak_mb", "{:,.0f}"),
    ("hook on_files, cold card cache (s)", "hook_cold_s", "{:.1f}"),
    ("baseline build time, wall (s)", "baseline_build_s", "{:.1f}"),
    ("baseline build time, CPU (s)", "baseline_cpu_s", "{:.1f}"),
    ("baseline time per claim, CPU (ms)", "baseline_per_claim_ms", "{:.2f}"),
    ("baseline peak memory (MB)", "baseline_peak_mb", "{:,.0f}"),
    ("build / baseline, wall", "wall_ratio", "{:.2f}x"),
    ("build / baseline, CPU", "ratio", "{:.2f}x"),
    ("claim page HTML (KB)", "claim_html_bytes", "kb"),
    ("search index raw (KB)", "index_bytes", "kb"),
    ("search index gzip (KB)", "index_gz_bytes", "kb"),
    ("first visit gzip, static (KB)", "first_visit_static_bytes", "kb"),  # HTML, CSS, JS, worker, index
    ("first visit gzip, browser (KB)", "first_visit_browser_bytes", "kb"),  # what Chromium fetched
    ("total site size (MB)", "site_bytes", "mb"),
)


def cell(row: dict, key: str, fmt: str) -> str:
    value = row.get(key)
    if value is None:
        return "-"
    if fmt == "kb":
        return f"{value / KB:,.1f}"
    if fmt == "mb":
        return f"{value / MB:,.1f}"
    return fmt.format(value)


def table(rows: list[dict]) -> str:
    header = ["claims", *(f"{r['claims']:,}" for r in rows)]
    lines = [[label, *(cell(r, key, fmt) for r in rows)] for label, key, fmt in ROWS]
    width = max(len(line[0]) for line in [header, *lines])
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(1, len(header))]
    out = []
    for n, line in enumerate([header, *lines]):
        out.append("| " + line[0].ljust(width) + " | " + " | ".join(c.rjust(w) for c, w in zip(line[1:], widths, strict=True)) + " |")
        if n == 0:
            out.append("|" + "-" * (width + 2) + "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def evaluate(rows: list[dict]) -> list[tuple[str, str, str, str]]:
    """(target, measured, limit, PASS/FAIL/SKIP) for each target."""
    by_size = {r["claims"]: r for r in rows if not r.get("error")}
    out = []
    for key, text, size in TARGETS:
        r = by_size.get(size)
        if key == "baseline-ratio":
            verdict = (f"{r['ratio']:.2f}x", "1.10x", r["ratio"] <= 1.10) if r else None
        elif key == "linear":
            small = by_size.get(1000)
            if r and small:
                ratio = r["per_claim_ms"] / small["per_claim_ms"]
                verdict = (f"{ratio:.2f}x ({r['per_claim_ms']:.2f} / {small['per_claim_ms']:.2f} ms)", "1.20x", ratio <= 1.2)
            else:
                verdict = None
        elif key == "page-size":
            small = by_size.get(100)
            if r and small:
                ratio = r["claim_html_bytes"] / small["claim_html_bytes"]
                verdict = (f"{ratio:.2f}x ({r['claim_html_bytes'] / KB:.1f} / {small['claim_html_bytes'] / KB:.1f} KB)", "1.10x", ratio <= 1.1)
            else:
                verdict = None
        elif key == "validation":
            verdict = (f"{r['validation_s']:.2f} s", "5 s", r["validation_s"] <= 5) if r else None
        else:
            if r:
                measured = r["first_visit_browser_bytes"]
                how = "browser"
                if measured is None:
                    measured, how = r["first_visit_static_bytes"], "static"
                verdict = (f"{measured / KB:.1f} KB ({how})", "100 KB", measured <= 100 * KB)
            else:
                verdict = None
        if verdict is None:
            out.append((text, "-", "-", "SKIP"))
        else:
            out.append((text, verdict[0], verdict[1], "PASS" if verdict[2] else "FAIL"))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="claim counts, comma-separated (default 100,1000,10000)")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep the projects, sites and logs")
    parser.add_argument("--repeat", type=int, default=1, help="validations and builds per project; the fastest counts (default 1)")
    parser.add_argument("--browser", choices=("auto", "yes", "no"), default="auto",
                        help="measure the first visit in Chromium too (default: when available)")
    parser.add_argument("--json", metavar="FILE", help="also write the measurements as JSON")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a target fails")
    args = parser.parse_args(argv)
    sizes = [int(s.replace(",", "").replace("_", "")) for s in args.sizes.replace(" ", "").split(",") if s]
    if args.keep:
        work = Path(args.keep).resolve()
        work.mkdir(parents=True, exist_ok=True)
        if any(work.iterdir()):
            parser.error(f"--keep {work} must be empty or new")
    else:
        work = Path(tempfile.mkdtemp(prefix="bench-build-"))
    rows = []
    try:
        for claims in sizes:
            rows.append(bench_size(claims, work / f"claims-{claims}", args))
            if not args.keep:
                shutil.rmtree(work / f"claims-{claims}", ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"Build benchmark: synthetic catalogs, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"gzip level {GZIP_LEVEL}, best of {args.repeat} run(s). Build times are for `mkdocs build --strict`;\n"
          "the build targets use CPU time (user + system), which a busy machine disturbs less than wall time;\n"
          "validation is timed on the wall clock, since it shares large catalogs out over worker processes.\n"
          "First visit: each file gzipped; 'static' adds the page's HTML, CSS, JS, search worker and index,\n"
          "'browser' every file Chromium fetched while loading the page (the target uses it when available).\n")
    print(table(rows))
    print()
    checks = evaluate(rows)
    width = max(len(c[0]) for c in checks)
    for text, measured, limit, status in checks:
        print(f"{status:4}  {text.ljust(width)}  measured {measured}, limit {limit}")
    errors = [r for r in rows if r.get("error")]
    for r in errors:
        print(f"\nERROR at {r['claims']:,} claims: {r['error']}", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "targets": checks}, indent=2), encoding="utf-8")
    if errors:
        return 2
    if args.enforce and any(c[3] == "FAIL" for c in checks):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
