// The code decoder (docs/assets/decoder.js) against the research notes' vectors
// (sources-and-facts.md, F18-F32), and the static worked example on the codes page against it.
// Run with `node --test tests/js/` (make test runs it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = new URL("../../", import.meta.url);
const decoder = require(new URL("docs/assets/decoder.js", root).pathname);
const tables = require(new URL("docs/assets/code-tables.js", root).pathname);
const { decode, usccCheck, orgCheck, idCheck } = decoder;

const byKey = (items) => Object.fromEntries(items.map((item) => [item.key, item]));
const codes = (items) => items.map((item) => item.code);
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Code, organisation-code check, final check (notes 2C: all computed, all match).
const PASSING = [
  ["914403001922038216", "1", "6"], // Huawei Technologies Co., Ltd.
  ["91440300708461136T", "6", "T"], // Shenzhen Tencent Computer Systems Co., Ltd.
  ["91110108551385082Q", "2", "Q"],
  ["91110000802100433B", "3", "B"],
  ["91350100M000100Y43", "4", "3"], // illustrative example
];

test("published codes pass both checks and are read as organisations", () => {
  for (const [code, org, final] of PASSING) {
    const result = decode(code);
    assert.equal(result.kind, "uscc");
    assert.equal(result.alternative, null);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.notes, []);
    assert.equal(byKey(result.checks).organisation_check.expected, org);
    assert.equal(byKey(result.checks).uscc_check.expected, final);
    assert.ok(result.valid && result.summary.startsWith("Every check character matches the standard."));
    assert.ok(result.summary.includes("no score"));
  }
});

test("31 counts as 0 in the final check, and 10 and 11 are X and 0 in the organisation check", () => {
  const prefix = "9100000000000000";
  const last = [...ALPHABET].find((ch) => {
    const trial = usccCheck(prefix + ch);
    return trial[0] === "0" && trial[1].includes("(31 counts as 0)");
  });
  assert.ok(last, "no 17th character makes the sum a multiple of 31");
  assert.equal(orgCheck("M0001TGQ")[0], "X");
  const body = Array.from({ length: 100000 }, (_, n) => String(n).padStart(8, "0")).find((b) => orgCheck(b)[0] === "0");
  assert.ok(body);
});

test("the ID check shows its working as the notes do", () => {
  assert.deepEqual(idCheck("11010119900101123"), ["7", "Σ digit×weight = 126; 126 mod 11 = 5 → 7"]);
});

test("Huawei's code is taken apart into its parts", () => {
  const p = byKey(decode("914403001922038216").parts);
  assert.equal(p.authority.value, "9");
  assert.ok(p.authority.meaning.startsWith("Industry and commerce"));
  assert.equal(p.category.meaning, "Enterprise (企业).");
  assert.ok(p.division.meaning.includes("44 = Guangdong (广东省)"));
  assert.equal(p.organisation.value, "19220382-1");
  assert.equal(p.organisation.positions, "9-17");
  assert.ok(Object.values(p).every((part) => part.problem === null));
});

test("an early Fujian pilot code fails the check but is never called fake", () => {
  const result = decode("91350100M0001TGQXM");
  const c = byKey(result.checks);
  assert.ok(c.organisation_check.match && c.organisation_check.expected === "X");
  assert.deepEqual([c.uscc_check.expected, c.uscc_check.given, c.uscc_check.match], ["1", "M", false]);
  assert.ok(!result.valid && result.summary.startsWith("Does not match the standard's check character"));
  assert.ok(result.summary.includes("pilot"));
  assert.ok(!JSON.stringify(result).toLowerCase().includes("fake"));
});

test("resident ID numbers: the made-up example, a wrong check, female and X", () => {
  const person = decode("110101199001011237");
  assert.ok(person.kind === "id" && person.valid && person.alternative === null);
  const p = byKey(person.parts);
  assert.equal(p.birth_date.meaning, "Born 1990-01-01 (year, month, day).");
  assert.ok(p.sequence.meaning.includes("registered as male"));
  const wrong = decode("110101199001011238");
  assert.deepEqual([wrong.kind, wrong.valid, wrong.alternative], ["id", false, "uscc"]);
  const body = "11010119900101124";
  assert.ok(byKey(decode(body + idCheck(body)[0]).parts).sequence.meaning.includes("registered as female"));
  const xBody = Array.from({ length: 1000 }, (_, n) => "11010119900101" + String(n).padStart(3, "0"))
    .find((b) => idCheck(b)[0] === "X");
  const withX = decode(xBody + "x");
  assert.ok(withX.valid && withX.kind === "id");
  assert.deepEqual(codes(withX.notes), ["uppercase"]);
});

test("what is tidied up is said, and letters are never guessed", () => {
  const cases = [
    ["914403001922038216", []],
    [" 9144 0300 1922 0382 16 ", ["spaces"]],
    ["91440300-70846113-6T", ["dashes"]],
    ["91440300708461136t", ["uppercase"]],
    ["９１４４０３００１９２２０３８２１６", ["fullwidth"]],
    ["9144\u30000300\u00a0192203821\u200b6", ["spaces"]],
    ["9144０３００－1922038216", ["fullwidth", "dashes"]],
    ["91440300–708461136—t", ["dashes", "uppercase"]],
  ];
  for (const [text, notes] of cases) {
    const result = decode(text);
    assert.deepEqual(codes(result.notes), notes, text);
    assert.ok(result.valid && result.normalized.length === 18 && result.input === text);
  }
  const guessed = decode("9144O3001922038216");
  assert.deepEqual(codes(guessed.errors), ["forbidden_letter"]);
  assert.ok(guessed.errors[0].message.includes("does not guess") && guessed.parts.length === 0);
});

test("every kind of bad input is named", () => {
  const cases = [
    ["", ["empty"]], ["   \u3000 ", ["empty"]], ["91440300192203821", ["wrong_length"]],
    ["9144030019220382166", ["wrong_length"]], ["hello", ["forbidden_letter", "wrong_length"]],
    ["91440300192203821!", ["bad_character"]], ["9144030019220382😀", ["bad_character", "wrong_length"]],
    ["統一社會信用代碼", ["bad_character", "wrong_length"]], ["914403001922038Z16", ["forbidden_letter"]],
  ];
  for (const [text, expected] of cases) {
    const result = decode(text);
    assert.deepEqual(codes(result.errors), expected, text);
    assert.ok(!result.valid && result.parts.length === 0 && result.checks.length === 0);
  }
  assert.ok(decode("9144030019220382😀").errors[0].message.includes('"😀" (U+1F600)'));
  assert.ok(decode("110108000000016").errors[0].message.includes("15 digits"));
  assert.ok(decode("19220382-1").errors[0].message.includes("positions 9-17"));
  assert.deepEqual(codes(decode("91440300708461136T", "id").errors), ["not_id_shape"]);
  assert.throws(() => decode("914403001922038216", "score"));
});

test("unverified table entries, odd divisions and impossible dates are said, not guessed", () => {
  const withCheck = (body) => body + usccCheck(body)[0];
  assert.ok(byKey(decode(withCheck("B1440300192203821")).parts).authority.meaning.includes("not in our verified table"));
  assert.ok(byKey(decode(withCheck("99440300192203821")).parts).category.meaning.includes("not in our verified table of categories"));
  assert.equal(byKey(decode(withCheck("9144A300192203821")).parts).division.problem, "Positions 3-8 must be digits.");
  assert.equal(byKey(decode(withCheck("91100000192203821")).parts).division.meaning,
    "100000 is used for registration at national level.");
  const impossible = "11010119900230123";
  assert.equal(byKey(decode(impossible + idCheck(impossible)[0], "id").parts).birth_date.problem, "Not a real calendar date.");
  const leap = "11010120000229123";
  assert.ok(decode(leap + idCheck(leap)[0], "id").valid);
});

test("the tables: 34 province-level divisions, verified authorities only", () => {
  assert.equal(Object.keys(tables.provinces).length, 34);
  assert.equal(tables.provinces["65"][0], "Xinjiang");
  assert.equal(tables.authorities["9"][2]["2"][0], "Individual business");
  assert.ok(!("9" in tables.authorities["9"][2]), "category 9 under authority 9 is disputed, so not listed");
});

test("the script makes no requests and stores nothing", () => {
  const source = readFileSync(new URL("docs/assets/decoder.js", root), "utf8");
  for (const api of ["fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "localStorage",
    "sessionStorage", "indexedDB", "document.cookie", "import(", "new Image", "navigator."]) {
    assert.ok(!source.includes(api), api);
  }
});

// The worked example on the codes page is hand-written Markdown; it must say what decode() says.
function workedTables() {
  const page = readFileSync(new URL("docs/topics/codes.md", root), "utf8");
  const example = page.split("### Worked example")[1].split("\n## ")[0];
  const rows = example.split("\n").filter((line) => /^\| [0-9]/.test(line))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |`| \|$/g, "").trim()));
  const checks = example.split("\n").filter((line) => line.startsWith("- **"));
  return { example, rows, checks };
}

test("the worked example on the codes page matches the decoder, row by row", () => {
  const { example, rows, checks } = workedTables();
  const expected = [...decode("914403001922038216").parts, ...decode("110101199001011237").parts]
    .map((p) => [p.positions, p.label, p.value, p.meaning]);
  assert.deepEqual(rows, expected);
  const results = [decode("914403001922038216"), decode("110101199001011237")];
  const expectedChecks = results.flatMap((r) => r.checks).map((c) =>
    `- **${c.match ? "✓ Matches:" : "✗ Does not match the standard's check character:"}** ${c.label}. ` +
    `The rule gives ${c.expected}, the code has ${c.given} (${c.working}).`);
  assert.deepEqual(checks, expectedChecks);
  const pilot = byKey(decode("91350100M0001TGQXM").checks).uscc_check;
  assert.ok(example.includes(`the standard's rule gives ${pilot.expected} where the code has ${pilot.given}`));
});
