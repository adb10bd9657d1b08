"""What contributor text may not carry, and the guard every published page passes through.

Input side (checks.py reports these with a located code): raw HTML, attribute lists, links that
are not http(s) or pages of this site, reference-style link and abbreviation definitions, images
from other sites, invisible direction controls, URLs that do not parse, and addresses that carry
tracking parameters (a shared copy of a link, not the page's own address).

Output side: render.py disarms the same constructs again, URLs are re-serialised by safe_url()
before they reach Markdown or HTML, and sanitize() passes every page's HTML through nh3 (the
Rust ammonia sanitiser) with an allow-list of elements, attributes and URL schemes, so that a
missed check or a future template can still never put script on a page.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit

import nh3

HTML_TAG = re.compile(r"<\s*[A-Za-z!/?][^\s>]*")
ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.]|\{\s*[A-Za-z_-]+\s*=")
# Block prefixes a definition may hide behind: quotes, list bullets and numbers, indentation.
_CONTAINER = r"^(?:[ \t]*(?:>|[*+-](?=\s)|\d{1,9}[.)](?=\s)))*[ \t]*"
REFERENCE_DEFINITION = re.compile(_CONTAINER + r"\[[^\]\n]+\]:", re.MULTILINE)
ABBREVIATION_DEFINITION = re.compile(_CONTAINER + r"\*\[[^\]\n]*\]:", re.MULTILINE)
LINK_TARGETS = (
    re.compile(r"(\]\(\s*<?)([^)>\s]*)"),  # [text](target) and ![alt](target)
    re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*<?)(\S+)", re.MULTILINE),  # [label]: target
)
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)>\s]*)")
HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?=[ \t]|$)", re.MULTILINE)
SETEXT = re.compile(r"^[ \t]{0,3}(=+|-{2,})[ \t]*$", re.MULTILINE)
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https")
# Invisible characters that reorder the text around them (as used in "Trojan Source" attacks).
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CONTROL_OR_SPACE = re.compile(r"[\x00-\x20]")  # what a browser drops from a URL before it reads the scheme
SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f]")  # \s is str.isspace()
HOST = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
# Query parameters that only say where a reader came from (campaign tags, click ids, newsletter
# and feed tags): an address that carries them is a shared copy of the link, not the page's own.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid",
                                 "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "ito", "ref_src",
                                 "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee"})
# Characters percent-encoded in a URL's path, query and fragment so that it cannot end the
# Markdown link or HTML attribute it is written into.
_URL_SAFE = "/:@!$&'*+,;=-._~%?#"


def link_targets(text: str) -> list[str]:
    return [m.group(2) for pattern in LINK_TARGETS for m in pattern.finditer(text)]


def scheme(target: str) -> str | None:
    """The scheme a browser would see, after Markdown escapes and HTML entities are undone."""
    decoded = html.unescape(target.replace("\\", ""))
    match = SCHEME.match(CONTROL_OR_SPACE.sub("", decoded))
    return match.group(1).lower() if match else None


def is_unsafe_link(target: str) -> bool:
    found = scheme(target)
    return found is not None and found not in SAFE_SCHEMES


def url_problem(url: str) -> str | None:
    """Why url is not a usable http(s) address, or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises for a port that is not a number
    except ValueError as error:
        return f"it does not parse as an address ({error})"
    if parts.scheme not in SAFE_SCHEMES:
        return "it must start with http:// or https://"
    if not host or not HOST.match(_ascii_host(host) or ""):
        return f"'{parts.netloc}' is not a host name"
    if parts.username is not None or parts.password is not None:
        return "it must not carry a user name or password"
    if SPACE_OR_CONTROL.search(url):
        return "it contains a space or a control character"
    return None


def _is_tracking(field: str) -> bool:
    name = field.split("=", 1)[0].lower()
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def tracking_parameters(url: str) -> list[str]:
    """The names of the tracking parameters in url's query, in order (utm_* and TRACKING_PARAMETERS)."""
    return [field.split("=", 1)[0] for field in urlsplit(url).query.split("&") if _is_tracking(field)]


def without_tracking(url: str) -> str:
    """url with its tracking parameters dropped and every other character as it was."""
    parts = urlsplit(url)
    kept = "&".join(field for field in parts.query.split("&") if field and not _is_tracking(field))
    return urlunsplit(parts._replace(query=kept))


def _ascii_host(host: str) -> str | None:
    """The host in ASCII (IDNA for a name such as 例子.中国), or None when it cannot be one."""
    if host.isascii():
        return host
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def safe_url(url: str) -> str:
    """url re-serialised with every character that could end a link or attribute percent-encoded.

    Callers pass URLs that passed url_problem(); anything else becomes '#'."""
    if url_problem(url) is not None:
        return "#"
    parts = urlsplit(url)
    netloc = _ascii_host(parts.hostname)
    if parts.port is not None:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe=_URL_SAFE), quote(parts.query, safe=_URL_SAFE),
                       quote(parts.fragment, safe=_URL_SAFE))).replace("'", "%27")


def disarm_links(text: str) -> str:
    """Point every link with an unsafe scheme at nothing ('#')."""
    for pattern in LINK_TARGETS:
        text = pattern.sub(lambda m: m.group(1) + ("#" if is_unsafe_link(m.group(2)) else m.group(2)), text)
    return text


def disarm_definitions(text: str) -> str:
    """Reference-link and abbreviation definitions become plain text (their bracket escaped)."""
    def escape(match: re.Match) -> str:
        found = match.group(0)
        at = found.index("[")
        return found[:at] + "\\" + found[at:]
    return ABBREVIATION_DEFINITION.sub(escape, REFERENCE_DEFINITION.sub(escape, text))


# --------------------------------------------------------------------------------------------
# The output guard
# --------------------------------------------------------------------------------------------

_TEXT = {"p", "br", "hr", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "mark", "q", "cite", "code",
         "pre", "kbd", "blockquote", "abbr", "span", "div", "a", "img", "ul", "ol", "li", "dl", "dt", "dd",
         "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
         "colgroup", "col", "details", "summary", "figure", "figcaption", "nav", "section", "article"}
_CONTROLS = {"form", "label", "input", "button", "select", "option", "output", "fieldset", "legend", "noscript"}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex"},
    "a": {"href", "rel", "target"}, "img": {"src", "alt", "width", "height", "loading"}, "abbr": {"title"},
    "ol": {"start", "type"}, "li": {"value"}, "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"}, "col": {"span"}, "details": {"open"},
    "form": {"action", "method", "name", "novalidate", "autocomplete"},
    "label": {"for"}, "input": {"type", "name", "value", "placeholder", "autocomplete", "spellcheck", "required",
                                "maxlength", "inputmode", "autocapitalize", "checked"},
    "button": {"type", "name", "value"}, "select": {"name"}, "option": {"value", "selected"}, "output": {"for"},
}
_URL_ATTRIBUTES = {("a", "href"), ("img", "src"), ("form", "action")}


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    if attribute == "title":  # Material's tooltips show titles as HTML: no markup may hide in one
        return value.replace("<", "‹").replace(">", "›")
    if (element, attribute) in _URL_ATTRIBUTES and is_unsafe_link(value):
        return None
    if (element, attribute) in (("img", "src"), ("form", "action")) and (scheme(value) or value.strip().startswith("//")):
        return None  # an image or form of another site would send readers' requests there
    return value


def sanitize(page_html: str) -> str:
    """Page HTML with everything outside the allow-list removed: no script, no event handler, no
    style, no javascript: or data: URL, no image or form of another site. Form controls stay (the
    catalog's filters, the code decoder, the share buttons): without script they do nothing."""
    return nh3.clean(
        page_html, tags=_TEXT | _CONTROLS, attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-", "aria-"}, url_schemes={"http", "https", "mailto"},
        attribute_filter=_filter_attribute, link_rel=None, strip_comments=True,
    )
