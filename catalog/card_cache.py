"""Share cards kept on disk by content, so a rebuild only draws the cards whose text changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import cards

STYLE_VERSION = "5"  # bump when cards.py changes how a card looks


class CardCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, card: cards.ClaimCard | cards.TitleCard) -> Path:
        """The cached file of a card, drawn first when it is missing."""
        key = f"{STYLE_VERSION}\0{card!r}"  # a card's repr holds every field, the verdict's colours included
        path = self.folder / (hashlib.sha256(key.encode("utf-8")).hexdigest() + ".png")
        if path.exists():
            return path
        data = cards.draw(card)
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{hashlib.sha256(data).hexdigest()[:8]}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
        return path
