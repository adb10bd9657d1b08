/* Code decoder: takes apart a Unified Social Credit Code (GB 32100-2015) or a resident ID
 * number (GB 11643-1999) and explains each part, entirely in the browser.
 *
 * It is the only implementation: the worked example on the codes page is static text that
 * tests/js/decoder.test.mjs checks against decode(), with the standards' test vectors.
 *
 * Privacy: this file makes no network requests and stores nothing (no cookies, no storage,
 * no analytics). What is typed stays in the page.
 */
(function () {
  "use strict";

  var ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  var FORBIDDEN = "IOSVZ";
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  var ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
  var ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var ID_CHECK = "10X98765432";
  var KINDS = ["auto", "uscc", "id"];

  var SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" +
    "\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff";
  var DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

  var NOTES = [
    ["fullwidth", "Converted full-width characters (as typed with a Chinese input method) to ordinary ones."],
    ["spaces", "Removed spaces: they are not part of the code."],
    ["dashes", "Removed hyphens or dashes: they are not part of the code."],
    ["uppercase", "Changed lower-case letters to capitals: the codes use capitals only."]
  ];

  // The tables live in code-tables.js, loaded before this file (or required, under Node).
  var TABLES = typeof CODE_TABLES !== "undefined" ? CODE_TABLES : require("./code-tables.js");
  var AUTHORITIES = TABLES.authorities;
  var PROVINCES = TABLES.provinces;

  function has(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key);
  }

  function isDigits(text) {
    return /^[0-9]+$/.test(text);
  }

  // ------------------------------------------------------------ check characters

  function usccCheck(first17) {
    var total = 0;
    for (var i = 0; i < 17; i++) total += ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
    var rest = 31 - total % 31;
    var ch = ALPHABET[rest % 31];
    var zero = rest === 31 ? " (31 counts as 0)" : "";
    return [ch, "\u03a3 value\u00d7weight = " + total + "; 31 \u2212 (" + total + " mod 31) = " + rest + zero + " \u2192 " + ch];
  }

  function orgValue(ch) {
    return ch >= "0" && ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 55;
  }

  function orgCheck(body8) {
    var total = 0;
    for (var i = 0; i < 8; i++) total += orgValue(body8[i]) * ORG_WEIGHTS[i];
    var rest = 11 - total % 11;
    var ch = rest === 10 ? "X" : rest === 11 ? "0" : String(rest);
    return [ch, "\u03a3 value\u00d7weight = " + total + "; 11 \u2212 (" + total + " mod 11) = " + rest + " \u2192 " + ch];
  }

  function idCheck(first17) {
    var total = 0;
    for (var i = 0; i < 17; i++) total += Number(first17[i]) * ID_WEIGHTS[i];
    var ch = ID_CHECK[total % 11];
    return [ch, "\u03a3 digit\u00d7weight = " + total + "; " + total + " mod 11 = " + (total % 11) + " \u2192 " + ch];
  }

  // ------------------------------------------------------------ input clean-up

  function isFullwidthAlnum(ch) {
    return (ch >= "\uff10" && ch <= "\uff19") || (ch >= "\uff21" && ch <= "\uff3a") ||
      (ch >= "\uff41" && ch <= "\uff5a") || ch === "\uff0d";
  }

  function normalise(text) {
    var seen = {};
    var out = [];
    Array.from(text).forEach(function (ch) {
      if (isFullwidthAlnum(ch)) {
        ch = String.fromCharCode(ch.charCodeAt(0) - 0xFEE0);
        seen.fullwidth = true;
      }
      if (SPACES.indexOf(ch) >= 0) {
        seen.spaces = true;
      } else if (DASHES.indexOf(ch) >= 0) {
        seen.dashes = true;
      } else if (ch >= "a" && ch <= "z") {
        out.push(ch.toUpperCase());
        seen.uppercase = true;
      } else {
        out.push(ch);
      }
    });
    var notes = NOTES.filter(function (n) { return seen[n[0]]; })
      .map(function (n) { return {code: n[0], message: n[1]}; });
    return [out.join(""), notes];
  }

  function hex(ch) {
    var h = ch.codePointAt(0).toString(16).toUpperCase();
    while (h.length < 4) h = "0" + h;
    return h;
  }

  function unique(chars) {
    var out = [];
    chars.forEach(function (c) { if (out.indexOf(c) < 0) out.push(c); });
    return out;
  }

  function inputErrors(code) {
    var chars = Array.from(code);
    if (chars.length === 0) return [{code: "empty", message: "Type or paste a code."}];
    var errors = [];
    var bad = unique(chars.filter(function (c) { return !((c >= "0" && c <= "9") || (c >= "A" && c <= "Z")); }));
    if (bad.length) {
      var shown = bad.slice(0, 5).map(function (c) { return "\"" + c + "\" (U+" + hex(c) + ")"; }).join(", ") +
        (bad.length > 5 ? " and others" : "");
      errors.push({code: "bad_character",
        message: "These characters never appear in either code: " + shown + ". " +
          "Codes use only the digits 0-9 and capital letters."});
    }
    var forbidden = unique(chars.filter(function (c) { return c.length === 1 && FORBIDDEN.indexOf(c) >= 0; }));
    if (forbidden.length) {
      errors.push({code: "forbidden_letter",
        message: "The letters I, O, S, V and Z are never used in these codes. " +
          "Found: " + forbidden.join(", ") + ". If you meant a digit such as 0 or 1, " +
          "type the digit: the decoder does not guess."});
    }
    if (chars.length !== 18) {
      var hint = "";
      if (chars.length === 15) {
        hint = " Business registration numbers used before the 2015 reform had 15 digits.";
      } else if (chars.length === 9) {
        hint = " Organisation codes used before the 2015 reform had 9 characters; a social " +
          "credit code contains one at positions 9-17.";
      }
      errors.push({code: "wrong_length",
        message: "Both codes have 18 characters; this has " + chars.length + "." + hint});
    }
    return errors;
  }

  function isIdShaped(code) {
    return /^[0-9]{17}[0-9X]$/.test(code);
  }

  // ------------------------------------------------------------ meanings

  function part(key, label, positions, value, meaning, problem) {
    return {key: key, label: label, positions: positions, value: value, meaning: meaning,
      problem: problem === undefined ? null : problem};
  }

  function check(key, label, expected, given, working) {
    return {key: key, label: label, expected: expected, given: given, match: expected === given,
      working: working};
  }

  function provinceMeaning(digits, whole) {
    var prefix = digits.slice(0, 2);
    if (!has(PROVINCES, prefix)) {
      return ["The first two digits, " + prefix + ", are not a province-level code in GB/T 2260.",
        prefix + " is not a province-level code."];
    }
    var p = PROVINCES[prefix];
    return ["Province-level code " + prefix + " = " + p[0] + " (" + p[1] + "). The full six digits are the " +
      "GB/T 2260 code of " + whole + "; this decoder names only the province.", null];
  }

  function authorityMeaning(code) {
    if (!has(AUTHORITIES, code)) {
      return "Code " + code + " is not in our verified table of registration authorities.";
    }
    return AUTHORITIES[code][0] + " (" + AUTHORITIES[code][1] + ").";
  }

  function categoryMeaning(authority, category) {
    if (!has(AUTHORITIES, authority)) {
      return "Its meaning depends on the registration authority, whose code is not in our " +
        "verified table.";
    }
    var categories = AUTHORITIES[authority][2];
    if (!has(categories, category)) {
      return "Code " + category + " is not in our verified table of categories for this authority.";
    }
    return categories[category][0] + " (" + categories[category][1] + ").";
  }

  function divisionMeaning(digits) {
    if (!isDigits(digits)) {
      return ["Should be a six-digit administrative-division code (GB/T 2260).",
        "Positions 3-8 must be digits."];
    }
    if (digits === "100000") return ["100000 is used for registration at national level.", null];
    return provinceMeaning(digits, "the registering authority's area");
  }

  function birthDateMeaning(digits) {
    var year = Number(digits.slice(0, 4)), month = Number(digits.slice(4, 6)), day = Number(digits.slice(6));
    var leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    var shown = digits.slice(0, 4) + "-" + digits.slice(4, 6) + "-" + digits.slice(6);
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1])) {
      return ["Would be " + shown + ", which is not a real calendar date.", "Not a real calendar date."];
    }
    return ["Born " + shown + " (year, month, day).", null];
  }

  // ------------------------------------------------------------ the two readings

  function readUscc(code) {
    var authority = code[0], category = code[1], division = code.slice(2, 8), body = code.slice(8, 16),
      orgGiven = code[16], given = code[17];
    var div = divisionMeaning(division);
    var parts = [
      part("authority", "Registration authority", "1", authority, authorityMeaning(authority)),
      part("category", "Organisation category", "2", category, categoryMeaning(authority, category)),
      part("division", "Administrative-division code", "3-8", division, div[0], div[1]),
      part("organisation", "Organisation code (GB 11714)", "9-17", body + "-" + orgGiven,
        "The organisation's subject identifier: its organisation code under GB 11714 (a separate " +
        "number before the 2015 reform), an eight-character body and its own check character."),
      part("check", "Check character", "18", given,
        "Computed from the first 17 characters (GB 32100, modulus 31).")
    ];
    var org = orgCheck(body), final = usccCheck(code.slice(0, 17));
    var checks = [
      check("organisation_check", "Organisation-code check character (GB 11714, position 17)",
        org[0], orgGiven, org[1]),
      check("uscc_check", "Final check character (GB 32100, position 18)", final[0], given, final[1])
    ];
    return [parts, checks];
  }

  function readId(code) {
    var address = provinceMeaning(code.slice(0, 6), "an area");
    var birth = birthDateMeaning(code.slice(6, 14));
    var sequence = code.slice(14, 17);
    var odd = Number(sequence) % 2 === 1;
    var parts = [
      part("address", "Address code", "1-6", code.slice(0, 6), address[0], address[1]),
      part("birth_date", "Date of birth", "7-14", code.slice(6, 14), birth[0], birth[1]),
      part("sequence", "Sequence number", "15-17", sequence,
        (odd ? "Odd" : "Even") + ": registered as " + (odd ? "male" : "female") +
        " (the standard gives odd numbers to men and even numbers to women)."),
      part("check", "Check character", "18", code[17],
        "Computed from the first 17 digits (ISO 7064 MOD 11-2; X stands for 10).")
    ];
    var c = idCheck(code.slice(0, 17));
    return [parts, [check("id_check", "Check character (GB 11643, position 18)", c[0], code[17], c[1])]];
  }

  function readable(kind, code) {
    if (kind === "id") return has(PROVINCES, code.slice(0, 2)) && birthDateMeaning(code.slice(6, 14))[1] === null;
    return has(AUTHORITIES, code[0]);
  }

  function chooseKind(code) {
    if (!isIdShaped(code)) return ["uscc", null];
    var idOk = idCheck(code.slice(0, 17))[0] === code[17];
    var usccOk = usccCheck(code.slice(0, 17))[0] === code[17];
    if (idOk !== usccOk) return [idOk ? "id" : "uscc", null];
    var kind = readable("id", code) ? "id" : "uscc";
    var other = kind === "id" ? "uscc" : "id";
    return [kind, readable(other, code) ? other : null];
  }

  function summary(kind, checks, problems) {
    var what = kind === "uscc" ?
      "It identifies an organisation: it records who registered it and where, not how " +
      "trustworthy it is, and it contains no score." :
      "It identifies a person and contains no score.";
    var failed = checks.filter(function (c) { return !c.match; });
    if (!failed.length) {
      var head = !problems ? "Every check character matches the standard." :
        "The check characters match, but a part is not as the standard describes.";
      return head + " " + what;
    }
    var details = failed.map(function (c) {
      return c.label + ": the rule gives " + c.expected + ", the code has " + c.given;
    }).join("; ");
    var causes = kind === "uscc" ?
      "A typing error can cause this, and some codes issued in early pilot areas do not " +
      "match either, so a mismatch alone does not tell you that a code is not genuine." :
      "A typing error can cause this; a mismatch alone does not tell you whether a number was issued.";
    return "Does not match the standard's check character (" + details + "). " + causes + " " + what;
  }

  function decode(text, kind) {
    if (kind === undefined) kind = "auto";
    if (KINDS.indexOf(kind) < 0) throw new Error("kind must be one of auto, uscc, id");
    var norm = normalise(text);
    var code = norm[0];
    var result = {input: text, normalized: code, notes: norm[1], requested: kind, kind: null,
      alternative: null, errors: inputErrors(code), parts: [], checks: [], valid: false, summary: ""};
    if (kind !== "auto") result.kind = kind;
    if (!result.errors.length && kind === "id" && !isIdShaped(code)) {
      result.errors.push({code: "not_id_shape",
        message: "A resident ID number has 17 digits followed by a digit or the letter X."});
    }
    if (result.errors.length) {
      result.summary = "This cannot be read as a code yet: see the problems listed.";
      return result;
    }
    if (kind === "auto") {
      var chosen = chooseKind(code);
      result.kind = chosen[0];
      result.alternative = chosen[1];
    }
    var read = result.kind === "id" ? readId(code) : readUscc(code);
    var problems = read[0].some(function (p) { return p.problem; });
    result.parts = read[0];
    result.checks = read[1];
    result.valid = !problems && read[1].every(function (c) { return c.match; });
    result.summary = summary(result.kind, read[1], problems);
    return result;
  }

  // ------------------------------------------------------------ the page

  var KIND_NAMES = {
    uscc: "a Unified Social Credit Code, which identifies an organisation",
    id: "a resident ID number, which identifies a person"
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function list(items, className) {
    var ul = el("ul", null, className);
    items.forEach(function (item) { ul.appendChild(el("li", item)); });
    return ul;
  }

  function render(result, out) {
    out.textContent = "";
    if (result.notes.length) {
      out.appendChild(el("p", "We cleaned up what you typed and read it as " + result.normalized + ":"));
      out.appendChild(list(result.notes.map(function (n) { return n.message; }), "code-decoder__notes"));
    }
    if (result.errors.length) {
      out.appendChild(el("p", result.summary, "code-decoder__summary code-decoder__summary--error"));
      out.appendChild(list(result.errors.map(function (e) { return e.message; }), "code-decoder__errors"));
      return;
    }
    out.appendChild(el("p", "Read as " + KIND_NAMES[result.kind] + "."));
    if (result.alternative) {
      out.appendChild(el("p", "It could also be read as " + KIND_NAMES[result.alternative] +
        ": choose that under \u201cRead it as\u201d to see that reading."));
    }
    var table = el("table", null, "code-decoder__table");
    table.appendChild(el("caption", "The parts of " + result.normalized));
    var head = el("tr");
    ["Positions", "Part", "Characters", "What it means"].forEach(function (h) {
      var th = el("th", h);
      th.setAttribute("scope", "col");
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    result.parts.forEach(function (p) {
      var row = el("tr");
      row.appendChild(el("td", p.positions));
      var th = el("th", p.label);
      th.setAttribute("scope", "row");
      row.appendChild(th);
      row.appendChild(el("td", p.value, "code-decoder__value"));
      var meaning = el("td", p.meaning);
      if (p.problem) meaning.appendChild(el("strong", " Problem: " + p.problem, "code-decoder__problem"));
      row.appendChild(meaning);
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    out.appendChild(table);
    var checks = el("ul", null, "code-decoder__checks");
    result.checks.forEach(function (c) {
      var li = el("li", null, c.match ? "code-decoder__ok" : "code-decoder__mismatch");
      li.appendChild(el("strong", c.match ? "\u2713 Matches: " : "\u2717 Does not match the standard's check character: "));
      li.appendChild(document.createTextNode(c.label + ". The rule gives " + c.expected + ", the code has " +
        c.given + " (" + c.working + ")."));
      checks.appendChild(li);
    });
    out.appendChild(checks);
    out.appendChild(el("p", result.summary, "code-decoder__summary"));
  }

  function wire() {
    var form = document.getElementById("code-decoder-form");
    var input = document.getElementById("code-decoder-input");
    var out = document.getElementById("code-decoder-results");
    if (!form || !input || !out || form.getAttribute("data-wired")) return;
    form.setAttribute("data-wired", "true");
    function kind() {
      var checked = form.querySelector("input[name='code-decoder-kind']:checked");
      return checked ? checked.value : "auto";
    }
    function run() {
      render(decode(input.value, kind()), out);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    Array.prototype.forEach.call(form.querySelectorAll("input[name='code-decoder-kind']"), function (radio) {
      radio.addEventListener("change", function () { if (input.value) run(); });
    });
    Array.prototype.forEach.call(form.querySelectorAll("button[data-example]"), function (button) {
      button.addEventListener("click", function () {
        input.value = button.getAttribute("data-example");
        run();
      });
    });
    form.hidden = false;
  }

  var api = {decode: decode, normalise: normalise, usccCheck: usccCheck, orgCheck: orgCheck, idCheck: idCheck,
    AUTHORITIES: AUTHORITIES, PROVINCES: PROVINCES};

  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
    else wire();
  }
})();
