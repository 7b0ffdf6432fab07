"""Graph pieces the function scenes share: axes with readable ticks, pole-aware curves, dashed
asymptotes and property rows whose sets come from ``IntervalSet.tex()``. No scene here."""

from __future__ import annotations

import math
from fractions import Fraction

import manim as mn

from mathcore.functions import ElementaryFunction, IntervalSet, sample_curve, tex_value
from scenes.common import get_axes, get_math, get_text, look, tr
from scenes.common.widgets import put_numbers_on_top

__all__ = [
    "DASH",
    "SET_SIZE",
    "curve",
    "fit_axes",
    "function_axes",
    "horizontal_line",
    "labelled_set",
    "plain_pi",
    "point_label",
    "rows",
    "set_ends",
    "vertical_line",
]

SET_SIZE = 34  # domain and range formulas
DASH = {"dash_length": 0.12, "dashed_ratio": 0.55}  # asymptotes: dashed, never solid
PI_TICK_SIZE = 40  # pi is as short as a lowercase letter: larger than the digit ticks
AXIS_LABEL_SIZE = 40  # x and y beside the axes, readable at 480p


def function_axes(x_range, y_range, x_length: float, y_length: float,
                  pi_ticks: bool = False) -> mn.Axes:
    """Axes whose tick numbers sit on a translucent background (curves pass under them).

    ``pi_ticks=True`` labels the x ticks (a step of a simple fraction of pi) as multiples of
    pi from mathcore's ``tex_value``: ``-\\pi``, ``\\frac{\\pi}{2}``.
    """
    axes = get_axes(list(x_range), list(y_range), x_length, y_length,
                    x_label=get_math("x", size=AXIS_LABEL_SIZE),
                    y_label=get_math("y", size=AXIS_LABEL_SIZE))
    if pi_ticks:
        axes.x_axis.remove(axes.x_axis.numbers)
        labels = mn.VGroup()
        lo, hi, step = x_range
        for k in range(int(round(lo / step)), int(round(hi / step)) + 1):
            v = k * step
            if k == 0 or k % 2:  # every pi only (and 0), so fractions do not crowd
                continue
            label = get_math(tex_value(v), size=PI_TICK_SIZE, color=look.TEXT)
            label.next_to(axes.x_axis.n2p(v), mn.DOWN, buff=0.15)
            labels.add(label)
        axes.x_axis.numbers = labels
        axes.x_axis.add(labels)
    return put_numbers_on_top(axes)


def fit_axes(axes: mn.Axes, corner=mn.UL, shift: float = 0.25) -> mn.Axes:
    """Place axes (with their labels) in a top corner, shrunk if needed to stay above the
    caption band."""
    room = mn.config.frame_height / 2 - 0.35 - (look.CAPTION_BAND_TOP + 0.15)
    if axes.height > room:
        axes.scale_to_fit_height(room)
    axes.to_corner(corner, buff=0.35).shift(shift * (mn.RIGHT if corner[0] < 0 else mn.LEFT))
    return axes


def curve(axes: mn.Axes, f: ElementaryFunction, colour: str, a: float | None = None,
          b: float | None = None, n: int = 500, width: float = 4,
          end_dots: bool = True) -> mn.VGroup:
    """y = f(x) over [a, b] (default: the axes' x window), cut at every pole and where it leaves
    the y window (mathcore's ``sample_curve``); a filled dot on each included end of the
    domain that lies in the window."""
    x0, x1 = axes.x_range[:2]
    a, b = x0 if a is None else a, x1 if b is None else b
    y0, y1 = axes.y_range[:2]
    group = mn.VGroup()
    group.pieces = sample_curve(f, a, b, n, y_window=(y0, y1))  # what was drawn, for records
    for piece in group.pieces:
        group.add(axes.plot_line_graph(piece[:, 0], piece[:, 1], add_vertex_dots=False,
                                       line_color=colour, stroke_width=width))
    if end_dots:
        for end, closed in f.domain.finite_ends():
            if closed and a <= end <= b:
                group.add(mn.Dot(axes.c2p(end, float(f(end))), radius=0.07, color=colour))
    return group


def vertical_line(axes: mn.Axes, x: float, colour: str = look.MUTED) -> mn.DashedLine:
    """A dashed vertical line x = const across the axes' window (an asymptote)."""
    y0, y1 = axes.y_range[:2]  # above the axes (z 1), so x = 0 shows over the y-axis
    return mn.DashedLine(axes.c2p(x, y0), axes.c2p(x, y1), color=colour, stroke_width=3,
                         **DASH).set_z_index(2)


def horizontal_line(axes: mn.Axes, y: float, colour: str = look.MUTED,
                    x_range: tuple[float, float] | None = None) -> mn.DashedLine:
    """A dashed horizontal line y = const across the axes' window (or ``x_range``)."""
    x0, x1 = x_range or axes.x_range[:2]
    return mn.DashedLine(axes.c2p(x0, y), axes.c2p(x1, y), color=colour, stroke_width=3,
                         **DASH).set_z_index(2)


def labelled_set(label: tuple[str, str], s: IntervalSet, colour: str = look.TEXT,
                 var: str = "x") -> mn.VGroup:
    """A word in the active language beside a set written by ``IntervalSet.tex()``."""
    word = get_text(tr(*label), size=look.LABEL_SIZE, color=look.MUTED)
    formula = get_math(s.tex(var), size=SET_SIZE, color=colour)
    return mn.VGroup(word, formula).arrange(mn.RIGHT, buff=0.2)


def point_label(axes: mn.Axes, x: float, y: float, tex: str, direction=mn.UR,
                colour: str = look.POINT) -> mn.VGroup:
    """A yellow dot at (x, y) and its label, e.g. ``(0, 1)``."""
    dot = mn.Dot(axes.c2p(x, y), radius=0.08, color=colour)
    label = get_math(tex, size=look.LABEL_SIZE + 4, color=colour)
    label.next_to(dot, direction, buff=0.12)
    label.add_background_rectangle(color=look.BACKGROUND, opacity=0.85, buff=0.05)
    return mn.VGroup(dot, label)


def rows(*lines: mn.Mobject, buff: float = 0.22) -> mn.VGroup:
    """Panel lines one under the other, left-aligned."""
    return mn.VGroup(*lines).arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=buff)


def set_ends(s: IntervalSet) -> list[list[float]]:
    """An interval set as [lo, hi, closed_lo, closed_hi] rows, for the recorded numbers."""
    return [[iv.lo, iv.hi, float(iv.closed_lo), float(iv.closed_hi)] for iv in s.intervals]


def plain_pi(v: float) -> str:
    """A multiple of pi for narration text: 2π, π, π/2, -3π/2 (else 4 significant digits)."""
    r = Fraction(v / math.pi).limit_denominator(12)
    if not math.isclose(float(r) * math.pi, v, rel_tol=1e-12) or r == 0:
        return f"{v:.4g}"
    sign, n, d = ("-" if r < 0 else ""), abs(r.numerator), r.denominator
    top = ("" if n == 1 else str(n)) + "π"
    return sign + (top if d == 1 else f"{top}/{d}")
