"""Curves of one variable on 2-D axes, for scenes that compare a function with approximations:
clipped curves, agreement bands, line legends, large axis labels, a formula row above a plot."""

from __future__ import annotations

import manim as mn
import numpy as np

from scenes.common import look
from scenes.common.widgets import get_axes, get_math

__all__ = [
    "LABEL",
    "PLOT_TOP",
    "get_band",
    "get_clipped_curve",
    "get_label",
    "get_line_legend",
    "get_plot",
    "to_top_row",
]

LABEL = look.LABEL_SIZE + 8
"""Axis names and legend formulas: at this size a lone lowercase "x" is 10 px high at 480p."""

PLOT_TOP = 2.45
"""Where plots hang from, in frame units, leaving a row above them for a formula."""


def get_label(tex: str, color: str = look.TEXT) -> mn.MathTex:
    """An axis or legend label, large enough that a lone lowercase letter reads at 480p."""
    return get_math(tex, color=color, size=LABEL)


def get_clipped_curve(axes: mn.Axes, xs: np.ndarray, ys: np.ndarray, color: str,
                      width: float = 4, log: bool = False) -> mn.VMobject:
    """y = ys(xs) drawn inside the axes' y window, one sub-path per piece that stays in it
    (``log=True``: the y axis is logarithmic and its range holds powers of ten)."""
    lo, hi = axes.y_range[:2]
    if log:
        lo, hi = 10.0 ** lo, 10.0 ** hi
    ys = np.asarray(ys, dtype=float)
    ok = np.isfinite(ys) & (ys >= lo) & (ys <= hi)
    mob = mn.VMobject(stroke_color=color, stroke_width=width)
    run: list[np.ndarray] = []
    for x, y, inside in zip(xs, ys, ok, strict=True):
        if inside:
            run.append(axes.c2p(float(x), float(y)))
            continue
        if len(run) >= 2:
            mob.start_new_path(run[0])
            mob.add_points_as_corners(run[1:])
        run = []
    if len(run) >= 2:
        mob.start_new_path(run[0])
        mob.add_points_as_corners(run[1:])
    if not mob.has_points():  # nothing inside: an invisible point, so Transform still works
        mob.set_points_as_corners([axes.c2p(xs[0], axes.y_range[0])] * 2).set_stroke(opacity=0)
    return mob


def get_band(axes: mn.Axes, a: float, b: float, color: str = look.POINT,
             opacity: float = 0.13) -> mn.Rectangle:
    """A faint vertical band over a <= x <= b, the full height of the axes."""
    lo, hi = axes.y_range[:2]
    p0, p1 = axes.c2p(a, lo), axes.c2p(b, hi)
    band = mn.Rectangle(width=max(p1[0] - p0[0], 1e-3), height=p1[1] - p0[1], stroke_width=0,
                        fill_color=color, fill_opacity=opacity)
    return band.move_to((p0 + p1) / 2)


def get_line_legend(entries: list[tuple[str | mn.Mobject, str, bool]]) -> mn.VGroup:
    """Legend rows (name, colour, dashed): a line swatch, dashed when asked, beside a formula
    (TeX, so the same in every language) or a ready text mobject."""
    rows = mn.VGroup()
    for name, color, dashed in entries:
        swatch = (mn.DashedLine(mn.ORIGIN, 0.5 * mn.RIGHT, color=color, stroke_width=6,
                                dash_length=0.1) if dashed else
                  mn.Line(mn.ORIGIN, 0.5 * mn.RIGHT, color=color, stroke_width=6))
        label = name if isinstance(name, mn.Mobject) else get_label(name, color)
        rows.add(mn.VGroup(swatch, label).arrange(mn.RIGHT, buff=0.2))
    return rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)


def to_top_row(mob: mn.Mobject, plot_top: float = PLOT_TOP) -> mn.Mobject:
    """Centre a formula in the row between the frame's top margin and ``plot_top``, scaled
    down if it is wider than the frame."""
    mob.scale_to_fit_width(min(mob.width, mn.config.frame_width - 2 * look.MARGIN - 0.4))
    return mob.move_to([0, (mn.config.frame_height / 2 - look.MARGIN + plot_top) / 2 + 0.1, 0])


def get_plot(x_range, y_range, width: float, height: float, x_label: str = "x",
             y_label: str = "y", plot_top: float = PLOT_TOP, **kw) -> mn.Axes:
    """Axes (:func:`get_axes`, large labels, tick numbers over the curves) hanging from
    ``plot_top`` at the left margin."""
    kw.setdefault("numbers_on_top", True)
    axes = get_axes(list(x_range), list(y_range), width, height, x_label=get_label(x_label),
                    y_label=get_label(y_label), **kw)
    return axes.next_to([0, plot_top, 0], mn.DOWN, buff=0).to_edge(mn.LEFT, buff=0.55)
