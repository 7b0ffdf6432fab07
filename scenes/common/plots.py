"""Plot pieces drawn from mathcore's numbers: polylines, trajectories and contour maps."""

from __future__ import annotations

import manim as mn
import numpy as np

from scenes.common import look

__all__ = [
    "get_contour_plane",
    "get_contours",
    "get_legend",
    "get_loss_readout",
    "get_polyline",
    "get_trajectory",
]


def get_polyline(axes: mn.Axes, xs, ys, color: str, width: float = 4) -> mn.VMobject:
    """The points (xs[i], ys[i]) joined by straight segments, in axes coordinates."""
    line = mn.VMobject(stroke_color=color, stroke_width=width)
    line.set_points_as_corners([axes.c2p(float(x), float(y)) for x, y in zip(xs, ys, strict=True)])
    return line


def get_trajectory(axes: mn.Axes, points: np.ndarray, color: str, dot_radius: float = 0.05,
                   width: float = 3) -> mn.VGroup:
    """An optimizer's path: segments between the visited points and a dot on each."""
    pts = np.asarray(points)
    path = get_polyline(axes, pts[:, 0], pts[:, 1], color, width)
    dots = mn.VGroup(*[mn.Dot(axes.c2p(*p[:2]), radius=dot_radius, color=color) for p in pts])
    return mn.VGroup(path, dots)


def get_contours(axes: mn.Axes, segments_by_level: list[np.ndarray], color: str = look.MUTED,
                 width: float = 1.5, opacity: float = 0.7) -> mn.VGroup:
    """Contour lines: one VMobject per level, each segment a separate sub-path."""
    group = mn.VGroup()
    for segments in segments_by_level:
        mob = mn.VMobject(stroke_color=color, stroke_width=width, stroke_opacity=opacity)
        for a, b in segments:
            mob.start_new_path(axes.c2p(*a))
            mob.add_line_to(axes.c2p(*b))
        group.add(mob)
    return group


def get_legend(entries: list[tuple[str, str]], size: float = look.LABEL_SIZE) -> mn.VGroup:
    """A legend: a short line in each colour beside its name (never colour alone)."""
    from scenes.common.widgets import get_text

    rows = mn.VGroup()
    for name, color in entries:
        swatch = mn.Line(mn.ORIGIN, 0.45 * mn.RIGHT, color=color, stroke_width=6)
        rows.add(mn.VGroup(swatch, get_text(name, size=size, color=color))
                 .arrange(mn.RIGHT, buff=0.15))
    return rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.12)


def get_contour_plane(surface: str, levels, x_length: float, grid: int = 121,
                      numbers: bool = True, window: tuple[float, float, float, float] | None = None,
                      step: float | None = None) -> tuple[mn.Axes, mn.VGroup]:
    """Axes over a built-in surface's window (equal scale on x and y) with its level sets.

    The contours are drawn where the axes are now: move both together,
    e.g. ``mn.VGroup(axes, contours).to_corner(mn.UL)``.
    """
    from mathcore.descent import contour_segments, get_surface
    from scenes.common.widgets import get_axes

    s = get_surface(surface)
    x0, x1, y0, y1 = window or s.window
    y_length = x_length * (y1 - y0) / (x1 - x0)
    step = step or (1.0 if x1 - x0 <= 8 else 2.0)
    axes = get_axes([x0, x1, step], [y0, y1, step], x_length, y_length,
                    y_numbers=numbers) if numbers else mn.Axes(
        x_range=[x0, x1, step], y_range=[y0, y1, step], x_length=x_length, y_length=y_length,
        axis_config={"color": look.MUTED, "include_tip": False})
    X, Y, Z = s.grid(grid, window)
    contours = get_contours(axes, [contour_segments(X, Y, Z, lv) for lv in levels])
    return axes, contours


def get_loss_readout(entries: list[tuple[str, float, str]], steps: int) -> mn.VGroup:
    """Final losses of several runs, one row each: the run's name (text, so it may be Chinese)
    and L_steps = value, in the run's colour; rows are aligned on their formulas."""
    from scenes.common.widgets import get_math, get_text, tex_number

    names = [get_text(name, size=look.LABEL_SIZE, color=colour) for name, _, colour in entries]
    values = [get_math(rf"L_{{{steps}}} = {tex_number(loss)}", size=look.MATH_SIZE - 4,
                       color=colour) for _, loss, colour in entries]
    width = max(n.width for n in names)
    rows = mn.VGroup()
    for name, value in zip(names, values, strict=True):
        value.next_to(name, mn.RIGHT, buff=0.25 + width - name.width)
        rows.add(mn.VGroup(name, value))
    return rows.arrange(mn.DOWN, aligned_edge=mn.LEFT, buff=0.2)
