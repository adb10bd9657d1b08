"""Share cards: the 1200x630 PNG that chat apps show in a link preview.

A card shows the verdict and the fact, never the myth as its headline. Text is drawn with
Debian's Noto Sans CJK (package fonts-noto-cjk), which covers Latin and Chinese, so the build
never downloads a font. Lines wrap at spaces, and anywhere inside Chinese text.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .contract import Verdict

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
)
SIMPLIFIED_CHINESE_FACE = 2  # index of "Noto Sans CJK SC" inside the collection
VERDICT_COLOURS = {
    "true": "#1b5e20", "mostly-true": "#2e7d32", "mixed": "#5d4037", "misleading": "#8a4b00",
    "mostly-false": "#a52714", "false": "#b71c1c", "unproven": "#455a64",
}
INK, PAPER, MUTED = "#1a1a2e", "#ffffff", "#4a4a5a"


class MissingFont(RuntimeError):
    pass


@lru_cache(maxsize=None)
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_FILES[0 if bold else 1]
    if not path.exists():
        raise MissingFont(f"{path} is missing: install Debian's fonts-noto-cjk (make does this)")
    return ImageFont.truetype(str(path), size, index=SIMPLIFIED_CHINESE_FACE)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break text into lines no wider than width: at spaces, or between Chinese characters."""
    lines, line = [], ""
    for token in _tokens(text):
        candidate = line + token
        if line and face.getlength(candidate.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Words with their trailing space, and each CJK character on its own."""
    tokens, word = [], ""
    for char in " ".join(text.split()):
        if char == " ":
            tokens.append(word + " ")
            word = ""
        elif ord(char) >= 0x2E80:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def fit(text: str, width: int, max_lines: int, sizes=(64, 56, 48, 42, 36)) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which text fits in max_lines; the last line is cut with an ellipsis."""
    for size in sizes:
        lines = wrap(text, font(True, size), width)
        if len(lines) <= max_lines:
            return font(True, size), lines
    face = font(True, sizes[-1])
    lines = wrap(text, face, width)[:max_lines]
    while lines[-1] and face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] += "…"
    return face, lines


def share_card(headline: str, site_name: str, verdict: Verdict | None = None, kicker: str = "") -> bytes:
    """A PNG card: a coloured verdict band (or kicker), the headline, and the site name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    colour = VERDICT_COLOURS[verdict.slug] if verdict else INK
    draw.rectangle((0, 0, WIDTH, 24), fill=colour)
    label = f"Verdict: {verdict.label}" if verdict else kicker
    y = 72
    if label:
        label_face = font(True, 40)
        box = draw.textbbox((MARGIN, y), label, font=label_face)
        draw.rounded_rectangle((box[0] - 18, box[1] - 12, box[2] + 18, box[3] + 12), radius=12, fill=colour)
        draw.text((MARGIN, y), label, font=label_face, fill=PAPER)
        y = box[3] + 56
    face, lines = fit(headline, WIDTH - 2 * MARGIN, max_lines=4 if label else 5)
    line_height = int(face.size * 1.25)
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=INK)
        y += line_height
    draw.line((MARGIN, HEIGHT - 110, WIDTH - MARGIN, HEIGHT - 110), fill="#d0d0d8", width=2)
    draw.text((MARGIN, HEIGHT - 88), site_name, font=font(False, 34), fill=MUTED)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=False, compress_level=6)
    return output.getvalue()
