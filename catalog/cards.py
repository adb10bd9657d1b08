"""Share cards: the 1200x630 PNG that chat apps show in a link preview.

A claim's card shows the claim as people say it (labelled "Claim"), its verdict beside it with the
seven-step meter, and the fact (labelled "Fact"), so that a thumbnail can never be read as a
verdict on the fact. Topic and home cards show a kicker and a title. Text is drawn with Noto Sans
CJK, which covers Latin and Chinese, so the build never downloads a font. Lines wrap at spaces,
and anywhere inside Chinese text. Cards are saved as palette PNGs: text on flat colours needs few
colours, and a palette image is a third of the size of a full-colour one.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw, ImageFont

from .contract import SCALE, VERDICTS, Verdict

WIDTH, HEIGHT = 1200, 630
MARGIN = 64
# Debian's Noto Sans CJK (fonts-noto-cjk); the face index picks "Noto Sans CJK SC" in each collection.
DEBIAN_FONTS = ((Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"), 2),
                (Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), 2))
FONT_VARIABLE = "CARD_FONT"  # a font file with Chinese characters, used for both weights
NO_FONT = ("share cards need a font with Chinese characters, and none was found. Install Noto Sans CJK "
           "(Debian and Ubuntu: fonts-noto-cjk; Fedora: google-noto-sans-cjk-fonts; Arch: noto-fonts-cjk; "
           f"macOS: brew install --cask font-noto-sans-cjk), or set {FONT_VARIABLE} to a .ttf, .otf or .ttc file")
INK, PAPER, MUTED, RULE, STEP_EDGE = "#1a1a2e", "#ffffff", "#4a4a5a", "#d0d0d8", "#8a8a8a"
EDGE_SHADES = 6  # shades between each text colour and the paper, for the anti-aliased edges


class MissingFont(RuntimeError):
    pass


Face = tuple[Path, int]  # a font file and the index of the face inside it (collections hold several)


@cache
def font_faces() -> tuple[Face, Face] | None:
    """The bold and regular faces cards are drawn with: the file in $CARD_FONT, Debian's Noto Sans
    CJK, or the Chinese-capable fonts fontconfig lists (macOS, Fedora, Arch); None if none is found."""
    if os.environ.get(FONT_VARIABLE):
        chosen = Path(os.environ[FONT_VARIABLE]).expanduser()
        return ((chosen, 0), (chosen, 0)) if chosen.is_file() else None
    if all(path.is_file() for path, _ in DEBIAN_FONTS):
        return DEBIAN_FONTS
    return _fontconfig_faces()


def _fontconfig_faces() -> tuple[Face, Face] | None:
    if shutil.which("fc-list") is None:
        return None
    listed = subprocess.run(["fc-list", ":lang=zh-cn", "-f", "%{file}|%{index}|%{style}\n"],
                            capture_output=True, text=True, timeout=30).stdout
    faces = []  # sans before serif, then by name, so the choice is the same on every run
    for line in sorted(listed.splitlines(), key=lambda line: ("Serif" in line, line)):
        path, index, style = (line.split("|", 2) + ["", ""])[:3]
        if Path(path).is_file() and index.isdigit():
            faces.append(((Path(path), int(index)), "Bold" in style))
    if not faces:
        return None
    regular = next((face for face, bold in faces if not bold), faces[0][0])
    return next((face for face, bold in faces if bold), regular), regular


def font_problem() -> str | None:
    """Why cards cannot be drawn here, or None."""
    if os.environ.get(FONT_VARIABLE) and font_faces() is None:
        return f"{FONT_VARIABLE} is {os.environ[FONT_VARIABLE]!r}, which is not a font file"
    return None if font_faces() else NO_FONT


@cache
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    faces = font_faces()
    if faces is None:
        raise MissingFont(font_problem())
    path, index = faces[0 if bold else 1]
    return ImageFont.truetype(str(path), size, index=index)


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


OPENING = set("([{“‘\"'«（【《「『")
CLOSING = set(")]}”’\"'»）】》」』,.;:!?，。；：！？、")


def _tokens(text: str) -> list[str]:
    """Words with their trailing space, and each CJK character on its own; an opening bracket or
    quote stays with the character after it, and closing ones or punctuation with the one before,
    so that no line ends with "(" or starts with ")"."""
    tokens, word = [], ""
    for char in " ".join(text.split()):
        if char == " ":
            tokens.append(word + " ")
            word = ""
        elif char in CLOSING and not word and tokens and not tokens[-1].endswith(" "):
            tokens[-1] += char
        elif ord(char) >= 0x2E80 and char not in OPENING and char not in CLOSING:
            if word and not set(word) <= OPENING:
                tokens.append(word)
                word = ""
            tokens.append(word + char)
            word = ""
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def fit(text: str, width: int, max_lines: int, sizes=(64, 56, 48, 42, 36), bold: bool = True) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest size at which text fits in max_lines; the last line is cut with an ellipsis."""
    for size in sizes:
        lines = wrap(text, font(bold, size), width)
        if len(lines) <= max_lines:
            return font(bold, size), lines
    face = font(bold, sizes[-1])
    lines = wrap(text, face, width)[:max_lines]
    while lines[-1] and face.getlength(lines[-1] + "…") > width:
        lines[-1] = lines[-1][:-1]
    lines[-1] += "…"
    return face, lines


@dataclass(frozen=True)
class ClaimCard:
    """What a claim's card shows; the drawing takes nothing else."""

    claim: str
    verdict: Verdict
    fact: str
    site_name: str


def _text_block(draw: ImageDraw.ImageDraw, y: int, lines: list[str], face, fill: str) -> int:
    line_height = int(face.size * 1.22)
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=fill)
        y += line_height
    return y


def _label(draw: ImageDraw.ImageDraw, y: int, text: str) -> int:
    face = font(True, 26)
    draw.text((MARGIN, y), text.upper(), font=face, fill=MUTED)
    return y + 38


def _icon(draw: ImageDraw.ImageDraw, name: str, box: tuple[int, int, int, int], colour: str) -> None:
    """A simple drawing of the verdict's Material icon, so that grades differ in shape on cards too."""
    left, top, right, bottom = box
    size = right - left
    inset = size * 0.22
    width = max(3, size // 9)
    check = [(left + inset, top + size * 0.52), (left + size * 0.42, top + size * 0.72), (right - inset, top + size * 0.3)]
    cross = [((left + inset, top + inset), (right - inset, bottom - inset)), ((left + inset, bottom - inset), (right - inset, top + inset))]
    if name.endswith("circle") or name == "circle-half-full":
        draw.ellipse(box, outline=colour, width=width)
    if name.startswith("check"):
        draw.line(check, fill=colour, width=width, joint="curve")
    elif name.startswith("close"):
        for line in cross:
            draw.line(line, fill=colour, width=width)
    elif name == "circle-half-full":
        draw.pieslice(box, -90, 90, fill=colour)
    elif name == "alert":
        draw.polygon([(left + size / 2, top), (right, bottom), (left, bottom)], outline=colour, width=width)
        draw.text((left + size / 2, top + size * 0.62), "!", font=font(True, int(size * 0.6)), fill=colour, anchor="mm")
    elif name == "help-circle":
        draw.text((left + size / 2, top + size / 2), "?", font=font(True, int(size * 0.7)), fill=colour, anchor="mm")


def _verdict_row(draw: ImageDraw.ImageDraw, y: int, verdict: Verdict) -> int:
    """"Rated", the badge (solid, or outlined for the "mostly" grades) and the seven-step meter."""
    rated = font(True, 30)
    draw.text((MARGIN, y + 14), "RATED", font=rated, fill=MUTED)
    x = MARGIN + int(rated.getlength("RATED")) + 20
    face = font(True, 48)
    label_width = int(face.getlength(verdict.label))
    icon_size, pad, height = 44, 18, 72
    badge = (x, y, x + pad + icon_size + 14 + label_width + pad, y + height)
    ink = verdict.colour if verdict.outline else PAPER
    draw.rounded_rectangle(badge, radius=12, fill=PAPER if verdict.outline else verdict.colour,
                           outline=verdict.colour, width=5)
    _icon(draw, verdict.icon, (x + pad, y + (height - icon_size) // 2, x + pad + icon_size, y + (height + icon_size) // 2), ink)
    draw.text((x + pad + icon_size + 14, y + height // 2), verdict.label, font=face, fill=ink, anchor="lm")
    x = badge[2] + 28
    for step in (*SCALE, next(v for v in VERDICTS if v.rank is None)):
        here = step is verdict
        if step.rank is None:
            x += 14  # unproven stands apart from the scale
        top = y + (14 if here else 30)
        box = (x, top, x + 30, y + 58)
        draw.rectangle(box, fill=step.colour if here else PAPER, outline=step.colour if here else STEP_EDGE, width=2)
        if step.rank is None:
            draw.text(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), "?", font=font(True, 22), fill=PAPER if here else MUTED, anchor="mm")
        x += 36
    return y + height


def claim_card(card: ClaimCard) -> bytes:
    """The claim in quotation marks, its verdict, then the fact, each labelled; then the site name."""
    image, draw = _canvas(card.verdict.colour)
    width = WIDTH - 2 * MARGIN
    y = _label(draw, 44, "Claim")
    face, lines = fit(f"\"{card.claim}\"", width, max_lines=3, sizes=(46, 42, 38, 34, 30), bold=False)
    y = _text_block(draw, y, lines, face, INK) + 14
    y = _verdict_row(draw, y, card.verdict) + 24
    y = _label(draw, y, "Fact")
    face, lines = fit(card.fact, width, max_lines=3, sizes=(44, 40, 36, 32, 30))
    _text_block(draw, y, lines, face, INK)
    return _finish(image, draw, card.site_name, card.verdict.colour)


@dataclass(frozen=True)
class TitleCard:
    """A card for topics and the home page: a kicker above a title."""

    title: str
    site_name: str
    kicker: str


def title_card(card: TitleCard) -> bytes:
    image, draw = _canvas(INK)
    y = _label(draw, 72, card.kicker)
    face, lines = fit(card.title, WIDTH - 2 * MARGIN, max_lines=5)
    _text_block(draw, y + 12, lines, face, INK)
    return _finish(image, draw, card.site_name, INK)


def draw(card: ClaimCard | TitleCard) -> bytes:
    return claim_card(card) if isinstance(card, ClaimCard) else title_card(card)


def _canvas(colour: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 16), fill=colour)
    return image, draw


def _finish(image: Image.Image, draw: ImageDraw.ImageDraw, site_name: str, colour: str) -> bytes:
    draw.line((MARGIN, HEIGHT - 84, WIDTH - MARGIN, HEIGHT - 84), fill=RULE, width=2)
    draw.text((MARGIN, HEIGHT - 66), site_name, font=font(True, 32), fill=MUTED)
    output = io.BytesIO()
    image.quantize(palette=_palette(colour), dither=Image.Dither.NONE).save(output, format="PNG", optimize=False)
    return output.getvalue()


@cache
def _palette(colour: str) -> Image.Image:
    """Every colour a card can hold: its flat colours, and the shades that anti-aliasing blends
    between each text colour and the paper. Mapping to a known palette is several times faster
    than working one out per card, and closer to the drawing than a 20-colour octree."""
    paper = ImageColor.getrgb(PAPER)
    colours = [ImageColor.getrgb(c) for c in (PAPER, INK, MUTED, RULE, STEP_EDGE, colour)]
    for text in (INK, MUTED, colour):
        ink = ImageColor.getrgb(text)
        colours += [tuple(round(ink[i] + (paper[i] - ink[i]) * k / (EDGE_SHADES + 1)) for i in range(3))
                    for k in range(1, EDGE_SHADES + 1)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([value for rgb in colours for value in rgb])
    return palette


if __name__ == "__main__":  # `python -m catalog.cards` (make fonts): which font cards are drawn with
    import sys

    faces = font_faces()
    print(f"share cards are drawn with {faces[0][0]} and {faces[1][0]}" if faces else font_problem(),
          file=sys.stdout if faces else sys.stderr)
    sys.exit(0 if faces else 1)
