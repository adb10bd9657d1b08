"""The contract owns the data path: a field added to it reaches the model and the open data,
or the build stops and says what to add. Nothing is dropped silently."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import TODAY, VALID

from catalog import claim_pages, export, models, pipeline
from catalog.contract import CLAIM_FIELDS, SOURCE_FIELDS, Field
from catalog.models import ModelError
from catalog.pipeline import read_catalog

NEW = Field("origin", "line", False, "Where the claim was first heard.", 200)


def with_new_field(fixture_catalog, monkeypatch):
    fields = (*CLAIM_FIELDS, NEW)
    monkeypatch.setattr(models, "CLAIM_FIELDS", fields)
    monkeypatch.setitem(pipeline.FOLDERS, pipeline.CLAIMS_DIR, (".yaml", fields))
    original = (VALID / "claims/sample-claim.yaml").read_text(encoding="utf-8")
    return fields, fixture_catalog(files={"claims/sample-claim.yaml": original + "origin: A forum thread.\n"})


def test_a_field_the_model_does_not_declare_stops_the_build_and_says_what_to_do(fixture_catalog, monkeypatch):
    with pytest.raises(ModelError, match=r"Claim does not take every field.*origin"):
        with_new_field(fixture_catalog, monkeypatch)


def test_a_declared_field_reaches_the_model_and_the_open_data_but_not_silently_past_the_page(fixture_catalog, monkeypatch):
    extended = dataclasses.make_dataclass("Claim", [("origin", "str | None", dataclasses.field(default=None))],
                                          bases=(models.Claim,), eq=False)
    monkeypatch.setattr(models, "Claim", extended)
    fields, result = with_new_field(fixture_catalog, monkeypatch)
    claim = next(c for c in result.catalog.claims if c.id == "sample-claim")
    assert claim.origin == "A forum thread."
    record = export._record(claim, fields, export.CLAIM_DERIVED, "https://example.org/")
    assert record["origin"] == "A forum thread."
    assert export.api_type(NEW) == "string or null"
    with pytest.raises(ValueError, match="origin"):
        claim_pages.shown_fields(fields)


def test_the_open_data_fields_are_the_contract_fields_then_the_derived_ones():
    for kind, fields, derived in (("claims", CLAIM_FIELDS, export.CLAIM_DERIVED), ("sources", SOURCE_FIELDS, export.SOURCE_DERIVED)):
        names = [name for name, _, _ in export.API_FIELDS[kind]]
        assert names == ["id", *(f.name for f in fields if f.name != "id"), *(d.name for d in derived)]


def test_every_claim_field_is_on_the_page_and_in_the_data():
    claim_pages.shown_fields()
    catalog = read_catalog(VALID, today=TODAY).catalog
    claim = next(c for c in catalog.claims if c.id == "sample-claim")
    record = export.claim_record(claim, "https://example.org/")
    assert record["bottom_line"] is None and record["phrasings"][1] == {"text": "每个人都有一个信用分", "language": "zh", "url": None}
    assert record["citations"][0] == {"source": "sample-law", "locator": "Article 1", "establishes": "The plan sets out lists."}
