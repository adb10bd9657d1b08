"""The catalog answers what people say: enough claims, each heard somewhere, and every assertion
of the thread this project began from answered by a claim page (issue 15's floor)."""

from __future__ import annotations

import pytest

from catalog.contract import VERDICTS

# Each assertion made in the founding thread (research/claims-heard-2026-12.md in the shared
# notes), and the claim page that answers it.
FOUNDING_THREAD = {
    "1 fundamentally a credit score": "social-credit-fundamentally-credit-score",
    "2 a credit system for business owners": "social-credit-for-business-owners",
    "3 only local governments have implemented it": "only-local-governments-implemented",
    "4 only a simple trial in Shanghai": "shanghai-trial-not-adopted",
    "5 a shop reselling used clothing as new is punished": "shop-punished-for-selling-used-as-new",
    "6 no national blacklist exists": "no-national-blacklist",
    "7 about 90% of punishments are business bans": "punishments-mostly-business-bans",
    "8 some punishments cut you off subsidised transit": "punishments-cut-off-subsidised-transit",
    "9 the national government rejected municipal point scoring": "national-government-rejected-local-scoring",
    "10 no national tracking of social norm violations": "national-tracking-social-norm-violations",
    "11 associations grade enterprises": "sector-credit-grades-for-enterprises",
    "12 blacklisting only for serious offences": "blacklisting-only-serious-offences",
    "13 a walk in the park compared to American credit scores": "china-system-milder-than-us-credit-scores",
}


def test_the_catalog_checks_at_least_120_claims_and_has_heard_160(catalog):
    assert len(catalog.claims) >= 120
    assert len(catalog.claims) + len(catalog.queue) >= 160


def test_nine_in_ten_checked_claims_record_where_they_were_said(catalog):
    heard = [c for c in catalog.claims if any(a.url for a in c.appearances)]
    assert len(heard) / len(catalog.claims) >= 0.9, sorted(c.id for c in catalog.claims if c not in heard)


def test_every_claim_lists_how_people_phrase_it(catalog):
    assert [c.id for c in catalog.claims if not c.phrasings] == []


@pytest.mark.parametrize("assertion", FOUNDING_THREAD)
def test_every_assertion_of_the_founding_thread_has_a_claim_page(catalog, assertion):
    checked = {c.id: c for c in catalog.claims}
    assert FOUNDING_THREAD[assertion] in checked, f"{assertion!r} is answered by no checked claim"


def test_the_whole_scale_is_used_and_its_middle_is_not_neglected(catalog):
    used = {v: sum(1 for c in catalog.claims if c.verdict is v) for v in VERDICTS}
    assert all(used.values()), used
    middle = sum(n for v, n in used.items() if v.slug in {"mixed", "misleading"})
    assert middle / len(catalog.claims) >= 0.1, used
