"""Published HTML carries no template indentation, and keeps every line break and code block."""

import re

from catalog.compact import compact

VERBATIM = re.compile(r"<(pre|textarea)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def test_indentation_and_blank_lines_go_and_words_stay_apart():
    html = '<nav>\n    <a href="/">\n      <span>\n        Home\n      </span>\n\n\n    </a>\n  </nav>\n<p>one\n   two</p>'
    assert compact(html) == '<nav>\n<a href="/">\n<span>\nHome\n</span>\n</a>\n</nav>\n<p>one\ntwo</p>'


def test_preformatted_text_and_text_areas_are_kept_as_written():
    code = '<pre class="x"><code>claim: x\n  - title: y\n\n    url: z\n</code></pre>'
    area = "<TEXTAREA name=t>\n  a\n\n  b</TEXTAREA >"
    html = f"<div>\n  {code}\n  <p>\n    text\n  </p>\n  {area}\n</div>"
    assert compact(html) == f"<div>\n{code}\n<p>\ntext\n</p>\n{area}\n</div>"


def test_spaces_within_a_line_are_not_touched():
    html = '<p class="a  b">two  spaces\tand a tab</p> <span>x</span>'
    assert compact(html) == html


def test_built_pages_are_compact_and_their_code_blocks_keep_their_indentation(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 300
    for page in pages:
        outside = VERBATIM.sub("", page.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]", outside), page
    contributing = (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    code = "".join(match.group(0) for match in VERBATIM.finditer(contributing))
    assert re.search(r"\n  +- title:", code), "the YAML examples lost their indentation"
