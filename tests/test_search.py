"""Search finds the claim a reader heard, in real Chromium against the built site.

QUERIES are what people type: English wordings, misspellings, Chinese terms, pinyin without tone
marks, numbers and topic names. Each names the page that must be among the first three results.
"""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import quote, urlsplit

import pytest
from conftest import ROOT

from catalog import search_index

QUERIES = [
    ("every chinese citizen has a social credit score", "claims/single-national-score/"),
    ("social credit score", "claims/single-national-score/"),
    ("does china give everyone a score", "claims/single-national-score/"),
    ("社会信用分", "claims/single-national-score/"),
    ("jaywalking lowers your score", "claims/jaywalking-lowers-score/"),
    ("jaywalkng social credit", "claims/jaywalking-lowers-score/"),
    ("banned from flights low score", "claims/flight-bans-low-score/"),
    ("video games lower your score", "claims/video-games-lower-score/"),
    ("sesame credit government", "claims/sesame-credit-government-score/"),
    ("zhima credit", "claims/sesame-credit-government-score/"),
    ("芝麻信用", "claims/sesame-credit-government-score/"),
    ("just like fico", "claims/social-credit-just-like-fico/"),
    ("is it just a credit score", "claims/social-credit-just-like-fico/"),
    ("social credit is western propaganda", "claims/social-credit-scores-do-not-exist/"),
    ("black mirror nosedive", "claims/nosedive-depicts-china/"),
    ("rongchen points", "claims/rongcheng-points-national-system/"),
    ("23 million", "claims/travel-bans-23-million-2018/"),
    ("13 million blacklist", "claims/court-blacklist-13-million/"),
    ("children blacklist", "claims/children-on-blacklist/"),
    ("private schools debtors children", "claims/debtors-children-private-schools/"),
    ("phone ringtone debtor", "claims/debtor-phone-warning-message/"),
    ("once blacklisted you can never get off", "claims/blacklist-is-permanent/"),
    ("blacklists are secret", "claims/blacklists-are-secret/"),
    ("no national blacklist", "claims/no-national-blacklist/"),
    ("national social credit law passed", "claims/national-social-credit-law-passed/"),
    ("2020 nationwide rollout", "claims/nationwide-rollout-2020/"),
    ("started in 2014", "claims/social-credit-started-2014/"),
    ("18 character code", "claims/every-company-has-social-credit-code/"),
    ("统一社会信用代码", "claims/every-company-has-social-credit-code/"),
    ("does the social credit code show a rating", "claims/social-credit-code-shows-rating/"),
    ("id number reveals birthday", "claims/id-number-reveals-birth-date-sex/"),
    ("foreign companies covered", "claims/foreign-companies-covered/"),
    ("executives punished for company", "claims/executives-punished-for-company/"),
    ("us already has a social credit system", "claims/us-has-social-credit-system/"),
    ("digital yuan social credit", "claims/digital-yuan-social-credit/"),
    ("dating sites credit score", "claims/dating-sites-social-credit-scores/"),
    ("uber ratings social credit", "claims/ride-share-ratings-social-credit/"),
    ("vaccine passports social credit", "claims/vaccine-passports-social-credit/"),
    ("canada froze bank accounts truckers", "claims/canada-convoy-account-freezes/"),
    ("not visiting parents shanghai", "claims/shanghai-visiting-parents-credit/"),
    ("xuexi qiangguo points", "claims/xuexi-qiangguo-points-credit/"),
    ("blacklisted people cannot leave china", "claims/foreigners-blacklisted-exit-bans/"),
    ("taiwan airlines threat", "claims/airlines-taiwan-social-credit-threat/"),
    ("650 score buy food", "claims/score-650-to-buy-food/"),
    ("VPN social credit score", "claims/vpn-use-social-credit-score/"),
    ("dang'an personal file social credit", "claims/social-credit-digital-dangan/"),
    ("rote Ampel Sozialkredit", "claims/jaywalking-lowers-score/"),
    ("crédito social amigos puntaje", "claims/friends-lower-your-score/"),
    ("социальный рейтинг Китай сто баллов", "claims/single-national-score/"),
    ("사회신용 비행기 탑승 제한", "claims/flight-bans-low-score/"),
    ("社会信用ポイント 高速鉄道 飛行機", "claims/flight-bans-low-score/"),
    ("الرصيد الاجتماعي الطائرات الصين", "claims/flight-bans-low-score/"),
    ("kredit sosial jutaan dilarang transportasi umum", "claims/travel-bans-23-million-2018/"),
    ("child support blacklist china", "claims/child-support-defaulters-blacklisted/"),
    ("不付抚养费 失信被执行人", "claims/child-support-defaulters-blacklisted/"),
    ("DeSantis social credit", "claims/florida-bans-social-credit-scores/"),
    ("网贷逾期会坐牢吗", "claims/loan-default-jail/"),
    ("credit card debt jail china", "claims/loan-default-jail/"),
    ("blacklisted debtors banned from driving", "claims/debtors-banned-from-driving/"),
    ("老赖 不准开车", "claims/debtors-banned-from-driving/"),
    ("china blacklist shrinking 2024", "claims/court-blacklist-shrinking/"),
    ("失信被执行人 首次下降", "claims/court-blacklist-shrinking/"),  # a long common term beside a short rare one
    ("laolai", "glossary/"),
    ("信用卡逾期 高铁", "claims/late-card-payment-blocks-trains/"),
    ("失信被执行人", "glossary/"),
    ("shixin bei zhixingren", "glossary/"),
    ("chengxin", "glossary/"),
    ("local pilots", "topics/local-pilots/"),
    ("Blacklists and joint punishment", "topics/blacklists/"),
    ("Comparisons with the West", "topics/comparisons/"),
    ("Private and financial scores", "topics/private-scores/"),
]
RESULTS = ".search-results__list > li, .search-results__suggest"
TOP_LINKS = "els => els.map(e => new URL(e.href).pathname)"


@pytest.fixture(scope="module")
def search_page(chromium, served_site):
    page = chromium.new_page()
    yield page
    page.close()


def top_results(page, site: str, query: str, count: int = 3) -> list[str]:
    page.goto(site + "search/?q=" + quote(query))
    page.wait_for_selector(RESULTS, timeout=15000)
    return [path.lstrip("/") for path in page.eval_on_selector_all(".search-results__list > li p:first-child a", TOP_LINKS)][:count]


def test_the_query_set_is_large_and_points_at_real_pages(catalog):
    assert len(QUERIES) >= 40
    pages = {f"claims/{c.id}/" for c in catalog.claims} | {f"topics/{t.id}/" for t in catalog.topics} | {"glossary/"}
    assert {page for _, page in QUERIES} <= pages


@pytest.mark.parametrize("query, expected", QUERIES)
def test_search_puts_the_page_among_the_first_three(search_page, served_site, query, expected):
    found = top_results(search_page, served_site, query)
    assert expected in found, f"{query!r}: {found}"


@pytest.fixture(scope="module")
def finely_split_site(built_site, tmp_path_factory):
    """The same site with its word list split as a catalog of thousands of claims splits it."""
    from site_build import StaticServer

    site = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(built_site, site)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_BYTES", 1500)
        assert search_index.index_site(str(site)) is None
    pieces = [json.loads(p.read_text(encoding="utf-8")) for p in (site / "search-index" / "terms").glob("*.json")]
    assert sum(bool(piece["deeper"]) for piece in pieces) >= 50
    with StaticServer(site) as server:
        yield server.url


def test_a_finely_split_word_list_still_finds_every_page_of_the_query_set(search_page, finely_split_site):
    """Split, a word typed in full no longer finds longer words by their start, nor slips in its
    first letters; the query set must not depend on that."""
    missed = [(query, found) for query, expected in QUERIES
              if expected not in (found := top_results(search_page, finely_split_site, query))]
    assert missed == []


def test_splitting_keeps_every_term_once_under_the_letters_its_words_share():
    shard = {"score": [3, 1, 10], "scores card": [1, 2, 5], "scope": [1, 3, 7], "sco": [1, 4, 9], "scorecard": [1, 5, 2],
             "scoping": [1, 6, 1]}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_BYTES", 10)
        pieces = list(search_index.split("sco", shard))
    placed = {term: key for key, terms, _ in pieces for term in terms}
    assert placed == {"sco": "sco", "score": "score", "scores card": "scores", "scorecard": "scorecard",
                      "scope": "scope", "scoping": "scoping"}
    assert [(key, deeper) for key, _, deeper in pieces] == [
        ("sco", ["scop", "score"]), ("scop", ["scope", "scoping"]), ("scope", []), ("scoping", []),
        ("score", ["scorecard", "scores"]), ("scorecard", []), ("scores", [])]


def test_claim_results_show_the_claim_beside_its_verdict_then_the_fact(search_page, served_site, catalog):
    claim = next(c for c in catalog.claims if c.id == "single-national-score")
    search_page.goto(served_site + "search/?q=" + quote(claim.claim))
    search_page.wait_for_selector(RESULTS, timeout=15000)
    item = search_page.locator(".search-results__list > li").first
    line = item.locator("p.claim-line")
    assert f"“{claim.claim}”" in line.inner_text()
    assert line.locator(".verdict-badge").inner_text().strip() == claim.verdict.label
    assert item.locator(".search-result__fact").inner_text().lower().startswith("fact")  # CSS shows it in capitals
    assert claim.fact in item.inner_text()


def test_the_index_loads_only_when_someone_searches(chromium, served_site):
    page = chromium.new_page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(served_site + "search/", wait_until="networkidle")
    assert not [path for path in requested if "/search-index/" in path]
    page.fill("#search-query", "jaywalking")
    page.wait_for_selector(RESULTS, timeout=15000)
    assert [path for path in requested if "/search-index/" in path]
    assert "q=jaywalking" in page.url  # the address keeps the query, so it can be shared
    page.close()


def test_no_results_offer_to_suggest_the_claim(search_page, served_site):
    search_page.goto(served_site + "search/?q=" + quote("qqqqwwwwzz"))
    search_page.wait_for_selector(".search-results__suggest", timeout=15000)
    link = search_page.get_by_role("link", name="Suggest this claim")
    assert "template=suggest-claim.yml" in link.get_attribute("href")
    assert "claim=qqqqwwwwzz" in link.get_attribute("href")


def test_the_home_page_search_box_leads_to_the_results(chromium, served_site):
    page = chromium.new_page()
    page.goto(served_site)
    page.get_by_label("What did you hear?").fill("jaywalking")
    page.keyboard.press("Enter")
    page.wait_for_selector(RESULTS, timeout=15000)
    assert urlsplit(page.url).path.endswith("/search/") and "claims/jaywalking-lowers-score/" in top_results(page, served_site, "jaywalking")
    page.close()


def test_without_javascript_search_points_to_the_list_of_claims(chromium, served_site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "search/")
    assert 'href="../claims/"' in page.locator("noscript").first.inner_html()
    context.close()


def test_search_results_pass_axe(search_page, served_site):
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    search_page.goto(served_site + "search/?q=" + quote("social credit score"))
    search_page.wait_for_selector(RESULTS, timeout=15000)
    search_page.add_script_tag(content=axe)
    result = search_page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    violations = json.loads(result)
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_the_index_holds_only_pages_that_answer_claims(built_site, catalog):
    """No source page (they outnumber claims; the claims citing a source are found by its words)
    and no part of a list that grows with the catalog: where a queued claim was heard, the
    corrections log. Otherwise every query would weigh them."""
    records, _ = search_index.build(built_site)
    urls = {record[0] for record in records}
    assert not [url for url in urls if url.startswith("sources/")]
    assert {f"claims/{claim.id}/" for claim in catalog.claims} <= urls

    def indexed_text(url):
        page = search_index.read_page((built_site / url / "index.html").read_text(encoding="utf-8"))
        return " ".join(text for text, _ in page.pieces)

    queue = indexed_text("queue")
    assert catalog.queue[0].claim in queue and "Heard in" not in queue
    changed = next(claim for claim in catalog.claims if claim.changes)
    assert changed.changes[0].summary.split(".")[0] not in indexed_text("corrections")


def test_a_query_fetches_a_few_pieces_of_the_index(chromium, served_site, built_site):
    """One piece of the word list per word typed, and the records of the results shown."""
    page = chromium.new_page()
    requested = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(served_site + "search/?q=" + quote("jaywalking score"))
    page.wait_for_selector(RESULTS, timeout=15000)
    page.wait_for_load_state("networkidle")
    page.close()
    pieces = [path for path in requested if "/search-index/" in path]
    assert len([p for p in pieces if "/terms/" in p]) == 2  # jay..., sco... (the pair goes with its first word)
    assert 1 <= len([p for p in pieces if "/pages/" in p]) <= 10
    assert sum((built_site / p.lstrip("/")).stat().st_size for p in pieces) < 0.1 * sum(
        f.stat().st_size for f in (built_site / "search-index").rglob("*.json"))


def test_words_are_read_alike_when_indexed_and_when_typed(built_site):
    """The index and assets/search.js must agree; these are the cases the script handles too, and
    the script takes the words left out from the search form, which lists the index's own."""
    form = (built_site / "search" / "index.html").read_text(encoding="utf-8")
    assert set(re.search(r'data-stopwords="([^"]*)"', form).group(1).split()) == search_index.STOPWORDS
    assert search_index.terms("Shīxìn bèi zhíxíngrén's Scores, cities and the 社会信用分") == [
        "shixin", "bei", "zhixingren", "score", "city", "社会", "会信", "信用", "用分"]
    assert search_index.pairs(["no", "national", "blacklist", "信用"]) == ["no national", "national blacklist"]
    assert search_index.shard_key("national blacklist") == "na" and search_index.shard_key("信用") == "信"
