"""Share cards kept on disk by content, so a rebuild only draws the cards whose text changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import cards
from .contract import Verdict

STYLE_VERSION = "1"  # bump when cards.py changes how a card looks


class CardCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def get(self, headline: str, site_name: str, verdict: Verdict | None = None, kicker: str = "") -> bytes:
        return self.path(headline, site_name, verdict, kicker).read_bytes()

    def path(self, headline: str, site_name: str, verdict: Verdict | None = None, kicker: str = "") -> Path:
        """The cached card's file, drawn first when it is missing."""
        key = "\0".join((STYLE_VERSION, headline, site_name, verdict.slug if verdict else "", kicker))
        path = self.folder / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".png")
        if path.exists():
            return path
        data = cards.share_card(headline, site_name, verdict, kicker)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        return path
