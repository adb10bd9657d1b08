"""The search index: read the built pages and write a small, split index beside them.

A query fetches only what it needs: a piece of the word list for each word typed (words are
grouped by their first two letters, or first Chinese character; a piece that grows past
SHARD_BYTES is split further along its words' letters) and the few result records it shows
(DOCS_PER_FILE to a file). So a query costs tens of kilobytes whether the catalog holds a hundred
claims or ten thousand; assets/search.js reads the index.

Pages mark what search reads, as MkDocs renders them:
- data-search-body: the part of a page that is indexed (pages without it are not);
- data-search-ignore: an element left out; data-search-weight="N": how much its words count
  (headings count 7 down to 2 without one, other text 1);
- data-search-meta="key" keeps an element's text, data-search-meta="key:value" a value, for the
  result: "claim", "verdict_slug", "repeated" (how often the claim is said: of pages that match
  alike, it ranks higher).
The first heading is the result's title. Chinese text is read as pairs of characters, so any part
of a Chinese term finds it; tone marks are dropped, so pinyin typed without them matches.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from . import workers

FOLDER = "search-index"
DOCS_PER_FILE = 20
# Per word, the pages where it weighs most (a word on more pages says little; assets/search.js
# then lets pages without it rank alike); per pair of words, fewer: a pair only adds to a page.
MAX_POSTINGS = 500
MAX_PAIR_POSTINGS = 100
REPEAT_BOOST = 0.03  # per recorded wording or appearance of a claim, up to ten: at most 1.3 times
HEADING_WEIGHTS = {"h1": 7, "h2": 6, "h3": 5, "h4": 4, "h5": 3, "h6": 2}
SKIPPED = {"script", "style", "noscript", "template", "svg", "button", "form"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
EXCERPT = 180
SHARD_BYTES = 32_000
PAIRED_WEIGHT = 5  # words side by side are indexed as pairs in text that weighs this much or more
# Words too common to tell pages apart; the search form lists them (catalog/docs.py, search_box)
# so that assets/search.js drops the same ones from a query.
STOPWORDS = frozenset("a s t an and are as at be been by can could did do does for from had has have he her his how i if in "
                      "into is it its me my of on or our she so that the their them there these they this those to was "
                      "we were what which who will with would you your".split())
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")
IS_HAN = re.compile(rf"[{HAN}]")
# A tag (closing or not, its attributes) or a run of text; comments match neither group.
MARKUP = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|([^<]+)""", re.S)
ATTRIBUTE = re.compile(r"""([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def fold(text: str) -> str:
    """Lower case without accents or tone marks: shīxìn -> shixin."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def singular(word: str) -> str:
    """A plural's singular, roughly (Harman's S-stemmer): scores, score; cities, city; buses, buse."""
    if len(word) < 4 or word.endswith(("us", "ss", "is")):
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    return word[:-1] if word.endswith("s") else word


def terms(text: str) -> list[str]:
    """The words search knows in text: Latin words and numbers whole, plurals as singulars,
    Chinese as pairs of characters."""
    out = []
    for token in TOKEN.findall(fold(text)):
        if IS_HAN.match(token):
            out.extend(token[i:i + 2] for i in range(max(1, len(token) - 1)))
        elif token not in STOPWORDS:
            out.append(singular(token))
    return out


def pairs(words: list[str]) -> list[str]:
    """Neighbouring Latin words as one term ("national blacklist"): a page that has the words
    side by side answers a query that has them side by side best."""
    latin = [w for w in words if not IS_HAN.match(w)]
    return [f"{a} {b}" for a, b in zip(latin, latin[1:], strict=False)]


def first_word(term: str) -> str:
    return term.split(" ")[0]


def shard_key(term: str) -> str:
    """The piece of the word list a term is looked for in first (a pair goes with its first word)."""
    return term[:1] if IS_HAN.match(term) else first_word(term)[:2]


def split(key: str, shard: dict[str, list[int]]) -> Iterator[tuple[str, dict[str, list[int]], list[str]]]:
    """A piece of the word list as written: (key, terms, deeper keys). Past SHARD_BYTES, the terms
    whose first word is longer than the key move to deeper pieces, one per next letter, each
    keyed by all the letters its words share; the piece lists their keys, and the script follows
    the word typed down (assets/search.js, lookup)."""
    size = sum(len(t) + 7 * len(p) for t, p in shard.items())  # about its length as JSON
    if size <= SHARD_BYTES or IS_HAN.match(key) or len({first_word(t) for t in shard}) == 1:
        yield key, shard, []
        return
    here: dict[str, list[int]] = {}
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, postings in shard.items():
        word = first_word(term)
        if len(word) > len(key):
            groups[word[:len(key) + 1]][term] = postings
        else:
            here[term] = postings
    keyed = {os.path.commonprefix(sorted({first_word(t) for t in group})): group for group in groups.values()}
    yield key, here, sorted(keyed)
    for longer in sorted(keyed):
        yield from split(longer, keyed[longer])


class Page:
    """The indexed text of one built page: (text, weight) pieces, the title and the meta values."""

    def __init__(self):
        self.stack: list[tuple[str, float, bool, str | None]] = []  # tag, weight in force, ignored, meta key
        self.pieces: list[tuple[str, float]] = []
        self.meta: dict[str, str] = {}
        self.meta_text: dict[str, list[str]] = defaultdict(list)
        self.title: list[str] = []
        self.title_open = False
        self.title_done = False

    def start(self, tag: str, attributes: str) -> None:
        weight, ignored = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (1.0, False)
        ignored = ignored or tag in SKIPPED
        weight = HEADING_WEIGHTS.get(tag, weight)
        meta_key = None
        if "data-search" in attributes:
            found = {m[0]: html.unescape(next((v for v in m[1:] if v), "")) for m in ATTRIBUTE.findall(attributes)}
            ignored = ignored or "data-search-ignore" in found
            try:
                weight = float(found.get("data-search-weight", weight))
            except ValueError:
                pass
            if meta := found.get("data-search-meta"):
                key, colon, value = meta.partition(":")
                if colon:
                    self.meta[key.strip()] = value.strip()
                else:
                    meta_key = key.strip()
        if tag == "h1" and not self.title_done:
            self.title_open = True
        self.stack.append((tag, weight, ignored, meta_key))

    def end(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag == "h1" and self.title_open:
            self.title_open, self.title_done = False, True

    def text(self, data: str) -> None:
        if self.title_open:
            self.title.append(data)
        if not self.stack or self.stack[-1][2]:
            return
        for _, _, _, key in self.stack:
            if key:
                self.meta_text[key].append(data)
        if not data.isspace():
            self.pieces.append((data, self.stack[-1][1]))


def read_page(page_html: str) -> Page | None:
    """The indexed part of a built page, or None when it has no data-search-body. The pages are
    the sanitiser's output (catalog/safety.py), so tags are well formed and scripts are gone."""
    start = page_html.find("<div data-search-body>")
    if start < 0:
        return None
    end = page_html.rfind("</article>")
    page = Page()
    for closing, tag, attributes, text in MARKUP.findall(page_html, start, end if end > start else len(page_html)):
        if text:
            page.text(html.unescape(text))
        elif tag:
            tag = tag.lower()
            if closing:
                page.end(tag)
            elif tag not in VOID and not attributes.endswith("/"):
                page.start(tag, attributes)
    return page


def squash(text: str) -> str:
    return " ".join(text.split())


def record(url: str, page: Page) -> list:
    """What a result shows: address, title, and either the claim and its verdict or an excerpt."""
    title = squash("".join(page.title))
    claim = squash("".join(page.meta_text.get("claim", [])))
    if claim:
        return [url, title, claim.strip("“”"), page.meta.get("verdict_slug", "")]
    body = squash(" ".join(text for text, weight in page.pieces if weight < 7))
    excerpt = body if len(body) <= EXCERPT else body[:EXCERPT].rsplit(" ", 1)[0] + "…"
    return [url, title, excerpt]


def term_weights(page: Page) -> dict[str, float]:
    """Each word's weight on the page: where it weighs most, a little more for each repeat."""
    found: dict[str, list[float]] = defaultdict(list)
    for text, weight in page.pieces:
        words = terms(text)
        for term in words + (pairs(words) if weight >= PAIRED_WEIGHT else []):
            found[term].append(weight)
    try:  # a tie-breaker: a claim said often must not outrank a page that matches better
        boost = 1 + REPEAT_BOOST * min(int(page.meta.get("repeated", 0)), 10)
    except ValueError:
        boost = 1.0
    out = {}
    for term, weights in found.items():
        top = max(weights)
        out[term] = boost * min(1.5 * top, top + 0.1 * (sum(weights) - top))
    return out


def read_pages(pages: list[tuple[str, str]]) -> list[tuple[list, dict[str, int]] | None]:
    """For each built page (file, address): its result record and its words' weights (x10), or
    None if it is not indexed."""
    out = []
    for path, url in pages:
        page = read_page(Path(path).read_text(encoding="utf-8"))
        out.append(None if page is None else
                   (record(url, page), {term: max(1, round(weight * 10)) for term, weight in term_weights(page).items()}))
    return out


def build(site_dir: Path) -> tuple[list[list], dict[str, dict[str, list[int]]]]:
    """The records and, per shard, each term's postings: [pages with the term, page, weight x10, ...].
    Pages are read by the worker pool when the site is large (catalog/workers.py)."""
    relative = {path: path.relative_to(site_dir).as_posix() for path in sorted(site_dir.rglob("*.html"))}
    pages = [(str(path), name.removesuffix("index.html")) for path, name in relative.items() if not name.startswith(FOLDER + "/")]
    records: list[list] = []
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for found in workers.map_batches(read_pages, pages):
        if found is None:
            continue
        number = len(records)
        records.append(found[0])
        for term, weight in found[1].items():
            postings[term].append((number, weight))
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, with_term in postings.items():
        kept = sorted(with_term, key=lambda p: -p[1])[:MAX_PAIR_POSTINGS if " " in term else MAX_POSTINGS]
        shards[shard_key(term)][term] = [len(with_term)] + [n for pair in sorted(kept) for n in pair]
    return records, shards


def write(folder: Path, name: str, data) -> None:
    (folder / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_site(site_dir: str) -> str | None:
    """Index the built site in site_dir; None when it worked, else what went wrong."""
    try:
        records, shards = build(Path(site_dir))
        out = Path(site_dir) / FOLDER
        shutil.rmtree(out, ignore_errors=True)
        (out / "terms").mkdir(parents=True)
        (out / "pages").mkdir()
        for first_key, whole in shards.items():
            for key, shard, deeper in split(first_key, whole):
                write(out / "terms", key.encode("utf-8").hex() + ".json",
                      {"pages": len(records), "per_file": DOCS_PER_FILE, "deeper": deeper, "terms": shard})
        for first in range(0, len(records), DOCS_PER_FILE):
            write(out / "pages", f"{first // DOCS_PER_FILE}.json", records[first:first + DOCS_PER_FILE])
    except OSError as error:
        return f"the search index could not be written: {error}"
    return None

