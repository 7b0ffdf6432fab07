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

import hashlib
import itertools as it
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import cairo
import manim as mn
import numpy as np
from manim.camera.camera import CAP_STYLE_MAP, LINE_JOIN_MAP, Camera

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

# Positions, in manim's 16-point face path, of the two corners its camera shades: the start
# corner (point 0) and what manim takes for the end corner (point ((16 - 1) // 6) * 3 = 6,
# the second handle of the second edge), each with the two neighbours it takes a normal from.
_START, _START_A, _START_B = 0, 3, 12
_END, _END_A, _END_B = 6, 9, 3
# Ends of a face's shading gradient closer than this (in 0..1 colour units) are drawn solid,
# in their mean colour: no pixel moves by more than 1/255.
GRADIENT_STEP = 2 / 255
# Counts frames drawn by FastThreeDCamera (0: none yet); lets per-frame values be reused.
_FRAME_SERIAL = [0]


# manim's Surface maps each handle h of anchor a to f(a) + (f(a + eps (h - a)) - f(a)) / eps
# (VMobject.apply_function with Surface's pre_function_handle_to_anchor_scale_factor): the edge
# leaves each corner along the surface's tangent.
HANDLE_EPSILON = 1e-5


def _point_counts(nu: int, nv: int) -> tuple[int, int, int]:
    """Corners, handles per u-edge family, handles per v-edge family."""
    return (nu + 1) * (nv + 1), nu * (nv + 1), (nu + 1) * nv


@lru_cache(maxsize=32)
def face_point_indices(nu: int, nv: int) -> np.ndarray:
    """Indices into a FastSurface's points of the 16 points of every face, in manim's order.

    The points are, in this order: the (nu + 1) x (nv + 1) corners (u-major); on each u-edge
    (i, j)-(i + 1, j) the handle near its start, then (as a second block) the one near its
    end; the same two blocks for the v-edges (i, j)-(i, j + 1). Face ``i * nv + j`` spans
    [u_i, u_i+1] x [v_j, v_j+1] and runs (u1,v1) → (u2,v1) → (u2,v2) → (u1,v2) → (u1,v1) as
    four cubic Bézier curves. Shape (nu * nv, 16)."""
    n_corners, n_u, n_v = _point_counts(nu, nv)
    i, j = np.divmod(np.arange(nu * nv), nv)

    def corner(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return a * (nv + 1) + b

    def u_handle(a: np.ndarray, b: np.ndarray, near_end: bool) -> np.ndarray:
        return n_corners + near_end * n_u + a * (nv + 1) + b

    def v_handle(a: np.ndarray, b: np.ndarray, near_end: bool) -> np.ndarray:
        return n_corners + 2 * n_u + near_end * n_v + a * nv + b

    c0, c1, c2, c3 = corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)
    idx = np.stack([
        c0, u_handle(i, j, False), u_handle(i, j, True), c1,
        c1, v_handle(i + 1, j, False), v_handle(i + 1, j, True), c2,
        c2, u_handle(i, j + 1, True), u_handle(i, j + 1, False), c3,
        c3, v_handle(i, j, True), v_handle(i, j, False), c0,
    ], axis=1)
    idx.setflags(write=False)
    return idx


def surface_points(func: Callable, u_range: Sequence[float], v_range: Sequence[float],
                   nu: int, nv: int, vectorized: bool = False) -> np.ndarray:
    """The points of a FastSurface (see :func:`face_point_indices` for their order): ``func``
    at the grid corners and, for each handle, manim's tangent construction. ``func(u, v)``
    returns a point; with ``vectorized`` it takes arrays of shape (n,) and returns (n, 3)."""
    us = np.linspace(*u_range, nu + 1)
    vs = np.linspace(*v_range, nv + 1)
    U, V = np.meshgrid(us, vs, indexing="ij")
    eps = HANDLE_EPSILON
    du = (np.diff(us) / 3)[:, None] * np.ones(nv + 1)
    dv = np.ones(nu + 1)[:, None] * (np.diff(vs) / 3)
    # (anchor corners, where func is taken a hair's breadth along the edge) per handle block.
    blocks = [
        (U[:-1], U[:-1] + eps * du, V[:-1], V[:-1]),
        (U[1:], U[1:] - eps * du, V[1:], V[1:]),
        (U[:, :-1], U[:, :-1], V[:, :-1], V[:, :-1] + eps * dv),
        (U[:, 1:], U[:, 1:], V[:, 1:], V[:, 1:] - eps * dv),
    ]
    u_all = np.concatenate([U.ravel()] + [b[1].ravel() for b in blocks])
    v_all = np.concatenate([V.ravel()] + [b[3].ravel() for b in blocks])
    if vectorized:
        values = np.asarray(func(u_all, v_all), dtype=float).reshape(len(u_all), 3)
    else:
        values = np.array([func(u, v) for u, v in zip(u_all.tolist(), v_all.tolist(),
                                                      strict=True)], dtype=float)
    n_corners = U.size
    corners = values[:n_corners].reshape(nu + 1, nv + 1, 3)
    anchors = [corners[:-1], corners[1:], corners[:, :-1], corners[:, 1:]]
    handles, start = [], n_corners
    for anchor in anchors:
        ahead = values[start:start + anchor.shape[0] * anchor.shape[1]].reshape(anchor.shape)
        start += anchor.shape[0] * anchor.shape[1]
        handles.append((anchor + (ahead - anchor) / eps).reshape(-1, 3))
    return np.concatenate([corners.reshape(-1, 3), *handles])


def unit_normals(v1: np.ndarray, v2: np.ndarray, tol: float = 1e-6) -> np.ndarray:
    """Row-wise :func:`manim.utils.space_ops.get_unit_normal`, with its fallbacks for
    degenerate corners (zero or parallel edges). Shapes (n, 3) -> (n, 3)."""
    d1 = np.abs(v1).max(axis=1, keepdims=True)
    d2 = np.abs(v2).max(axis=1, keepdims=True)
    u1 = np.divide(v1, d1, out=np.zeros_like(v1), where=d1 > 0)
    u2 = np.divide(v2, d2, out=np.zeros_like(v2), where=d2 > 0)
    cp = np.cross(u1, u2)
    norm = np.linalg.norm(cp, axis=1, keepdims=True)
    out = np.divide(cp, norm, out=np.zeros_like(cp), where=norm > tol)
    bad = (norm[:, 0] <= tol) | (d1[:, 0] == 0) | (d2[:, 0] == 0)
    if bad.any():
        # manim: pick the non-zero edge, then turn it 90° towards the z axis (DOWN if none).
        u = np.where(d1[bad] > 0, u1[bad], u2[bad])
        flat = (np.abs(u[:, 0]) < tol) & (np.abs(u[:, 1]) < tol)
        turned = np.stack([-u[:, 0] * u[:, 2], -u[:, 1] * u[:, 2], u[:, 0] ** 2 + u[:, 1] ** 2],
                          axis=1)
        tn = np.linalg.norm(turned, axis=1, keepdims=True)
        turned = np.divide(turned, tn, out=np.zeros_like(turned), where=tn > 0)
        out[bad] = np.where(flat[:, None], np.asarray(mn.DOWN, dtype=float), turned)
    return out


def shade_rgbs(rgbs: np.ndarray, points: np.ndarray, normals: np.ndarray,
               light_source: np.ndarray) -> np.ndarray:
    """Row-wise :func:`manim.utils.color.get_shaded_rgb`: lighten faces turned to the light,
    darken (half as much) those turned away. Shapes (n, 3) -> (n, 3), not clipped."""
    to_sun = light_source - points
    dist = np.linalg.norm(to_sun, axis=1, keepdims=True)
    to_sun = np.divide(to_sun, dist, out=np.zeros_like(to_sun), where=dist > 0)
    light = 0.5 * np.einsum("ij,ij->i", normals, to_sun) ** 3
    light = np.where(light < 0, 0.5 * light, light)
    return rgbs + light[:, None]


def _resolution(resolution: int | Sequence[int]) -> tuple[int, int]:
    nu, nv = (resolution, resolution) if isinstance(resolution, int) else tuple(resolution)
    if nu < 1 or nv < 1:
        raise ValueError(f"Expected a resolution of at least 1 face, got {resolution!r}.")
    return int(nu), int(nv)


def _rows(rgbas: np.ndarray, n: int) -> np.ndarray:
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
        self.fill_rgbas = _rows(self.fill_rgbas, self.num_faces).copy()
        if checkerboard_colors:
            self.set_fill_by_checkerboard(*checkerboard_colors)

    @property
    def num_faces(self) -> int:
        return self.resolution[0] * self.resolution[1]

    def get_points_defining_boundary(self) -> np.ndarray:
        # The face corners, as for manim's Surface (its faces' anchors): same bounding box.
        return self.points[:_point_counts(*self.resolution)[0]]

    def face_indices(self) -> np.ndarray:
        """(faces, 16) indices into ``points`` of each face's Bézier path (manim's order)."""
        return face_point_indices(*self.resolution)

    def set_fill_by_checkerboard(self, *colors: mn.ParsableManimColor,
                                 opacity: float | None = None) -> FastSurface:
        """Alternate ``colors`` over the faces, as ``Surface.set_fill_by_checkerboard``."""
        nu, nv = self.resolution
        i, j = np.divmod(np.arange(self.num_faces), nv)
        rgbs = np.array([mn.ManimColor(c).to_rgb() for c in colors])
        rgbas = _rows(self.fill_rgbas, self.num_faces).copy()
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

    Under Cairo, manim shades each of an axis's pieces with a gradient between two corners of
    the whole axis's bounding box, and finds that box by walking the axis's family again for
    every piece in every frame (most of the axes' cost). Here the box comes from one numpy
    min/max over the anchors of the members the axis had when it was made, once per frame
    under :class:`FastThreeDCamera` (nothing moves while a frame is drawn).
    """

    def _set_axis_shading(self) -> None:
        vect = np.asarray(self.light_source, dtype=float)
        for axis in self:
            members = axis.family_members_with_points()

            memo: dict[int, tuple[np.ndarray, np.ndarray]] = {}

            def ends(members: list = members, memo: dict = memo
                     ) -> tuple[np.ndarray, np.ndarray]:
                frame = _FRAME_SERIAL[0]
                if frame and frame in memo:  # once per frame under FastThreeDCamera
                    return memo[frame]
                anchors = np.concatenate([p for m in members
                                          for p in (m.points[0::4], m.points[3::4])])
                lo, hi = anchors.min(axis=0), anchors.max(axis=0)
                mid = 0.5 * (lo + hi)
                memo.clear()
                memo[frame] = (np.where(vect < 0, hi, np.where(vect > 0, lo, mid)),
                               np.where(vect > 0, hi, np.where(vect < 0, lo, mid)))
                return memo[frame]

            for submob in members:
                submob.get_gradient_start_and_end_points = ends
                submob.get_unit_normal = lambda a: np.ones(3)
                submob.set_sheen(0.2)


def _reference_point(mob: mn.Mobject) -> np.ndarray:
    """``mob.get_z_index_reference_point()`` (the centre of its anchors' bounding box), in one
    numpy step for the common case of a plain VMobject without submobjects."""
    group = getattr(mob, "z_index_group", mob)
    if (isinstance(group, mn.VMobject) and not group.submobjects and len(group.points)
            and type(group).get_points_defining_boundary
            is mn.VMobject.get_points_defining_boundary):
        n = group.n_points_per_cubic_curve
        anchors = np.concatenate([group.points[0::n], group.points[n - 1::n]])
        return 0.5 * (anchors.min(axis=0) + anchors.max(axis=0))
    return group.get_z_index_reference_point()


def projected_box(camera: mn.ThreeDCamera, mob: mn.Mobject) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1): the frame box of a 3-D mobject as the camera shows it now."""
    camera.reset_rotation_matrix()
    pts = np.vstack([m.get_points_defining_boundary() for m in mob.get_family()
                     if m.has_points()])
    xy = camera.project_points(pts)[:, :2]
    (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    return float(x0), float(y0), float(x1), float(y1)


@dataclass(frozen=True)
class FaceBatch:
    """A run of one surface's faces to draw one after another (back to front)."""

    surface: FastSurface
    faces: np.ndarray


@dataclass(frozen=True)
class _FrameFaces:
    """Everything Cairo needs for one surface in the current frame, one row per face."""

    depth: np.ndarray  # (F,) camera depth of the centre of each face's corners
    paths: list  # F lists of 26 floats: start point, then 4 curves of 3 points (x, y)
    gradients: list  # F lists [x0, y0, x1, y1]: projected start and end corner
    fill: list | None  # per face (b, g, r, a) or a pair of them (gradient); None: invisible
    stroke: list | None  # the same for the stroke; None when there is no stroke


class FastThreeDCamera(mn.ThreeDCamera):
    """manim's ``ThreeDCamera`` that draws :class:`FastSurface` faces in bulk.

    Everything else (axes, labels, fixed-in-frame text, manim's own 3-D mobjects) goes through
    the parent camera unchanged, depth-sorted together with the faces exactly as the parent
    sorts its 3-D mobjects: by the depth of each face's bounding-box centre, ties in family
    order, mobjects without ``shade_in_3d`` last.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.view_shift = np.zeros(3)
        self._fixed_roots: dict[int, mn.Mobject] = {}

    def project_points(self, points: np.ndarray) -> np.ndarray:
        """manim's projection, then moved by ``view_shift`` (frame units): a scene can put
        its 3-D view beside a text panel without the view drifting as the camera turns."""
        projected = super().project_points(points)
        if self.view_shift.any():
            projected[:, :2] += self.view_shift[:2]
        return projected

    def add_fixed_in_frame_mobjects(self, *mobjects: mn.Mobject) -> None:
        # Remember the mobjects themselves: parts they gain later (a counter rebuilt by
        # ``become`` each frame) are fixed in the frame too, not thrown into the 3-D world.
        self._fixed_roots.update((id(m), m) for m in mobjects)
        super().add_fixed_in_frame_mobjects(*mobjects)

    def remove_fixed_in_frame_mobjects(self, *mobjects: mn.Mobject) -> None:
        for m in mobjects:
            self._fixed_roots.pop(id(m), None)
        super().remove_fixed_in_frame_mobjects(*mobjects)

    def capture_mobjects(self, mobjects: Iterable[mn.Mobject], **kwargs: Any) -> None:
        _FRAME_SERIAL[0] += 1
        if self._fixed_roots:
            super().add_fixed_in_frame_mobjects(*self._fixed_roots.values())
        self.reset_rotation_matrix()
        items = self.get_mobjects_to_display(mobjects, **kwargs)

        def kind(item: Any) -> type:
            return FaceBatch if isinstance(item, FaceBatch) else self.type_or_raise(item)

        for group_type, group in it.groupby(items, kind):
            if group_type is FaceBatch:
                ctx = self.get_cairo_context(self.pixel_array)
                for batch in group:
                    self.display_face_batch(ctx, batch)
            else:
                self.display_funcs[group_type](list(group), self.pixel_array)

    def apply_fill(self, ctx: cairo.Context, vmobject: mn.VMobject) -> FastThreeDCamera:
        # A fill with no opacity leaves every pixel as it is (Cairo's OVER operator); skipping
        # it spares shading and a gradient for every line, tick and axis piece.
        if not np.any(vmobject.get_fill_rgbas()[:, 3] > 0):
            return self
        return super().apply_fill(ctx, vmobject)

    def get_mobjects_to_display(self, *args: Any, **kwargs: Any) -> list:
        mobjects = Camera.get_mobjects_to_display(self, *args, **kwargs)
        if not mobjects:
            return []
        depth_axis = self.get_rotation_matrix()[2]
        self._frame_faces: dict[int, _FrameFaces] = {}
        keys, owners, faces = [], [], []
        for n, mob in enumerate(mobjects):
            if isinstance(mob, FastSurface):
                frame = self.prepare_faces(mob)
                self._frame_faces[id(mob)] = frame
                shown = mob.visible_faces()
                keys.append(frame.depth[shown])
                owners.append(np.full(len(shown), n))
                faces.append(shown)
            else:
                key = (float(np.dot(_reference_point(mob), depth_axis))
                       if getattr(mob, "shade_in_3d", False) else np.inf)
                keys.append([key])
                owners.append([n])
                faces.append([-1])
        key, owner, face = (np.concatenate(x) for x in (keys, owners, faces))
        if not len(owner):  # only surfaces, none of their faces shown yet (Create at 0)
            return []
        order = np.lexsort((face, owner, key))
        owner, face = owner[order], face[order]
        starts = np.flatnonzero(np.diff(owner, prepend=-1))
        items: list = []
        for start, stop in zip(starts, [*starts[1:], len(owner)], strict=True):
            mob = mobjects[owner[start]]
            items.append(FaceBatch(mob, face[start:stop]) if isinstance(mob, FastSurface)
                         else mob)
        return items

    def prepare_faces(self, surface: FastSurface) -> _FrameFaces:
        """Project, shade and measure every face of ``surface`` for the current camera."""
        pts = surface.points
        if not np.all(np.isfinite(pts)):
            pts = np.zeros_like(pts)
        idx = surface.face_indices()
        n = len(idx)
        proj = self.project_points(pts)[:, :2]
        path = proj[idx[:, [0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15]]].reshape(n, 26)
        corners = pts[idx[:, [0, 3, 7, 11]]]  # manim's face centre: box of its anchors
        centre = 0.5 * (corners.min(axis=1) + corners.max(axis=1))
        depth = centre @ self.get_rotation_matrix()[2]
        gradients = np.concatenate([proj[idx[:, _START]], proj[idx[:, _END]]], axis=1)

        fill, stroke = self.face_colours(surface)
        return _FrameFaces(depth, path.tolist(), gradients.tolist(), fill, stroke)

    def face_colours(self, surface: FastSurface) -> tuple[list | None, list | None]:
        """Shaded fill and stroke colours of every face (Cairo's B, G, R, A order): a solid
        colour or a gradient's two ends. They depend on the surface and the light, not on the
        camera, so they are kept until the surface's points or colours change."""
        shade = bool(self.should_apply_shading and surface.shade_in_3d)
        light = self.light_source.points[0]
        pts = surface.points
        key = hashlib.blake2b(b"".join(np.ascontiguousarray(x, dtype=float).tobytes() for x in (
            pts, surface.get_fill_rgbas(), surface.get_stroke_rgbas(), light,
            [surface.get_stroke_width(), shade]))).digest()
        cached = getattr(surface, "_face_colours", None)
        if cached is not None and cached[0] == key:
            return cached[1]
        idx = surface.face_indices()
        n = len(idx)
        if shade:
            start, end = pts[idx[:, _START]], pts[idx[:, _END]]
            n_start = unit_normals(pts[idx[:, _START_A]] - start, pts[idx[:, _START_B]] - start)
            n_end = unit_normals(pts[idx[:, _END_A]] - end, pts[idx[:, _END_B]] - end)

        def stops(rgbas: np.ndarray) -> list | None:
            if not np.any(rgbas[:, 3] > 0):
                return None
            a = rgbas.copy()
            b = rgbas.copy()
            if shade:
                a[:, :3] = shade_rgbs(rgbas[:, :3], start, n_start, light)
                b[:, :3] = shade_rgbs(rgbas[:, :3], end, n_end, light)
            # Cairo's ARGB32 surface holds bytes as B, G, R, A (as manim's camera reverses).
            a = np.clip(a[:, [2, 1, 0, 3]], 0, 1)
            b = np.clip(b[:, [2, 1, 0, 3]], 0, 1)
            # A gradient costs Cairo several times a solid fill; where its ends differ by at
            # most GRADIENT_STEP the face gets their mean, within 1/255 of the gradient.
            solid = np.abs(a - b).max(axis=1) <= GRADIENT_STEP
            mean = 0.5 * (a + b)
            return [tuple(m) if s else (tuple(x), tuple(y))
                    for s, m, x, y in zip(solid.tolist(), mean.tolist(), a.tolist(), b.tolist(),
                                          strict=True)]

        colours = (stops(_rows(surface.get_fill_rgbas(), n)),
                   stops(_rows(surface.get_stroke_rgbas(), n))
                   if surface.get_stroke_width() > 0 else None)
        surface._face_colours = (key, colours)
        return colours

    def display_face_batch(self, ctx: cairo.Context, batch: FaceBatch) -> None:
        """Draw a run of faces: the same Cairo calls manim makes per face, from ready arrays."""
        surface = batch.surface
        frame = self._frame_faces[id(surface)]
        paths, gradients, fill, stroke = frame.paths, frame.gradients, frame.fill, frame.stroke
        if stroke is not None:
            ctx.set_line_width(surface.get_stroke_width() * self.cairo_line_width_multiple)
            ctx.set_line_join(LINE_JOIN_MAP[surface.joint_type])
            ctx.set_line_cap(CAP_STYLE_MAP[surface.cap_style])
        new_path, move_to, curve_to, close_path = (ctx.new_path, ctx.move_to, ctx.curve_to,
                                                   ctx.close_path)
        fill_preserve, stroke_preserve = ctx.fill_preserve, ctx.stroke_preserve

        def set_source(colour: tuple, ends: list) -> None:
            if len(colour) == 4:  # solid
                ctx.set_source_rgba(*colour)
                return
            pattern = cairo.LinearGradient(*ends)
            pattern.add_color_stop_rgba(0, *colour[0])
            pattern.add_color_stop_rgba(1, *colour[1])
            ctx.set_source(pattern)

        for f in batch.faces.tolist():
            p = paths[f]
            new_path()
            move_to(p[0], p[1])
            curve_to(p[2], p[3], p[4], p[5], p[6], p[7])
            curve_to(p[8], p[9], p[10], p[11], p[12], p[13])
            curve_to(p[14], p[15], p[16], p[17], p[18], p[19])
            curve_to(p[20], p[21], p[22], p[23], p[24], p[25])
            close_path()
            if fill is not None:
                set_source(fill[f], gradients[f])
                fill_preserve()
            if stroke is not None:
                set_source(stroke[f], gradients[f])
                stroke_preserve()
