"""Fast 3-D surfaces: manim's checkerboard ``Surface`` look, drawn in bulk with numpy per frame.

manim's Cairo ``ThreeDCamera`` draws a ``Surface`` as one ``ThreeDVMobject`` per face and pays
Python work per face per frame: projecting 16 points, shading two corners, sorting, building the
path. :class:`FastSurface` keeps the whole surface as one mobject whose points are the distinct
control points of manim's faces (the corners of the (u, v) grid and, on every grid edge, the two
Bézier handles manim derives from the function's tangent), and :class:`FastThreeDCamera` does
the per-frame work for all faces at once: one projection of every point, vectorised shading of
every face's two gradient corners, one depth sort (``np.lexsort``) that interleaves the faces
with every other 3-D mobject (dots, other surfaces, manim's own ``Surface``), then a tight loop
handing ready-made paths and gradients to Cairo. The picture is the same as manim's: the same Bézier faces, the
same light, the same corner normals, the same back-to-front order.

Use it like ``Surface``; scenes built on :class:`~scenes.common.lecture.LectureThreeDScene` get
the camera automatically, any other ``ThreeDScene`` passes ``camera_class=FastThreeDCamera``::

    surface = FastSurface(lambda u, v: axes.c2p(u, v, f(u, v)), u_range=(-2, 2),
                          v_range=(-2, 2), resolution=24)
    dot = surface_dot(axes.c2p(0, 0, f(0, 0)), color=look.POINT)

Animations that move, recolour or fade a surface work (``FadeIn``, ``Transform`` between
surfaces of the same resolution, ``animate.shift``); ``Create`` reveals the faces row by row.
"""

from __future__ import annotations

from scenes.common.surface3d.camera import FaceBatch, FastThreeDCamera, projected_box
from scenes.common.surface3d.geometry import (
    face_point_indices,
    shade_rgbs,
    surface_points,
    unit_normals,
)
from scenes.common.surface3d.mobjects import FastSurface, FastThreeDAxes, surface_dot

__all__ = [
    "FaceBatch",
    "FastSurface",
    "FastThreeDAxes",
    "FastThreeDCamera",
    "face_point_indices",
    "projected_box",
    "shade_rgbs",
    "surface_dot",
    "surface_points",
    "unit_normals",
]
