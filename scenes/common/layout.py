"""Layout checks on a scene's mobjects: text stays inside the frame margin, never overlaps, and
its glyphs are tall enough to read at 854x480."""

from __future__ import annotations

import re
from dataclasses import dataclass

import manim as mn
import numpy as np

__all__ = ["Box", "MIN_GLYPH_PX", "TEXT_TYPES", "glyph_height", "layout_problems", "text_boxes"]

MIN_GLYPH_PX = 10.0
"""The smallest readable height of a capital letter or digit, in pixels of a 854x480 frame
(about 1/48 of the frame height; body text is about twice that)."""
_PREVIEW_HEIGHT_PX = 480
_X_HEIGHT = 0.66  # lowercase x-height / cap height, for text without tall characters

TEXT_TYPES: tuple[type, ...] = (
    mn.Text, mn.MarkupText, mn.Paragraph, mn.SingleStringMathTex, mn.Code, mn.DecimalNumber,
)
"""Mobjects whose box must stay clear of the frame edge and of each other (MathTex and Tex
are SingleStringMathTex subclasses, Integer a DecimalNumber)."""


@dataclass(frozen=True)
class Box:
    """The bounding box of one text-like mobject."""

    label: str
    x0: float
    y0: float
    x1: float
    y1: float
    owner: int  # id of the top-level mobject it belongs to
    glyph: float = 0.0  # cap height of its glyphs in pixels at 480p (see glyph_height)

    def overlap(self, other: Box) -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return max(w, 0.0) * max(h, 0.0)


def _label(m: mn.Mobject) -> str:
    for attr in ("text", "tex_string", "code_string"):
        if isinstance(getattr(m, attr, None), str):
            return f"{type(m).__name__}({getattr(m, attr)[:30]!r})"
    if isinstance(m, mn.DecimalNumber):
        return f"{type(m).__name__}({m.get_value():.4g})"
    return type(m).__name__


def _string(m: mn.Mobject) -> str | None:
    for attr in ("text", "source", "tex_string"):
        if isinstance(getattr(m, attr, None), str):
            return getattr(m, attr)
    return None


def glyph_height(m: mn.Mobject) -> float:
    """Cap height of a text-like mobject's glyphs (a capital letter or a digit), in pixels of
    a 480-pixel-high frame.

    For text and code, whose glyphs follow their characters, the tallest capital, digit or CJK
    character is measured (else an ascender, else the x-height scaled up to cap height); for
    formulas and numbers, the tallest glyph.
    """
    leaves = [x for x in m.get_family() if x.has_points() and not x.submobjects
              and not isinstance(x, mn.Polygram | mn.Line)]  # backgrounds are not glyphs
    if not leaves:
        return 0.0
    heights = [x.height for x in leaves]
    s = _string(m)
    chars = [c for c in s if not c.isspace()] if s is not None else []
    tallest = max(heights)
    if isinstance(m, mn.SingleStringMathTex):  # a formula of short letters only: "x", "w"
        bare = re.sub(r"\\[a-zA-Z]+|[\s{}^_]", "", m.tex_string)
        if bare and re.fullmatch(r"[acemnorsuvwxz]+", bare):
            tallest /= _X_HEIGHT
    elif len(chars) == len(leaves):
        for pattern, scale in ((r"[0-9A-Z\u2e80-\u9fff]", 1.0), (r"[bdfhklt]", 1.0),
                               (r"[a-z]", 1 / _X_HEIGHT)):
            found = [h for c, h in zip(chars, heights, strict=True) if re.match(pattern, c)]
            if found:
                tallest = max(found) * scale
                break
    return tallest * _PREVIEW_HEIGHT_PX / mn.config.frame_height


def _visible(m: mn.Mobject) -> bool:
    fam = m.get_family()
    return any(
        (x.has_points() and (np.any(x.get_fill_opacities() > 0) or np.any(x.get_stroke_opacities() > 0)))
        for x in fam
    )


def text_boxes(mobjects: list[mn.Mobject]) -> list[Box]:
    """Boxes of every visible text-like mobject, outermost first; never looks inside one."""
    boxes: list[Box] = []

    def visit(m: mn.Mobject, owner: int) -> None:
        if isinstance(m, TEXT_TYPES):
            if _visible(m):
                pts = np.vstack([x.points for x in m.get_family() if x.has_points()])
                x0, y0 = pts[:, 0].min(), pts[:, 1].min()
                x1, y1 = pts[:, 0].max(), pts[:, 1].max()
                boxes.append(Box(_label(m), x0, y0, x1, y1, owner, glyph_height(m)))
            return
        for sub in m.submobjects:
            visit(sub, owner)

    for top in mobjects:
        visit(top, id(top))
    return boxes


def layout_problems(mobjects: list[mn.Mobject], margin: float = 0.15,
                    min_overlap: float = 1e-3, min_glyph: float = MIN_GLYPH_PX) -> list[str]:
    """Human-readable problems: text outside the frame margin, two texts overlapping, or text
    whose glyphs are smaller than ``min_glyph`` pixels at 480p."""
    w, h = mn.config.frame_width / 2 - margin, mn.config.frame_height / 2 - margin
    boxes = text_boxes(mobjects)
    out = []
    for b in boxes:
        if b.x0 < -w or b.x1 > w or b.y0 < -h or b.y1 > h:
            out.append(f"{b.label} leaves the frame margin: "
                       f"x [{b.x0:.2f}, {b.x1:.2f}], y [{b.y0:.2f}, {b.y1:.2f}]")
        if b.glyph < min_glyph:
            out.append(f"{b.label} is too small: glyphs {b.glyph:.1f} px high at 480p "
                       f"(at least {min_glyph:g})")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.overlap(b) > min_overlap:
                out.append(f"{a.label} overlaps {b.label}")
    return out
