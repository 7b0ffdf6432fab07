"""3-D loss landscapes: a mathcore surface drawn as a FastSurface on axes, walkers and paths
on it, and frame-fixed labels that follow a point of the 3-D world."""

from __future__ import annotations

from collections.abc import Sequence

import manim as mn
import numpy as np

from mathcore.descent import Surface, get_surface
from scenes.common import look
from scenes.common.surface3d import FastSurface, FastThreeDAxes, projected_box, surface_dot

__all__ = [
    "LANDSCAPE_COLOURS",
    "WALKER_LIFT",
    "get_axis_labels",
    "get_landscape",
    "get_landscape_axes",
    "get_path_3d",
    "get_walker",
    "pin_to",
    "projected_box",
    "walker_point",
]

# The surface being studied is sky blue (look.FUNCTION); its checkerboard pairs it with a
# darker shade of itself so the faces read as a grid.
# Dark enough that faces turned to the light (manim's shading adds up to +0.5) stay blue.
# A walker's centre sits this many radii above the surface, so on a slope it rests on it.
WALKER_LIFT = 1.5
LANDSCAPE_COLOURS = tuple(mn.ManimColor(look.FUNCTION).interpolate(mn.ManimColor(look.BACKGROUND), t)
                          for t in (0.7, 0.55))


def get_landscape_axes(window: Sequence[float], z_range: Sequence[float], x_length: float = 6,
                       y_length: float = 6, z_length: float = 3) -> FastThreeDAxes:
    """Axes over ``window`` = (x0, x1, y0, y1) and ``z_range`` = (z0, z1[, step]), muted."""
    x0, x1, y0, y1 = window
    z = tuple(z_range) if len(z_range) == 3 else (*z_range, (z_range[1] - z_range[0]) / 4)
    axes = FastThreeDAxes(x_range=(x0, x1, (x1 - x0) / 4), y_range=(y0, y1, (y1 - y0) / 4),
                          z_range=z, x_length=x_length, y_length=y_length, z_length=z_length,
                          axis_config={"color": look.MUTED, "include_tip": False})
    return axes


def get_landscape(axes: mn.ThreeDAxes, surface: Surface | str,
                  window: Sequence[float] | None = None, resolution: int = 24,
                  opacity: float = 1.0) -> FastSurface:
    """The loss ``surface`` (a mathcore surface or its name) over ``window`` (default: the
    surface's own), sampled by mathcore in one vectorised call."""
    surface = get_surface(surface) if isinstance(surface, str) else surface
    x0, x1, y0, y1 = window or surface.window

    def point(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return np.asarray(axes.c2p(u, v, surface.values(u, v))).T

    return FastSurface(point, u_range=(x0, x1), v_range=(y0, y1), resolution=resolution,
                       vectorized=True, checkerboard_colors=LANDSCAPE_COLOURS,
                       fill_opacity=opacity, stroke_color=look.BACKGROUND, stroke_width=0.5)


def _lifted(axes: mn.ThreeDAxes, x: float, y: float, loss: float, lift: float) -> np.ndarray:
    return np.asarray(axes.c2p(x, y, loss)) + lift * mn.OUT


def get_walker(axes: mn.ThreeDAxes, position: Sequence[float], loss: float,
               color: str = look.POINT, radius: float = 0.1) -> FastSurface:
    """A ball resting on the surface at ``position`` (x, y) whose loss is ``loss``; hidden by
    hills in front of it like the surface's own faces."""
    return surface_dot(walker_point(axes, position, loss, radius), radius=radius, color=color)


def walker_point(axes: mn.ThreeDAxes, position: Sequence[float], loss: float,
                 radius: float = 0.1) -> np.ndarray:
    """Where the centre of a walker of ``radius`` at ``position`` is (for ``move_to``): lifted
    by ``WALKER_LIFT`` radii, so on a slope it sits on the surface rather than in it."""
    return _lifted(axes, *position, loss, WALKER_LIFT * radius)


def get_path_3d(axes: mn.ThreeDAxes, positions: np.ndarray, losses: np.ndarray, color: str,
                width: float = 4, lift: float = 0.04) -> mn.VMobject:
    """The polyline through the points (x_k, y_k, loss_k), a hair above the surface."""
    pts = [_lifted(axes, x, y, z, lift) for (x, y), z in zip(positions, losses, strict=True)]
    return mn.VMobject(stroke_color=color, stroke_width=width).set_points_as_corners(pts)


def pin_to(label: mn.Mobject, camera: mn.ThreeDCamera, anchor: mn.Mobject,
           direction: np.ndarray = mn.UP, buff: float = 0.15) -> mn.Mobject:
    """Keep a frame-fixed ``label`` beside ``anchor`` (a 3-D mobject) as the camera shows it,
    on the side ``direction`` of its projected box, as the camera or the anchor moves."""

    def follow(m: mn.Mobject) -> None:
        x0, y0, x1, y1 = projected_box(camera, anchor)
        centre = np.array([(x0 + x1) / 2, (y0 + y1) / 2, 0.0])
        half = np.array([(x1 - x0) / 2, (y1 - y0) / 2, 0.0])
        m.next_to(centre + np.sign(direction) * half, direction, buff=buff)

    follow(label)
    return label.add_updater(follow)


def get_axis_labels(scene, axes: mn.ThreeDAxes, names: Sequence[str] = ("x", "y", "L"),
                    size: float = look.LABEL_SIZE + 4) -> mn.VGroup:
    """Frame-fixed labels (TeX) at the far ends of the three axes, following them as the
    camera turns; ``scene.overlay`` fixes them in the frame. Fade them in to show them."""
    from scenes.common.widgets import get_math

    ends = (axes.x_axis.get_end(), axes.y_axis.get_end(), axes.z_axis.get_end())
    directions = (mn.RIGHT, mn.RIGHT, mn.UP)
    labels = mn.VGroup()
    for name, end, direction in zip(names, ends, directions, strict=True):
        anchor = mn.Dot(end, radius=0.01, fill_opacity=0)
        label = get_math(name, size=size, color=look.TEXT)  # white on a dark box: the light
        label.add_background_rectangle(color=look.BACKGROUND, opacity=0.85, buff=0.06)  # surface
        label = scene.overlay(label)
        labels.add(pin_to(label, scene.renderer.camera, anchor, direction, buff=0.1))
    return labels
