"""The browser decoder (docs/assets/decoder.js) and catalog/identifiers.py give the same answers.

A seeded generator makes over 10,000 inputs (valid codes built by computing their check
characters, mutations of them, wrong lengths, lower case, spaces, dashes, full-width forms,
forbidden letters, random Unicode), each with a requested reading. All of them go to one Node
process as JSON on stdin; its JSON answers are compared with Python's field by field. Node is
required: the test fails, not skips, when it is missing.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from catalog.identifiers import (
    ALPHABET, AUTHORITIES, DASHES, FORBIDDEN, PROVINCES, SPACES, decode, id_check, org_check, uscc_check,
)

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "docs" / "assets" / "decoder.js"
SEED = 20150917  # GB 32100-2015 was issued on 2015-09-17
COUNT = 12_000

RUNNER = r"""
const decoder = require(process.argv[1]);
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  const results = request.cases.map(([text, kind]) => decoder.decode(text, kind));
  process.stdout.write(JSON.stringify({
    results,
    tables: {authorities: decoder.AUTHORITIES, provinces: decoder.PROVINCES},
  }));
});
"""


# ---------------------------------------------------------------- input generator

def random_date(rng: random.Random) -> str:
    if rng.random() < 0.1:  # sometimes impossible dates
        return f"{rng.randrange(10000):04d}{rng.randrange(100):02d}{rng.randrange(100):02d}"
    year, month = rng.randrange(1900, 2031), rng.randrange(1, 13)
    return f"{year:04d}{month:02d}{rng.randrange(1, 29):02d}"


def division(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return "100000"
    prefix = rng.choice(list(PROVINCES)) if roll < 0.9 else f"{rng.randrange(100):02d}"
    return prefix + f"{rng.randrange(10000):04d}"


def valid_uscc(rng: random.Random) -> str:
    authority = rng.choice(list(AUTHORITIES)) if rng.random() < 0.85 else rng.choice(ALPHABET)
    categories = AUTHORITIES.get(authority, ("", "", {}))[2]
    category = rng.choice(list(categories)) if categories and rng.random() < 0.85 else rng.choice(ALPHABET)
    body = "".join(rng.choice(ALPHABET if rng.random() < 0.3 else "0123456789") for _ in range(8))
    first17 = authority + category + division(rng) + body + org_check(body)[0]
    return first17 + uscc_check(first17)[0]


def valid_id(rng: random.Random) -> str:
    first17 = division(rng) + random_date(rng) + f"{rng.randrange(1000):03d}"
    return first17 + id_check(first17)[0]


def random_char(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return rng.choice(ALPHABET)
    if roll < 0.55:
        return rng.choice(FORBIDDEN + "xyzabc")
    if roll < 0.7:
        return rng.choice(SPACES + DASHES + "!?.,/_#")
    if roll < 0.8:
        return chr(rng.randrange(0xFF01, 0xFF5F))  # full-width forms
    if roll < 0.9:
        return chr(rng.randrange(0x20, 0x3000))
    code = rng.choice([rng.randrange(0x3000, 0xD800), rng.randrange(0xE000, 0x110000)])  # no surrogates
    return chr(code)


def mutate(rng: random.Random, code: str) -> str:
    chars = list(code)
    op = rng.randrange(5)
    i = rng.randrange(len(chars))
    if op == 0:
        chars[i] = random_char(rng)
    elif op == 1 and i + 1 < len(chars):
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif op == 2:
        del chars[i]
    elif op == 3:
        chars.insert(i, random_char(rng))
    else:
        chars[i] = rng.choice(ALPHABET)
    return "".join(chars)


def decorate(rng: random.Random, code: str) -> str:
    out = []
    for char in code:
        roll = rng.random()
        if roll < 0.15 and ("0" <= char <= "9" or "A" <= char <= "Z"):
            char = chr(ord(char) + 0xFEE0)  # full-width
        elif roll < 0.35 and "A" <= char <= "Z":
            char = char.lower()
        out.append(char)
        if rng.random() < 0.1:
            out.append(rng.choice(SPACES + DASHES + "\uff0d"))
    return ("".join(out) if rng.random() < 0.7 else " " + "".join(out) + "\n")


def generate(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.22:
        return valid_uscc(rng)
    if roll < 0.38:
        return valid_id(rng)
    if roll < 0.55:
        return mutate(rng, rng.choice([valid_uscc, valid_id])(rng))
    if roll < 0.67:
        return decorate(rng, rng.choice([valid_uscc, valid_id])(rng))
    if roll < 0.74:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.choice([0, 1, 9, 15, 17, 19, rng.randrange(30)])))
    if roll < 0.80:  # all digits: both readings are possible
        return "".join(rng.choice("0123456789") for _ in range(17)) + rng.choice("0123456789X")
    if roll < 0.86:
        code = list(valid_uscc(rng))
        code[rng.randrange(18)] = rng.choice(FORBIDDEN)
        return "".join(code)
    if roll < 0.94:
        return "".join(random_char(rng) for _ in range(rng.randrange(26)))
    return decorate(rng, mutate(rng, valid_uscc(rng)))


FIXED = ["914403001922038216", "91440300708461136T", "91110108551385082Q", "91110000802100433B",
         "91350100M000100Y43", "91350100M0001TGQXM", "110101199001011237", "", " ", "O", "\u3000"]


def cases() -> list[tuple[str, str]]:
    rng = random.Random(SEED)
    texts = FIXED + [generate(rng) for _ in range(COUNT)]
    return [(text, rng.choice(["auto", "auto", "auto", "uscc", "id"])) for text in texts]


# ---------------------------------------------------------------- the comparison

def node() -> str:
    path = shutil.which("node") or ("/usr/bin/node" if Path("/usr/bin/node").exists() else None)
    if path is None:
        pytest.fail("Node.js is needed to check docs/assets/decoder.js against the Python parser; install it")
    return path


def run_node(inputs: list[tuple[str, str]]) -> dict:
    payload = json.dumps({"cases": inputs}, ensure_ascii=True)
    proc = subprocess.run([node(), "-e", RUNNER, str(SCRIPT)], input=payload.encode("utf-8"),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return json.loads(proc.stdout.decode("utf-8"))


def first_difference(py: dict, js: dict) -> str:
    for key in sorted(set(py) | set(js)):
        if py.get(key) != js.get(key):
            return f"{key}: python={py.get(key)!r} js={js.get(key)!r}"
    return "no difference"


@pytest.fixture(scope="module")
def compared():
    inputs = cases()
    start = time.monotonic()
    answer = run_node(inputs)
    python = [decode(text, kind) for text, kind in inputs]
    return inputs, python, answer, time.monotonic() - start


def test_python_and_javascript_agree(compared):
    inputs, python, answer, _ = compared
    js = answer["results"]
    assert len(inputs) >= 10_000 and len(js) == len(inputs)
    mismatches = [(case, first_difference(p, j)) for case, p, j in zip(inputs, python, js) if p != j]
    shown = "\n".join(f"{case!r}: {diff}" for case, diff in mismatches[:5])
    assert not mismatches, f"{len(mismatches)} of {len(inputs)} inputs differ, e.g.\n{shown}"


def test_inputs_cover_every_outcome(compared):
    _, python, _, _ = compared
    kinds = Counter(r["kind"] for r in python)
    errors = Counter(e["code"] for r in python for e in r["errors"])
    notes = Counter(n["code"] for r in python for n in r["notes"])
    assert kinds["uscc"] > 2000 and kinds["id"] > 1000
    assert sum(r["valid"] for r in python) > 2000 and sum(not r["valid"] and not r["errors"] for r in python) > 1000
    assert set(errors) == {"empty", "bad_character", "forbidden_letter", "wrong_length", "not_id_shape"}
    assert set(notes) == {"fullwidth", "spaces", "dashes", "uppercase"}
    assert any(r["alternative"] for r in python)
    problems = Counter(p["problem"] for r in python for p in r["parts"] if p["problem"])
    assert len(problems) >= 3


def test_tables_agree(compared):
    tables = compared[2]["tables"]
    as_lists = json.loads(json.dumps({"authorities": AUTHORITIES, "provinces": PROVINCES}))
    assert tables == as_lists


def test_parity_run_is_fast(compared):
    assert compared[3] < 30, f"Node and Python took {compared[3]:.1f} s"
