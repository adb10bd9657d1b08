"""The code decoder block for the codes topic page (marker <!-- catalog:code-decoder -->).

The block is plain HTML so that Markdown leaves it alone. It holds:
- the decoder form, hidden until docs/assets/decoder.js has wired it up (the script removes
  the `hidden` attribute), so readers without JavaScript never see a dead form;
- a worked example that is always in the HTML: Huawei's social credit code and a made-up ID
  number, taken apart by catalog.identifiers, the same rules the script applies;
- the privacy sentence (docs.MARKER_SCRIPTS puts the script on the page).
"""

from __future__ import annotations

from html import escape

from .identifiers import decode

HUAWEI = "914403001922038216"  # Huawei Technologies Co., Ltd. (research notes F24)
PILOT = "91350100M0001TGQXM"  # an early Fujian pilot code that fails the check (F32)
SYNTHETIC_ID = "110101199001011237"  # made up for the notes (F30): it belongs to no one

EXAMPLES = (
    (HUAWEI, "Huawei's code"),
    (PILOT, "An early Fujian pilot code"),
    (SYNTHETIC_ID, "A made-up ID number"),
)


def parts_table(result: dict, caption: str) -> str:
    rows = []
    for p in result["parts"]:
        problem = f' <strong class="code-decoder__problem">Problem: {escape(p["problem"])}</strong>' if p["problem"] else ""
        rows.append(f'<tr><td>{escape(p["positions"])}</td><th scope="row">{escape(p["label"])}</th>'
                    f'<td class="code-decoder__value">{escape(p["value"])}</td><td>{escape(p["meaning"])}{problem}</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Positions", "Part", "Characters", "What it means"))
    return (f'<table class="code-decoder__table"><caption>{escape(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def checks_list(result: dict) -> str:
    items = []
    for c in result["checks"]:
        verdict = "✓ Matches:" if c["match"] else "✗ Does not match the standard's check character:"
        css = "code-decoder__ok" if c["match"] else "code-decoder__mismatch"
        items.append(f'<li class="{css}"><strong>{verdict}</strong> {escape(c["label"])}. The rule gives '
                     f'{escape(c["expected"])}, the code has {escape(c["given"])} ({escape(c["working"])}).</li>')
    return f'<ul class="code-decoder__checks">{"".join(items)}</ul>'


def form() -> str:
    kinds = (("auto", "Work it out", " checked"), ("uscc", "Social credit code (organisation)", ""),
             ("id", "Resident ID number (person)", ""))
    radios = "".join(f'<label><input type="radio" name="code-decoder-kind" value="{value}"{checked}> {label}</label> '
                     for value, label, checked in kinds)
    examples = " ".join(f'<button type="button" class="md-button" data-example="{code}">{escape(label)}</button>'
                        for code, label in EXAMPLES)
    # The text input has no name, so even a form submitted without the script sends nothing.
    return (
        '<form id="code-decoder-form" class="code-decoder__form" hidden novalidate>'
        '<p><label for="code-decoder-input">Code to take apart</label><br>'
        '<input id="code-decoder-input" type="text" autocomplete="off" autocorrect="off" '
        'autocapitalize="characters" spellcheck="false" maxlength="100" aria-describedby="code-decoder-help"></p>'
        '<p id="code-decoder-help" class="code-decoder__help">A Unified Social Credit Code or a resident ID '
        'number: 18 characters. Spaces, dashes, lower-case letters and full-width characters are tidied up '
        'for you, and the result says when that happened.</p>'
        f'<fieldset class="code-decoder__kinds"><legend>Read it as</legend>{radios}</fieldset>'
        '<p><button type="submit" class="md-button md-button--primary">Explain this code</button></p>'
        f'<p>Or try an example: {examples}</p>'
        '</form>'
    )


def worked_example() -> str:
    huawei, person, pilot = decode(HUAWEI), decode(SYNTHETIC_ID), decode(PILOT)
    final = next(c for c in pilot["checks"] if c["key"] == "uscc_check")
    return "\n".join([
        '<p class="code-decoder__intro"><strong>Worked example.</strong> Huawei Technologies Co., Ltd. has the '
        f'Unified Social Credit Code {HUAWEI}. Here it is taken apart by the same rules the decoder uses. '
        'Nothing in it is a rating: it says which kind of authority registered the company, what kind of '
        'body it is, where it was registered, and which organisation it is.</p>',
        parts_table(huawei, f"The parts of Huawei's code {HUAWEI}"),
        '<p>The last character carries no information of its own: it is computed from the first 17 so that '
        'most typing mistakes are caught. Each character counts as a number (0-9, then A=10 up to Y=30, '
        'skipping I, O, S, V and Z), is multiplied by a weight (3 to the power of its position minus one, '
        'modulo 31), and the sum of the products gives the check character. The organisation code inside has '
        'its own check character under GB 11714.</p>',
        checks_list(huawei),
        f'<p>A person\'s resident ID number works the same way. The number {SYNTHETIC_ID} is made up for '
        'this page and belongs to no one.</p>',
        parts_table(person, f"The parts of the made-up ID number {SYNTHETIC_ID}"),
        checks_list(person),
        f'<p>Not every code in circulation matches. A code library notes that some early Fujian pilot codes, '
        f'such as {PILOT}, fail the check: the standard\'s rule gives {escape(final["expected"])} where the code '
        f'has {escape(final["given"])}. Such a code does not match the standard\'s check character; that alone '
        'does not tell you that it is not genuine.</p>',
    ])


def decoder_widget() -> str:
    """The HTML block that replaces <!-- catalog:code-decoder --> on the codes page."""
    return "\n".join([
        "",
        '<div class="code-decoder">',
        form(),
        '<div id="code-decoder-results" class="code-decoder__results" aria-live="polite"></div>',
        '<noscript><p>The interactive decoder needs JavaScript. The worked example below shows what it '
        'does.</p></noscript>',
        '<p class="code-decoder__privacy"><strong>Privacy:</strong> the decoder runs entirely in your browser. '
        'Nothing you type is sent anywhere or stored, neither by us nor in your browser. Its examples use a '
        'made-up ID number, never a real person\'s.</p>',
        worked_example(),
        "</div>",
        "",
    ])
