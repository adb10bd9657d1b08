"""Embeds: a small self-contained verdict card per claim, and the oEmbed data that points at it.

/embed/<id>/ is a page of a few kilobytes with no theme and no script: the claim, its verdict and
the fact, each labelled, and a link back to the full page. Forums and blogs that speak oEmbed
find /api/v1/oembed/<id>.json through a link in the claim page's head and show the card in an
iframe. Every value is escaped here; the page carries no contributor Markdown.
"""

from __future__ import annotations

import json
from html import escape

from .models import Claim
from .safety import sanitize
from .site import claim_card_uri, claim_path, embed_path

EMBED_WIDTH, EMBED_HEIGHT = 560, 300

STYLE = """
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:#1a1a2e;background:#fff}
.card{border:1px solid #d5d5dc;border-top:6px solid var(--c);border-radius:6px;padding:12px 16px;margin:0}
.label{font-size:12px;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#4a4a5a;margin-right:6px}
.claim{margin:0 0 8px}
.badge{display:inline-block;font-weight:700;padding:1px 8px;border:2px solid var(--c);border-radius:4px;white-space:nowrap}
.solid{background:var(--c);color:#fff}.outline{background:#fff;color:var(--c)}
.fact{margin:8px 0;font-weight:700;font-size:18px}
.more{font-size:14px;margin:8px 0 0}a{color:#1a237e}
""".strip()


def embed_page(claim: Claim, site_url: str, site_name: str) -> str:
    verdict = claim.verdict
    link = escape(site_url + claim_path(claim.id), quote=True)
    style = "outline" if verdict.outline else "solid"
    body = (f'<p class="claim"><span class="label">Claim</span>“{escape(claim.claim)}” <span class="label">rated</span> '
            f'<span class="badge {style}">{escape(verdict.label)}</span></p>\n'
            f'<p class="fact"><span class="label">Fact</span>{escape(claim.fact)}</p>\n'
            f'<p class="more"><a href="{link}" target="_blank" rel="noopener">Why, with the sources: {escape(site_name)}</a></p>')
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(claim.fact)} - {escape(site_name)}</title>
<link rel="canonical" href="{link}">
<style>{STYLE}.verdict-{verdict.slug}{{--c:{verdict.colour}}}</style>
</head>
<body>
<figure class="card verdict-{verdict.slug}">
{sanitize(body)}
</figure>
</body>
</html>
"""


def oembed(claim: Claim, site_url: str, site_name: str) -> str:
    """oEmbed 1.0 "rich" data for one claim: an iframe of its embed page."""
    src = escape(site_url + embed_path(claim.id), quote=True)
    title = escape(f"{claim.claim} (rated {claim.verdict.label})", quote=True)
    iframe = (f'<iframe src="{src}" width="{EMBED_WIDTH}" height="{EMBED_HEIGHT}" title="{title}" '
              'loading="lazy" style="border:0;max-width:100%"></iframe>')
    data = {
        "version": "1.0", "type": "rich", "provider_name": site_name, "provider_url": site_url,
        "title": f"“{claim.claim}” rated {claim.verdict.label}. Fact: {claim.fact}",
        "html": iframe, "width": EMBED_WIDTH, "height": EMBED_HEIGHT,
        "thumbnail_url": site_url + claim_card_uri(claim.id), "thumbnail_width": 1200, "thumbnail_height": 630,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

