"""The identifier parser against the research notes' vectors (sources-and-facts.md, F18-F32)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalog.decoder_widget import SCRIPT_SRC, SYNTHETIC_ID, decoder_widget
from catalog.docs import MARKERS
from catalog.identifiers import (
    ALPHABET, ID_WEIGHTS, ORG_WEIGHTS, PROVINCES, USCC_WEIGHTS, decode, id_check, org_check, uscc_check,
)

ROOT = Path(__file__).resolve().parents[1]

# Code, organisation-code check, final check (notes 2C: all computed, all match).
PASSING = [
    ("914403001922038216", "1", "6"),  # Huawei Technologies Co., Ltd.
    ("91440300708461136T", "6", "T"),  # Shenzhen Tencent Computer Systems Co., Ltd.
    ("91110108551385082Q", "2", "Q"),
    ("91110000802100433B", "3", "B"),
    ("91350100M000100Y43", "4", "3"),  # illustrative example
]


def checks(result: dict) -> dict:
    return {c["key"]: c for c in result["checks"]}


def parts(result: dict) -> dict:
    return {p["key"]: p for p in result["parts"]}


def error_codes(result: dict) -> list[str]:
    return [e["code"] for e in result["errors"]]


def note_codes(result: dict) -> list[str]:
    return [n["code"] for n in result["notes"]]


# ---------------------------------------------------------------- the standards' arithmetic

def test_weights_are_the_standards():
    assert USCC_WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    assert ORG_WEIGHTS == (3, 7, 9, 10, 5, 8, 4, 2)
    assert ID_WEIGHTS == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert len(ALPHABET) == 31 and not set("IOSVZ") & set(ALPHABET)


def test_uscc_check_31_counts_as_zero():
    # Weight of position 17 is 28; choose its value so that the sum is a multiple of 31.
    prefix = "9100000000000000"
    total = sum(ALPHABET.index(c) * w for c, w in zip(prefix, USCC_WEIGHTS))
    last = next(ch for ch in ALPHABET if (total + ALPHABET.index(ch) * 28) % 31 == 0)
    char, working = uscc_check(prefix + last)
    assert char == "0" and "(31 counts as 0)" in working


def test_org_check_special_values():
    assert org_check("M0001TGQ")[0] == "X"  # remainder 10 is written X (notes F32)
    body = next(f"{n:08d}" for n in range(10**6) if sum(int(c) * w for c, w in zip(f"{n:08d}", ORG_WEIGHTS)) % 11 == 0)
    assert org_check(body)[0] == "0"  # 11 is written 0


def test_id_check_working_matches_notes():
    assert id_check("11010119900101123") == ("7", "Σ digit×weight = 126; 126 mod 11 = 5 → 7")


# ---------------------------------------------------------------- real and synthetic vectors

@pytest.mark.parametrize("code, org, final", PASSING)
def test_published_codes_pass(code, org, final):
    result = decode(code)
    assert result["kind"] == "uscc" and result["alternative"] is None
    assert result["errors"] == [] and result["notes"] == []
    assert checks(result)["organisation_check"]["expected"] == org
    assert checks(result)["uscc_check"]["expected"] == final
    assert all(c["match"] for c in result["checks"]) and result["valid"]
    assert result["summary"].startswith("Every check character matches the standard.")
    assert "no score" in result["summary"]


def test_huawei_parts():
    p = parts(decode("914403001922038216"))
    assert p["authority"]["value"] == "9" and p["authority"]["meaning"].startswith("Industry and commerce")
    assert p["category"]["value"] == "1" and p["category"]["meaning"] == "Enterprise (企业)."
    assert p["division"]["value"] == "440300" and "44 = Guangdong (广东省)" in p["division"]["meaning"]
    assert p["organisation"]["value"] == "19220382-1" and p["organisation"]["positions"] == "9-17"
    assert p["check"]["value"] == "6"
    assert all(part["problem"] is None for part in p.values())


def test_early_fujian_pilot_code_does_not_match_but_is_not_called_fake():
    result = decode("91350100M0001TGQXM")
    c = checks(result)
    assert c["organisation_check"]["match"] and c["organisation_check"]["expected"] == "X"
    assert not c["uscc_check"]["match"]
    assert (c["uscc_check"]["expected"], c["uscc_check"]["given"]) == ("1", "M")
    assert not result["valid"]
    assert result["summary"].startswith("Does not match the standard's check character")
    assert "pilot" in result["summary"]
    assert "fake" not in str(result).lower()
    assert parts(result)["division"]["meaning"].startswith("Province-level code 35 = Fujian")


def test_synthetic_id():
    result = decode("110101199001011237")
    assert result["kind"] == "id" and result["valid"] and result["alternative"] is None
    p = parts(result)
    assert "11 = Beijing (北京市)" in p["address"]["meaning"]
    assert p["birth_date"]["meaning"] == "Born 1990-01-01 (year, month, day)."
    assert p["sequence"]["value"] == "123" and "registered as male" in p["sequence"]["meaning"]
    assert checks(result)["id_check"]["expected"] == "7"


def test_id_with_wrong_check_character():
    result = decode("110101199001011238")
    assert result["kind"] == "id" and not result["valid"]
    assert (checks(result)["id_check"]["expected"], checks(result)["id_check"]["given"]) == ("7", "8")
    assert result["summary"].startswith("Does not match the standard's check character")
    assert result["alternative"] == "uscc"  # all digits: neither check matches, so the other reading is offered


def test_even_sequence_reads_female_and_x_check():
    body = "11010119900101124"
    expected = id_check(body)[0]
    result = decode(body + expected)
    assert "registered as female" in parts(result)["sequence"]["meaning"]
    x_body = next(b for b in (f"11010119900101{n:03d}" for n in range(1000)) if id_check(b)[0] == "X")
    result = decode(x_body + "x")  # lower-case x is tidied up to X
    assert result["valid"] and result["kind"] == "id" and note_codes(result) == ["uppercase"]


# ---------------------------------------------------------------- normalisation

@pytest.mark.parametrize("text, notes", [
    ("914403001922038216", []),
    (" 9144 0300 1922 0382 16 ", ["spaces"]),
    ("91440300-70846113-6T", ["dashes"]),
    ("91440300708461136t", ["uppercase"]),
    ("９１４４０３００１９２２０３８２１６", ["fullwidth"]),
    ("９１４４０３００７０８４６１１３６ｔ", ["fullwidth", "uppercase"]),
    ("9144\u30000300\u00a0192203821\u200b6", ["spaces"]),
    ("9144０３００－1922038216", ["fullwidth", "dashes"]),
    ("91440300–708461136—t", ["dashes", "uppercase"]),
])
def test_safe_normalisation_is_applied_and_reported(text, notes):
    result = decode(text)
    assert note_codes(result) == notes
    assert result["errors"] == [] and result["valid"]
    assert result["input"] == text and len(result["normalized"]) == 18


def test_letters_are_never_guessed():
    result = decode("9144O3001922038216")  # capital O for zero
    assert error_codes(result) == ["forbidden_letter"]
    assert "Found: O" in result["errors"][0]["message"] and "does not guess" in result["errors"][0]["message"]
    assert result["parts"] == [] and result["kind"] is None


# ---------------------------------------------------------------- every kind of bad input

@pytest.mark.parametrize("text, codes", [
    ("", ["empty"]),
    ("   \u3000 ", ["empty"]),
    ("91440300192203821", ["wrong_length"]),
    ("9144030019220382166", ["wrong_length"]),
    ("hello", ["forbidden_letter", "wrong_length"]),
    ("91440300192203821!", ["bad_character"]),
    ("9144030019220382😀", ["bad_character", "wrong_length"]),
    ("91440300192203821é", ["bad_character"]),
    ("統一社會信用代碼", ["bad_character", "wrong_length"]),
    ("914403001922038Z16", ["forbidden_letter"]),
])
def test_error_kinds(text, codes):
    result = decode(text)
    assert error_codes(result) == codes
    assert result["parts"] == [] and result["checks"] == [] and not result["valid"]
    assert result["summary"] == "This cannot be read as a code yet: see the problems listed."


def test_error_messages_name_what_is_wrong():
    assert decode("")["errors"][0]["message"] == "Type or paste a code."
    assert 'never appear in either code: "😀" (U+1F600)' in decode("9144030019220382😀")["errors"][0]["message"]
    many = decode("!@#$%^&*")["errors"][0]["message"]
    assert many.count("U+") == 5 and "and others" in many
    assert "this has 17." in decode("91440300192203821")["errors"][0]["message"]
    assert "15 digits" in decode("110108000000016")["errors"][0]["message"]
    assert "positions 9-17" in decode("19220382-1")["errors"][0]["message"]


def test_not_id_shape_when_id_is_requested():
    result = decode("91440300708461136T", "id")
    assert error_codes(result) == ["not_id_shape"] and result["kind"] == "id"


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        decode("914403001922038216", "score")


# ---------------------------------------------------------------- meanings and readings

def test_unverified_codes_say_so_instead_of_guessing():
    code = "B1" + "440300" + "19220382" + "1"
    result = decode(code + uscc_check(code)[0])
    assert "not in our verified table of registration authorities" in parts(result)["authority"]["meaning"]
    assert "not in our verified table" in parts(result)["category"]["meaning"]
    code = "99440300192203821"  # category 9 under authority 9: sources disagree, so not in the table
    assert "not in our verified table of categories" in parts(decode(code + uscc_check(code)[0]))["category"]["meaning"]


def test_division_code_problems():
    code = "9144A300192203821"
    result = decode(code + uscc_check(code)[0])
    assert parts(result)["division"]["problem"] == "Positions 3-8 must be digits." and not result["valid"]
    assert result["summary"].startswith("The check characters match, but a part")
    code = "91990300192203821"
    assert parts(decode(code + uscc_check(code)[0]))["division"]["problem"] == "99 is not a province-level code."
    code = "91100000192203821"
    national = decode(code + uscc_check(code)[0])
    assert parts(national)["division"]["meaning"] == "100000 is used for registration at national level."


def test_impossible_birth_date_is_a_problem():
    body = "11010119900230123"
    result = decode(body + id_check(body)[0], "id")
    assert parts(result)["birth_date"]["problem"] == "Not a real calendar date." and not result["valid"]
    leap = "11010120000229123"
    assert decode(leap + id_check(leap)[0], "id")["valid"]


def test_forced_readings():
    as_id = decode("914403001922038216", "id")
    assert as_id["kind"] == "id" and as_id["alternative"] is None
    assert parts(as_id)["address"]["problem"] == "91 is not a province-level code."
    as_uscc = decode("110101199001011237", "uscc")
    assert as_uscc["kind"] == "uscc" and parts(as_uscc)["authority"]["value"] == "1"


def test_province_table_is_complete():
    assert len(PROVINCES) == 34
    assert PROVINCES["65"][0] == "Xinjiang" and PROVINCES["82"][0] == "Macau"


# ---------------------------------------------------------------- the page block

def test_widget_block():
    html = decoder_widget()
    assert re.search(r'<form id="code-decoder-form"[^>]* hidden', html)
    assert '<label for="code-decoder-input">' in html and 'id="code-decoder-input"' in html
    assert 'aria-live="polite"' in html
    assert f'<script src="{SCRIPT_SRC}" defer></script>' in html and SCRIPT_SRC == "../../assets/decoder.js"
    assert "Nothing you type is sent anywhere or stored" in html
    # The worked example is outside the hidden form and outside <noscript>.
    visible = re.sub(r"<form.*?</form>|<noscript>.*?</noscript>", "", html, flags=re.S)
    for text in ("914403001922038216", "19220382-1", "Guangdong", SYNTHETIC_ID, "Born 1990-01-01", "Σ digit×weight = 126"):
        assert text in visible
    assert "fake" not in html.lower()
    assert "\n\n" not in html.strip()  # one raw HTML block for Markdown


def test_widget_shows_no_real_id_number():
    html = decoder_widget()
    ids = {m for m in re.findall(r"(?<![0-9A-Z])[0-9]{17}[0-9X](?![0-9A-Z])", html) if id_check(m[:17])[0] == m[17]}
    assert ids == {SYNTHETIC_ID}


def test_marker_is_registered():
    assert MARKERS["code-decoder"](None) == decoder_widget()


def test_script_makes_no_requests_and_stores_nothing():
    source = (ROOT / "docs/assets/decoder.js").read_text(encoding="utf-8")
    for api in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "localStorage",
                "sessionStorage", "indexedDB", "document.cookie", "import(", "new Image", "navigator."):
        assert api not in source, api
