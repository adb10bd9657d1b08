"""A synthetic catalog of any size, shaped like the real one, in a throw-away copy of the project.

Every synthetic record is modelled on a record of the real catalog: the same fields, as many
citations, phrasings, appearances and changes, the same verdict, topic, tags and dates, and text
of the same length in which every word is replaced by a word-level Markov walk over the real
catalog's own text and every run of Chinese characters by real Chinese runs of the same length.
So the counts per claim, the length and compressibility of the text and the share of Chinese
follow the real catalog as it is today, without a number written down here. Sources are added in
the real proportion to claims, queued claims too; the glossary keeps its real size (its terms are
real Chinese words that do not multiply with claims).

write_project() makes the project (mkdocs.yml, docs/ and overrides/ of this repository, a
catalog/ link, the synthetic records and their permalinks.txt); ratios() measures a catalog.
"""

from __future__ import annotations

import gzip
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from catalog.checks import normal_wording
from catalog.contract import CLAIM_FIELDS, QUEUE_FIELDS, SOURCE_FIELDS
from catalog.models import WAYBACK, Catalog
from catalog.permalinks import site_paths, write_registry
from catalog.pipeline import read_catalog
from catalog.project import ROOT
from catalog.shapes import SHAPES
from catalog.values import VERDICT_OPENING

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"(?P<word>[A-Za-z]+(?:['’-][A-Za-z]+)*)|(?P<han>[{HAN}]+)")
HAN_CHAR = re.compile(f"[{HAN}]")
LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)\)")
PAGE_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./)?((?:claims|sources)/[a-z0-9-]+)\.md(#[\w-]*)?\)")
SYLLABLES = ("ba bai ban bang bao bei ben bi bian bin bo bu ca cai can cao ce cha chan chang chen cheng chi chong chu chuan "
             "chun ci cong cui da dai dan dang dao de deng di dian diao ding dong dou du duan dun duo fa fan fang fei fen feng fu "
             "gai gan gang gao ge gen geng gong gou gu gua guan guang gui guo hai han hang hao he hei hen heng hong hou hu hua huai "
             "huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiu ju juan jue jun ka kai kan kang ke ken kong kou ku kuai "
             "kuan kuang kui kun kuo la lai lan lang lao le lei leng li lian liang liao lie lin ling liu long lou lu luan lun luo lü "
             "ma mai man mang mao mei men meng mi mian miao min ming mo mou mu na nan nao nei neng ni nian niao ning niu nong nu nuo "
             "pa pai pan pang pao pei pen peng pi pian piao pin ping po pu qi qia qian qiang qiao qie qin qing qiu qu quan que qun "
             "ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen sha shan shang shao she shen sheng "
             "shi shou shu shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao teng ti tian tiao tie ting tong "
             "tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue "
             "xun ya yan yang yao ye yi yin ying yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang "
             "zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo").replace("lü ", "").split()
REPEAT = 0.2  # share of words taken again from earlier in the same text: explanations then compress like the real ones
CLAIM_NAMES, SOURCE_NAMES, QUEUE_NAMES = 0, 2_000_000, 4_000_000  # name ranges, so ids never collide across folders
RATIOS = ("sources per claim", "citations per claim", "sources cited by one claim (share)", "phrasings per claim",
          "appearances per claim", "distinct facts per claim", "explanation length (characters)", "Chinese share of claim text",
          "explanation gzip ratio", "queued claims per claim")


def name(number: int) -> str:
    """A pinyin-like name of two or more syllables, different for every number."""
    base, syllables, number = len(SYLLABLES), [], number + len(SYLLABLES)
    while number:
        number, digit = divmod(number, base)
        syllables.append(SYLLABLES[digit])
    return "".join(reversed(syllables))


def claim_text(claim) -> list[str]:
    """The text of a claim that readers read: wordings, fact, answer, explanation, evidence."""
    return [claim.claim, *(p.text for p in claim.phrasings), claim.fact, claim.short_answer, claim.explanation,
            claim.bottom_line or "", *(c.establishes for c in claim.citations)]


def ratios(catalog: Catalog) -> dict[str, float]:
    """The proportions that the synthetic catalog reproduces, measured on a loaded catalog."""
    claims, n = catalog.claims, max(1, len(catalog.claims))
    text = "".join(t for c in claims for t in claim_text(c))
    explanations = [c.explanation.encode("utf-8") for c in claims]
    packed = sum(len(gzip.compress(e, 6, mtime=0)) for e in explanations)
    return {
        "sources per claim": len(catalog.sources) / n,
        "citations per claim": sum(len(c.citations) for c in claims) / n,
        # a source one claim cites has no page of its own (catalog/site.py), so this share sizes the site
        "sources cited by one claim (share)": sum(len(s.cited_by) == 1 for s in catalog.sources) / max(1, len(catalog.sources)),
        "phrasings per claim": sum(len(c.phrasings) for c in claims) / n,
        "appearances per claim": sum(len(c.appearances) for c in claims) / n,
        "distinct facts per claim": len({c.fact for c in claims}) / n,
        "explanation length (characters)": sum(len(c.explanation) for c in claims) / n,
        "Chinese share of claim text": len(HAN_CHAR.findall(text)) / max(1, len(text)),
        "explanation gzip ratio": sum(len(e) for e in explanations) / max(1, packed),  # each page is compressed alone
        "queued claims per claim": len(catalog.queue) / n,
    }


@dataclass
class Words:
    """Replacement words and Chinese runs, learnt from the real catalog's text."""

    following: dict[str, list[str]] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    han_runs: list[str] = field(default_factory=list)

    def learn(self, text: str) -> None:
        text = LINK.sub(lambda m: m.group(2), text)  # link text counts, addresses do not
        previous = None
        for match in TOKEN.finditer(text):
            if match.group("han"):
                self.han_runs.append(match.group("han"))
                continue
            word = match.group("word")
            self.words.append(word)
            if previous is not None:
                self.following.setdefault(previous, []).append(word)
            previous = word

    def reword(self, text: str, rng: random.Random) -> str:
        """text with every word and Chinese run replaced; spaces, digits and punctuation kept.
        Some words come back from earlier in the same text, as a text's subject does."""
        word, used = rng.choice(self.words), []

        def replace(match: re.Match) -> str:
            nonlocal word
            if match.group("han"):
                return self.han(len(match.group("han")), rng)
            word = rng.choice(used) if used and rng.random() < REPEAT else rng.choice(self.following.get(word) or self.words)
            used.append(word)
            original = match.group("word")
            if word.isupper() or original.isupper():
                return word
            return word[0].upper() + word[1:] if original[0].isupper() else word[0].lower() + word[1:]
        return TOKEN.sub(replace, text)

    def han(self, length: int, rng: random.Random) -> str:
        out = ""
        while len(out) < length:
            out += rng.choice(self.han_runs)
        return out[:length]


def _fit(text: str, max_length: int | None) -> str:
    """Text cut at a word to the field's limit: reworded words may be longer than the real ones."""
    if max_length and len(text.strip()) > max_length:
        return text.strip()[: max_length - 1].rsplit(" ", 1)[0] + "."
    return text


def synthetic_id(real_id: str, number: int) -> str:
    """The real id's first words and a name: as long as the real id, so addresses weigh the same."""
    words, suffix = real_id.split("-"), name(number)
    kept = [words[0]]
    for word in words[1:]:
        if len("-".join([*kept, word])) + 1 + len(suffix) > len(real_id):
            break
        kept.append(word)
    return "-".join([*kept, suffix])


class Generator:
    """Writes the synthetic records of one catalog size, each from its own seed."""

    def __init__(self, real: Catalog, claims: int):
        self.real, self.n = real, claims
        self.words = Words()
        for claim in real.claims:
            for text in claim_text(claim):
                self.words.learn(text)
        for text in [*(s.title for s in real.sources), *(s.notes or "" for s in real.sources), *(q.claim for q in real.queue)]:
            self.words.learn(text)
        self.claim_profiles = _profiles(real, claims)
        shape = ratios(real)
        self.sources = max(1, round(shape["sources per claim"] * claims))
        demand = sum(len(self.claim_profile(i).sources) for i in range(claims))
        self.source_profiles = _source_profiles(real, self.sources, demand)
        self.queue_profiles = random.Random("queue").sample(real.queue, len(real.queue))
        queued = round(shape["queued claims per claim"] * claims) if real.queue else 0
        self.claim_ids = [synthetic_id(self.claim_profile(i).id, CLAIM_NAMES + i) for i in range(claims)]
        self.source_ids = [synthetic_id(self.source_profile(j).id, SOURCE_NAMES + j) for j in range(self.sources)]
        self.queue_ids = [synthetic_id(self.queue_profile(k).id, QUEUE_NAMES + k) for k in range(queued)]
        assert len(set(self.claim_ids + self.source_ids + self.queue_ids)) == claims + self.sources + queued
        self.primary = [self.source_profile(j).kind.primary for j in range(self.sources)]
        self.cited = self._citation_plan()
        self.wordings: set[str] = set()
        self.facts: set[str] = set()

    def _citation_plan(self) -> list[list[int]]:
        """The sources each claim cites. Each synthetic source is cited by as many claims as the real
        source it copies, so that the share of sources one claim cites, and of pages, matches."""
        slots = [j for j in range(self.sources) for _ in range(len(self.source_profile(j).cited_by))]
        random.Random("citations").shuffle(slots)
        plan, waiting, spare = [], [], iter(range(10 ** 9))
        for i in range(self.n):
            chosen: list[int] = []
            passed: list[int] = []
            while len(chosen) < min(len(self.claim_profile(i).sources), self.sources):
                j = waiting.pop() if waiting else slots.pop() if slots else next(spare) % self.sources
                (passed if j in chosen else chosen).append(j)
            waiting.extend(passed)  # a source this claim already cites goes to the next claim
            plan.append(chosen)
        return plan

    def claim_profile(self, i: int):
        return self.claim_profiles[i % len(self.claim_profiles)]

    def source_profile(self, j: int):
        return self.source_profiles[j % len(self.source_profiles)]

    def queue_profile(self, k: int):
        return self.queue_profiles[k % len(self.queue_profiles)]

    def _text(self, f, value: str, rng: random.Random, markdown_links=None) -> str:
        if markdown_links is None:
            text = self.words.reword(value, rng)
        else:  # link text is reworded and each address moved to a synthetic page
            text, last = "", 0
            for match in LINK.finditer(value):
                text += self.words.reword(value[last:match.start()], rng)
                text += f"{match.group(1)}[{self.words.reword(match.group(2), rng)}]({markdown_links(match.group(3))})"
                last = match.end()
            text += self.words.reword(value[last:], rng)
        return _fit(text, f.max_length)

    def values(self, fields, record, rng: random.Random, refs, unique: str = "") -> dict:
        """A record's fields with the same shapes as record's, text reworded, ids from refs."""
        out = {}
        for f in fields:
            value = getattr(record, "declared_related" if f.name == "related" else f.name, None)
            derived = (f.name == "archive_url" and value == WAYBACK + record.url) or (f.name == "language" and not f.required and value == "en")
            if f.name == "id" or value is None or value == [] or derived:  # what the models fill in was not written
                continue
            out[f.name] = self.value(f, value, rng, refs, unique)
        return out

    def value(self, f, value, rng, refs, unique):
        if f.shape == "list":  # reworded again where a short item (an author's name) comes out as an earlier one
            items = []
            for item in value:
                new = self.value(f.item, item, rng, refs, unique)
                for _ in range(20):
                    if new not in items:
                        break
                    new = self.value(f.item, item, rng, refs, unique)
                items.append(new)
            return items
        if f.shape == "record":
            return self.values(f.fields, value, rng, refs, unique)
        if f.shape in ("claim-ref", "source-ref") or f.name == "alias":
            return refs(f, value)
        if SHAPES[f.shape].text:  # every field of prose is reworded, whatever its own checks
            text = self._text(f, value, rng, (lambda target: refs(None, target)) if f.shape == "markdown" else None)
            if f.shape == "answer" and VERDICT_OPENING.match(text.strip()):
                text = _fit(f"In {unique.capitalize()}, {text.strip()[0].lower()}{text.strip()[1:]}", f.max_length)
            if f.name in ("claim", "text") and not self._new(self.wordings, text):  # SC210: a wording belongs to one claim
                text = self._unique(self.wordings, text, unique, f.max_length)
            if f.name == "fact" and not self._new(self.facts, text):
                text = self._unique(self.facts, text, unique, f.max_length)
            return text
        if f.shape in ("date",):
            return value.isoformat()
        if f.shape in ("verdict", "source-kind"):
            return value.slug
        if f.shape == "topic-ref":
            return value.id
        return value  # urls, languages, tags, partial dates, integers, Chinese glossary terms

    @staticmethod
    def _new(seen: set[str], text: str) -> bool:
        key = normal_wording(text)
        if key in seen:
            return False
        seen.add(key)
        return True

    def _unique(self, seen: set[str], text: str, unique: str, max_length: int | None = None) -> str:
        number = 0
        while True:
            suffix = f" ({unique.capitalize()}{f' {number}' if number else ''})"
            base = text.rstrip(".")
            if max_length and len(base) + len(suffix) > max_length:
                base = base[: max_length - len(suffix)].rsplit(" ", 1)[0]
            candidate = base + suffix
            if self._new(seen, candidate):
                return candidate
            number += 1

    def claim(self, i: int) -> dict:
        real, rng = self.claim_profile(i), random.Random(f"claim-{i}")
        cited = list(self.cited[i])
        if not any(self.primary[j] for j in cited):  # every claim cites a primary source
            cited[0] = next(j % self.sources for j in range(cited[0], cited[0] + self.sources) if self.primary[j % self.sources])
        by_real = {s.id: self.source_ids[j] for s, j in zip(real.sources, cited, strict=False)}
        related = [self.claim_ids[(i + 1 + k) % self.n] for k in range(len(real.declared_related))]
        others = iter(related + [self.claim_ids[(i + k) % self.n] for k in range(1, 50)])

        def refs(f, value):
            if f is None:  # an address in the explanation
                if value.startswith("../sources/"):
                    real_id = value[len("../sources/"):].split(".md")[0]
                    return f"../sources/{by_real.get(real_id) or self.source_ids[rng.randrange(self.sources)]}.md"
                if value.startswith("../claims/"):
                    return f"../claims/{next(others, self.claim_ids[i])}.md"
                return value
            if f.shape == "source-ref":
                return by_real.get(value.id) or self.source_ids[cited[0]]
            if f.name == "alias":
                return f"{self.claim_ids[i]}-{name(rng.randrange(10 ** 6))}"
            return next(others)
        record = self.values(CLAIM_FIELDS, real, rng, refs, unique=name(CLAIM_NAMES + i))
        record["related"] = [r for r in dict.fromkeys(record.get("related", [])) if r != self.claim_ids[i]] or None
        if not record["related"]:
            del record["related"]
        return record

    def source(self, j: int) -> dict:
        real, rng = self.source_profile(j), random.Random(f"source-{j}")

        def refs(f, value):  # a translation translates the nearest primary source before it
            return next(self.source_ids[k % self.sources] for k in range(j - 1, j - self.sources, -1)
                        if self.primary[k % self.sources] and k % self.sources != j)
        return self.values(SOURCE_FIELDS, real, rng, refs, unique=name(SOURCE_NAMES + j))

    def queued_claim(self, k: int) -> dict:
        return self.values(QUEUE_FIELDS, self.queue_profile(k), random.Random(f"queue-{k}"), None, unique=name(QUEUE_NAMES + k))

    def glossary_term(self, k: int, term) -> dict:
        """A real glossary term, kept as it is, pointing at synthetic claims and sources."""
        record = {"term": term.term, "pinyin": term.pinyin, "translation": term.translation, "why": term.why}
        for key, ids, step, count in (("claims", self.claim_ids, 37, len(term.claims)), ("sources", self.source_ids, 13, len(term.sources))):
            if count:
                record[key] = list(dict.fromkeys(ids[(k * step + 7 * n) % len(ids)] for n in range(count)))
        return record


def _features(claim) -> tuple[int, ...]:
    text = "".join(claim_text(claim))
    return (len(claim.citations), len(claim.phrasings), len(claim.appearances), len(claim.explanation), len(HAN_CHAR.findall(text)), len(text))


def typical_claim(catalog: Catalog):
    """The real claim closest to the average one: the sample page, modelled by synthetic claim 0."""
    features = [_features(c) for c in catalog.claims]
    means = [sum(column) / len(features) for column in zip(*features, strict=True)]
    return min(catalog.claims, key=lambda c: (sum(abs(x / m - 1) for x, m in zip(_features(c), means, strict=True) if m), c.id))


def _profiles(real: Catalog, claims: int, tries: int = 300) -> list:
    """The real claims in the order synthetic claims copy their shapes: the typical claim first,
    then the order, of some seeded shuffles, whose first claims come closest to the real ratios
    (a catalog that is not a whole multiple of the real one ends part-way through the list)."""
    first = typical_claim(real)
    rest = [c for c in real.claims if c is not first]
    features = {id(c): _features(c) for c in real.claims}
    totals = [sum(column) for column in zip(*features.values(), strict=True)]
    whole = [t / len(features) for t in totals[:4]] + [totals[4] / max(1, totals[5])]

    def deviation(order: list) -> float:
        part = [first, *order][: claims % len(features) or len(features)]
        sums = [sum(features[id(c)][k] for c in part) for k in range(6)]
        shares = [s / len(part) for s in sums[:4]] + [sums[4] / max(1, sums[5])]
        return max(abs(x / w - 1) for x, w in zip(shares, whole, strict=True) if w)
    return [first, *_best_shuffle(rest, "order", deviation, tries)]


def _best_shuffle(items: list, name: str, deviation: Callable[[list], float], tries: int) -> list:
    """Of `tries` seeded shuffles of items, the one with the least deviation."""
    orders = [random.Random(f"{name}-{seed}").sample(items, len(items)) for seed in range(tries)]
    return min(orders, key=deviation)


def _source_profiles(real: Catalog, count: int, demand: int, tries: int = 300) -> list:
    """The real sources in the order synthetic sources copy them: of some seeded shuffles, the one
    whose first `count` sources (whole rounds of the list, then part of it) come closest to the real
    share cited by one claim, and whose citing claims add up closest to `demand`, the sources the
    synthetic claims cite. Otherwise a small catalog could draw mostly shared sources."""
    singles = sum(len(s.cited_by) == 1 for s in real.sources)
    citings = sum(len(s.cited_by) for s in real.sources)
    single = singles / max(1, len(real.sources))
    rounds, rest = divmod(count, len(real.sources))

    def deviation(order: list) -> float:
        part_single = rounds * singles + sum(len(s.cited_by) == 1 for s in order[:rest])
        slots = rounds * citings + sum(len(s.cited_by) for s in order[:rest])
        return max(abs(part_single / count / single - 1) if single else 0, abs(slots / max(1, demand) - 1))
    return _best_shuffle(real.sources, "sources", deviation, tries)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks, the way contributors write explanations."""


_BlockDumper.add_representer(str, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:str", value, style="|" if "\n" in value else None))


def dump(record: dict) -> str:
    return yaml.dump(record, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)


@dataclass
class Written:
    """What write_project made."""

    claims: int
    sources: int
    queued: int
    glossary: int
    sample_claim: str  # the claim modelled on the most average real claim, the same at every size


def write_project(project: Path, claims: int, root: Path = ROOT) -> Written:
    """A copy of the project at root with a synthetic catalog of that many claims.

    Hand-written pages keep their text; their links to real claims and sources the synthetic
    catalog lacks become plain text. The permalink registry lists every address, as
    scripts/permalinks.py writes it. Raises ValueError when the catalog at root does not validate."""
    real = read_catalog(root)
    if real.catalog is None:
        raise ValueError(f"the real catalog has {len(real.diagnostics)} problems; fix them first")
    generator = Generator(real.catalog, claims)
    project.mkdir(parents=True)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "docs", project / "docs")
    for shared in ("catalog", "overrides"):
        (project / shared).symlink_to((root / shared).resolve())
    for folder, ids, make in (("claims", generator.claim_ids, generator.claim), ("sources", generator.source_ids, generator.source),
                              ("queue", generator.queue_ids, generator.queued_claim)):
        (project / folder).mkdir()
        for index, record_id in enumerate(ids):
            (project / folder / f"{record_id}.yaml").write_text(dump(make(index)), encoding="utf-8")
    (project / "glossary").mkdir()
    for k, term in enumerate(real.catalog.glossary):
        (project / "glossary" / f"{term.id}.yaml").write_text(dump(generator.glossary_term(k, term)), encoding="utf-8")
    kept = {f"claims/{i}" for i in generator.claim_ids} | {f"sources/{i}" for i in generator.source_ids} | {"claims/index", "sources/index"}
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(PAGE_LINK.sub(lambda m: m.group(0) if m.group(2) in kept else m.group(1), text), encoding="utf-8")
    result = read_catalog(project, registry=False)
    if result.catalog is None:
        raise ValueError("the synthetic catalog does not validate: " + "; ".join(str(d) for d in result.diagnostics[:5]))
    write_registry(project, site_paths(result.catalog, project))
    return Written(claims, generator.sources, len(generator.queue_ids), len(real.catalog.glossary), generator.claim_ids[0])
