"""The camera that draws :class:`~scenes.common.surface3d.mobjects.FastSurface` faces in bulk,
depth-sorted with every other 3-D mobject, and :func:`projected_box` for layout."""

from __future__ import annotations

import hashlib
import itertools as it
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import cairo
import manim as mn
import numpy as np
from manim.camera.camera import CAP_STYLE_MAP, LINE_JOIN_MAP, Camera

from scenes.common.surface3d.geometry import (
    END,
    END_A,
    END_B,
    GRADIENT_STEP,
    START,
    START_A,
    START_B,
    shade_rgbs,
    unit_normals,
)
from scenes.common.surface3d.mobjects import FastSurface, axis_shading_ends, face_rows

__all__ = ["FaceBatch", "FastThreeDCamera", "projected_box"]


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
        self._axis_ends: dict[int, tuple[np.ndarray, np.ndarray]] = {}

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
        self._axis_ends = {}  # per frame: nothing moves while a frame is drawn
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

    def set_cairo_context_color(self, ctx: cairo.Context, rgbas: np.ndarray,
                                vmobject: mn.VMobject) -> FastThreeDCamera:
        # A piece of FastThreeDAxes: the gradient between its axis's box ends, found once per
        # frame for the whole axis (see FastThreeDAxes); anything else as manim does it.
        shading = getattr(vmobject, "shading_axis", None)
        if shading is None or len(rgbas) == 1:
            return super().set_cairo_context_color(ctx, rgbas, vmobject)
        members, light = shading
        key = id(members[0])
        if key not in self._axis_ends:
            self._axis_ends[key] = axis_shading_ends(members, light)
        points = self.transform_points_pre_display(vmobject, np.array(self._axis_ends[key]))
        pat = cairo.LinearGradient(*(c for p in points for c in p[:2]))
        for rgba, offset in zip(rgbas, np.linspace(0, 1, len(rgbas)), strict=True):
            pat.add_color_stop_rgba(offset, *rgba[2::-1], rgba[3])
        ctx.set_source(pat)
        return self

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
        gradients = np.concatenate([proj[idx[:, START]], proj[idx[:, END]]], axis=1)

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
            start, end = pts[idx[:, START]], pts[idx[:, END]]
            n_start = unit_normals(pts[idx[:, START_A]] - start, pts[idx[:, START_B]] - start)
            n_end = unit_normals(pts[idx[:, END_A]] - end, pts[idx[:, END_B]] - end)

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

        colours = (stops(face_rows(surface.get_fill_rgbas(), n)),
                   stops(face_rows(surface.get_stroke_rgbas(), n))
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
