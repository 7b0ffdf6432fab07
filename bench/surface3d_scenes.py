"""The rotating-camera surface scene of ``bench/surface3d.py`` and the surface picture tests,
once with manim's ``Surface``/``Dot3D`` and once with our ``FastSurface``/``surface_dot``.

    manim -ql bench/surface3d_scenes.py FastSurfaceScene
"""

from __future__ import annotations

import os

import manim as mn
import numpy as np

from scenes.common.surface3d import FastSurface, FastThreeDAxes, FastThreeDCamera, surface_dot

RESOLUTION = int(os.environ.get("SURFACE_RESOLUTION", "24"))
RUN_TIME = float(os.environ.get("SURFACE_RUN_TIME", "2"))


def height(x: float, y: float) -> float:
    """A hill in front of a valley: enough relief for faces to hide each other."""
    return 1.6 * np.exp(-((x - 0.6) ** 2 + (y + 0.4) ** 2)) - 0.5 * np.exp(
        -((x + 1.2) ** 2 + (y - 1.0) ** 2) / 0.6
    )


def dot_path(t: float) -> tuple[float, float]:
    """Where the moving dot is at time fraction t (a loop around the hill)."""
    return 1.6 * np.cos(np.pi * (0.25 + 1.5 * t)), 1.6 * np.sin(np.pi * (0.25 + 1.5 * t))


class _SurfaceScene(mn.ThreeDScene):
    fast = False

    def __init__(self, **kwargs):
        if self.fast:
            kwargs.setdefault("camera_class", FastThreeDCamera)
        super().__init__(**kwargs)

    def construct(self) -> None:
        axes = (FastThreeDAxes if self.fast else mn.ThreeDAxes)(
            x_range=(-3, 3, 1),
            y_range=(-3, 3, 1),
            z_range=(-1, 2, 1),
            x_length=6,
            y_length=6,
            z_length=3,
        )

        def on_surface(u: float, v: float, lift: float = 0.0) -> np.ndarray:
            return axes.c2p(u, v, height(u, v) + lift)

        kind, dot_kind = (FastSurface, surface_dot) if self.fast else (mn.Surface, mn.Dot3D)
        surface = kind(
            on_surface,
            u_range=(-3, 3),
            v_range=(-3, 3),
            resolution=RESOLUTION,
            fill_opacity=1.0,
            checkerboard_colors=[mn.BLUE_D, mn.BLUE_E],
        )
        time = mn.ValueTracker(0.0)
        dot = dot_kind(on_surface(*dot_path(0.0), 0.12), radius=0.12, color=mn.YELLOW)
        dot.add_updater(lambda d: d.move_to(on_surface(*dot_path(time.get_value()), 0.12)))
        self.set_camera_orientation(phi=65 * mn.DEGREES, theta=-50 * mn.DEGREES, zoom=0.9)
        self.add(axes, surface, dot)
        self.begin_ambient_camera_rotation(rate=0.25)
        self.play(time.animate.set_value(1.0), run_time=RUN_TIME, rate_func=mn.linear)


class ManimSurfaceScene(_SurfaceScene):
    """The scene with manim's own ``Surface`` and ``Dot3D``."""


class FastSurfaceScene(_SurfaceScene):
    """The same scene with ``FastSurface``, ``surface_dot`` and ``FastThreeDCamera``."""

    fast = True
