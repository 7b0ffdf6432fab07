"""Layout checks on a scene's mobjects: text stays inside the frame margin and never overlaps."""

from __future__ import annotations

from dataclasses import dataclass

import manim as mn
import numpy as np

__all__ = ["Box", "TEXT_TYPES", "layout_problems", "text_boxes"]

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
                boxes.append(Box(_label(m), x0, y0, x1, y1, owner))
            return
        for sub in m.submobjects:
            visit(sub, owner)

    for top in mobjects:
        visit(top, id(top))
    return boxes


def layout_problems(mobjects: list[mn.Mobject], margin: float = 0.15,
                    min_overlap: float = 1e-3) -> list[str]:
    """Human-readable problems: text outside the frame margin, or two texts overlapping."""
    w, h = mn.config.frame_width / 2 - margin, mn.config.frame_height / 2 - margin
    boxes = text_boxes(mobjects)
    out = []
    for b in boxes:
        if b.x0 < -w or b.x1 > w or b.y0 < -h or b.y1 > h:
            out.append(f"{b.label} leaves the frame margin: "
                       f"x [{b.x0:.2f}, {b.x1:.2f}], y [{b.y0:.2f}, {b.y1:.2f}]")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a.overlap(b) > min_overlap:
                out.append(f"{a.label} overlaps {b.label}")
    return out
