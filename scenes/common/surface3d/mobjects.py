"""The fast 3-D mobjects: :class:`FastSurface` (manim's ``Surface`` look, drawn in bulk),
:func:`surface_dot` and :class:`FastThreeDAxes`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import manim as mn
import numpy as np

from scenes.common.surface3d.geometry import face_point_indices, point_counts, surface_points

__all__ = ["FastSurface", "FastThreeDAxes", "axis_shading_ends", "face_rows", "surface_dot"]


def _resolution(resolution: int | Sequence[int]) -> tuple[int, int]:
    nu, nv = (resolution, resolution) if isinstance(resolution, int) else tuple(resolution)
    if nu < 1 or nv < 1:
        raise ValueError(f"Expected a resolution of at least 1 face, got {resolution!r}.")
    return int(nu), int(nv)


def face_rows(rgbas: np.ndarray, n: int) -> np.ndarray:
    """``rgbas`` as exactly ``n`` rows: per-face arrays as they are, a single row repeated."""
    rgbas = np.asarray(rgbas, dtype=float)
    if len(rgbas) == n:
        return rgbas
    return np.repeat(rgbas[:1], n, axis=0)


class FastSurface(mn.VMobject):
    """A parametric surface ``func(u, v) -> point`` over ``u_range`` x ``v_range`` that looks
    like manim's :class:`~manim.mobject.three_d.three_dimensions.Surface` (same arguments and
    defaults) but is drawn by :class:`FastThreeDCamera` in bulk.

    Its points are the distinct control points of manim's faces (see
    :func:`face_point_indices`), so moving, scaling, rotating and transforming it act on every
    face at once. Face colours are per face (``fill_rgbas`` has one row per face): a
    checkerboard by default, or one colour after ``set_fill(color)``/``set_color``. With
    ``vectorized=True``, ``func`` takes arrays of u and v values and returns an (n, 3) array,
    which samples large surfaces (for example mathcore's) in one call.
    """

    def __init__(
        self,
        func: Callable[[float, float], np.ndarray],
        u_range: Sequence[float] = (0, 1),
        v_range: Sequence[float] = (0, 1),
        resolution: int | Sequence[int] = 32,
        fill_color: mn.ParsableManimColor = mn.BLUE_D,
        fill_opacity: float = 1.0,
        checkerboard_colors: Iterable[mn.ParsableManimColor] | bool = (mn.BLUE_D, mn.BLUE_E),
        stroke_color: mn.ParsableManimColor = mn.LIGHT_GREY,
        stroke_width: float = 0.5,
        vectorized: bool = False,
        **kwargs: Any,
    ) -> None:
        self.u_range = tuple(u_range)
        self.v_range = tuple(v_range)
        self.resolution = _resolution(resolution)
        self.face_range = (0.0, 1.0)
        super().__init__(fill_color=fill_color, fill_opacity=fill_opacity,
                         stroke_color=stroke_color, stroke_width=stroke_width,
                         shade_in_3d=True, **kwargs)
        nu, nv = self.resolution
        self.set_points(surface_points(func, self.u_range, self.v_range, nu, nv, vectorized))
        self.fill_rgbas = face_rows(self.fill_rgbas, self.num_faces).copy()
        if checkerboard_colors:
            self.set_fill_by_checkerboard(*checkerboard_colors)

    @property
    def num_faces(self) -> int:
        return self.resolution[0] * self.resolution[1]

    def get_points_defining_boundary(self) -> np.ndarray:
        # The face corners, as for manim's Surface (its faces' anchors): same bounding box.
        return self.points[:point_counts(*self.resolution)[0]]

    def face_indices(self) -> np.ndarray:
        """(faces, 16) indices into ``points`` of each face's Bézier path (manim's order)."""
        return face_point_indices(*self.resolution)

    def set_fill_by_checkerboard(self, *colors: mn.ParsableManimColor,
                                 opacity: float | None = None) -> FastSurface:
        """Alternate ``colors`` over the faces, as ``Surface.set_fill_by_checkerboard``."""
        nu, nv = self.resolution
        i, j = np.divmod(np.arange(self.num_faces), nv)
        rgbs = np.array([mn.ManimColor(c).to_rgb() for c in colors])
        rgbas = face_rows(self.fill_rgbas, self.num_faces).copy()
        rgbas[:, :3] = rgbs[(i + j) % len(colors)]
        if opacity is not None:
            rgbas[:, 3] = opacity
        self.fill_rgbas = rgbas
        return self

    def pointwise_become_partial(self, vmobject: mn.VMobject, a: float, b: float
                                 ) -> FastSurface:
        # Create/Uncreate: show the faces from a to b (row by row), not a partial path.
        self.set_points(vmobject.points)
        self.face_range = (float(a), float(b))
        return self

    def visible_faces(self) -> np.ndarray:
        """Indices of the faces shown now (all, unless ``Create`` is part-way)."""
        a, b = self.face_range
        n = self.num_faces
        return np.arange(int(np.floor(a * n)), int(np.ceil(b * n)))


def surface_dot(point: Sequence[float] = mn.ORIGIN, radius: float = mn.DEFAULT_DOT_RADIUS,
                color: mn.ParsableManimColor = mn.WHITE,
                resolution: int | Sequence[int] = (8, 8), **kwargs: Any) -> FastSurface:
    """A spherical dot drawn like manim's ``Dot3D`` (same sphere, faces and colours), so it
    is hidden behind a hill of a surface and visible in front of it."""

    def sphere(u: float, v: float) -> np.ndarray:
        return radius * np.array([np.cos(u) * np.sin(v), np.sin(u) * np.sin(v), -np.cos(v)])

    dot = FastSurface(sphere, u_range=(0, mn.TAU), v_range=(0, mn.PI), resolution=resolution,
                      **kwargs)
    dot.set_color(color)
    return dot.shift(np.asarray(point, dtype=float))


class FastThreeDAxes(mn.ThreeDAxes):
    """manim's ``ThreeDAxes`` with the same look, made cheap to draw every frame.

    Under Cairo, manim shades each of an axis's pieces with a gradient between two points of
    the whole axis's bounding box, and finds that box by walking the axis's family again for
    every piece in every frame (most of the axes' cost; manim installs a function on every
    piece for it). Here each piece only records which axis it shades with
    (``shading_axis``); :class:`~scenes.common.surface3d.camera.FastThreeDCamera` computes
    each axis's box once per frame from one numpy min/max over its anchors.
    """

    def _set_axis_shading(self) -> None:
        light = np.asarray(self.light_source, dtype=float)
        for axis in self:
            members = tuple(axis.family_members_with_points())
            for submob in members:
                submob.shading_axis = (members, light)  # data only: the camera reads it
                submob.set_sheen(0.2)


def axis_shading_ends(members: tuple[mn.VMobject, ...], light: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray]:
    """The two points manim's ``ThreeDAxes`` shades an axis between (its box's edges facing
    away from and towards the light, ``axis.get_edge_center(∓light)``), from the anchors of
    its pieces ``members``, for a light in direction ``light``."""
    anchors = np.concatenate([p for m in members for p in (m.points[0::4], m.points[3::4])])
    lo, hi = anchors.min(axis=0), anchors.max(axis=0)
    mid = 0.5 * (lo + hi)
    return (np.where(light < 0, hi, np.where(light > 0, lo, mid)),
            np.where(light > 0, hi, np.where(light < 0, lo, mid)))
