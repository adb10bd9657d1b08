"""Share cards kept on disk by content, so a rebuild only draws the cards whose text changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import cards

STYLE_VERSION = "2"  # bump when cards.py changes how a card looks


class CardCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def claim(self, card: cards.ClaimCard) -> Path:
        """The cached card of a claim, drawn first when it is missing."""
        key = ("claim", card.claim, card.verdict.slug, card.fact, card.site_name)
        return self._path(key, lambda: cards.claim_card(card))

    def title(self, title: str, site_name: str, kicker: str) -> Path:
        return self._path(("title", title, site_name, kicker), lambda: cards.title_card(title, site_name, kicker))

    def _path(self, key: tuple[str, ...], draw) -> Path:
        digest = hashlib.sha256("\0".join((STYLE_VERSION, *key)).encode("utf-8")).hexdigest()
        path = self.folder / f"{digest}.png"
        if path.exists():
            return path
        data = draw()
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        return path
