"""FastSurface against manim's own Surface: the same faces, projection, shading and order (on
data), the same picture at 1080p, and the same occlusion of a dot by a hill."""

from __future__ import annotations

from pathlib import Path

import manim as mn
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from manim.utils.color import get_shaded_rgb
from manim.utils.space_ops import get_unit_normal

from renderer.worker import load_scene_class
from scenes.common.surface3d import (
    FaceBatch,
    FastSurface,
    FastThreeDCamera,
    face_point_indices,
    surface_dot,
    unit_normals,
)
from scenes.options import PROJECT_ROOT

ROOT = PROJECT_ROOT
RES = (6, 5)  # not square, so a u/v mix-up shows
U_RANGE, V_RANGE = (-2.0, 2.0), (-1.5, 2.0)


def hill(u: float, v: float) -> np.ndarray:
    return np.array([u, v, 1.5 * np.exp(-(u**2 + v**2))])


def flat(u: float, v: float) -> np.ndarray:
    return np.array([u, v, 0.0])


def pair(func=hill, res=RES):
    ours = FastSurface(func, u_range=U_RANGE, v_range=V_RANGE, resolution=res)
    theirs = mn.Surface(func, u_range=U_RANGE, v_range=V_RANGE, resolution=res)
    return ours, theirs


def cameras(**orientation):
    return FastThreeDCamera(**orientation), mn.ThreeDCamera(**orientation)


def drawn_faces(camera: FastThreeDCamera, mobjects: list) -> list:
    """Faces of FastSurfaces (as (surface, face)) and other mobjects, in drawing order."""
    order = []
    for item in camera.get_mobjects_to_display(mobjects):
        if isinstance(item, FaceBatch):
            order.extend((item.surface, f) for f in item.faces.tolist())
        else:
            order.append(item)
    return order


# Geometry on data


def test_faces_are_manims_faces_point_for_point():
    ours, theirs = pair()
    idx = ours.face_indices()
    assert idx.shape == (RES[0] * RES[1], 16)
    assert len(theirs.submobjects) == len(idx)
    for f, face in enumerate(theirs.submobjects):
        # Handles are manim's finite-difference tangents: equal up to its rounding (1e-11).
        np.testing.assert_allclose(ours.points[idx[f]], face.points, rtol=0, atol=1e-9)
    # Corners in closed form: face (i, j) starts at func(u_i, v_j).
    us, vs = np.linspace(*U_RANGE, RES[0] + 1), np.linspace(*V_RANGE, RES[1] + 1)
    i, j = 4, 3
    np.testing.assert_allclose(ours.points[idx[i * RES[1] + j, 0]], hill(us[i], vs[j]))
    np.testing.assert_allclose(ours.points[idx[i * RES[1] + j, 7]], hill(us[i + 1], vs[j + 1]))
    # Same bounding box, so move_to/next_to place it like manim's.
    for edge in (mn.ORIGIN, mn.UL, mn.OUT, mn.IN + mn.DR):
        np.testing.assert_allclose(ours.get_critical_point(edge),
                                   theirs.get_critical_point(edge), atol=1e-12)


def test_face_indices_share_corners_and_handles_between_neighbours():
    nu, nv = 2, 3
    idx = face_point_indices(nu, nv)
    assert idx.max() + 1 == (nu + 1) * (nv + 1) + 2 * nu * (nv + 1) + 2 * (nu + 1) * nv
    f = 1 * nv + 1  # face (1, 1)
    assert idx[f, 0] == 1 * (nv + 1) + 1 and idx[f, 7] == 2 * (nv + 1) + 2
    assert idx[f, 0] == idx[f, 15] and idx[f, 3] == idx[f, 4]  # closed path, joined curves
    # The edge v = v_2 is the top of face (1, 1) and the bottom of face (1, 2), run the other
    # way: the same two handles, reversed.
    up = 1 * nv + 2
    assert list(idx[f, 8:12]) == list(idx[up, 0:4])[::-1]


def test_vectorized_sampling_is_the_same_surface():
    def hill_arrays(u, v):
        return np.stack([u, v, 1.5 * np.exp(-(u**2 + v**2))], axis=-1)

    one_by_one = FastSurface(hill, u_range=U_RANGE, v_range=V_RANGE, resolution=RES)
    at_once = FastSurface(hill_arrays, u_range=U_RANGE, v_range=V_RANGE, resolution=RES,
                          vectorized=True)
    np.testing.assert_allclose(at_once.points, one_by_one.points, rtol=0, atol=1e-12)


def test_projection_matches_manims_camera_and_closed_form():
    ours, theirs = pair()
    fast, ref = cameras(phi=65 * mn.DEGREES, theta=-50 * mn.DEGREES, zoom=0.9)
    for cam in (fast, ref):
        cam.reset_rotation_matrix()
    frame = fast.prepare_faces(ours)
    for f, face in enumerate(theirs.submobjects):
        expected = ref.transform_points_pre_display(face, face.points)[:, :2]
        path = np.array(frame.paths[f]).reshape(13, 2)
        np.testing.assert_allclose(path, expected[[0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 13, 14, 15]],
                                   atol=1e-12)
    # Looking straight down (phi = 0, theta = -90 degrees) a point (x, y, z) lands on
    # (x, y) scaled by focal / (focal - z): perspective with the camera's focal distance.
    top, _ = cameras(phi=0, theta=-90 * mn.DEGREES)
    top.reset_rotation_matrix()
    frame = top.prepare_faces(ours)
    corner = ours.points[ours.face_indices()[9, 0]]
    scale = top.get_focal_distance() / (top.get_focal_distance() - corner[2])
    np.testing.assert_allclose(frame.paths[9][:2], corner[:2] * scale, atol=1e-12)


@pytest.mark.parametrize("phi, theta", [(70, -30), (60, 120), (85, -90)])
def test_faces_are_drawn_back_to_front_in_manims_order(phi, theta):
    ours, theirs = pair()
    fast, ref = cameras(phi=phi * mn.DEGREES, theta=theta * mn.DEGREES)
    fast.reset_rotation_matrix()
    ref.reset_rotation_matrix()
    order = [f for _, f in drawn_faces(fast, [ours])]
    expected = [theirs.submobjects.index(m) for m in ref.get_mobjects_to_display([theirs])]
    assert order == expected
    # Back to front: the depth along the direction to the camera, in closed form, never
    # decreases in drawing order.
    p, t = phi * mn.DEGREES, theta * mn.DEGREES
    to_camera = np.array([np.sin(p) * np.cos(t), np.sin(p) * np.sin(t), np.cos(p)])
    idx = ours.face_indices()
    corners = ours.points[idx[:, [0, 3, 7, 11]]]
    centres = 0.5 * (corners.min(axis=1) + corners.max(axis=1))
    depth = centres[order] @ to_camera
    assert np.all(np.diff(depth) >= -1e-12)


def test_dots_interleave_with_faces_by_depth():
    ours, _ = pair(flat)
    cam, _ = cameras(phi=80 * mn.DEGREES, theta=-90 * mn.DEGREES)
    cam.reset_rotation_matrix()
    far = mn.Dot3D([0, 1.8, 0.1])  # manim's own 3-D mobject, at the back of the plane
    near = surface_dot([0, -1.4, 0.1])  # ours, at the front
    flatdot = mn.Dot([0, 0, 0])  # not shaded in 3-D: drawn last, as manim does
    order = drawn_faces(cam, [ours, far, near, flatdot])
    plane = [i for i, x in enumerate(order) if isinstance(x, tuple) and x[0] is ours]
    far_faces = [i for i, x in enumerate(order) if x in far.submobjects]
    near_faces = [i for i, x in enumerate(order) if isinstance(x, tuple) and x[0] is near]
    assert far_faces and near_faces and plane
    assert np.mean(far_faces) < np.median(plane) < np.mean(near_faces)
    assert order[-1] is flatdot


def test_shading_matches_manims_camera():
    ours, theirs = pair()
    fast, ref = cameras(phi=65 * mn.DEGREES, theta=-50 * mn.DEGREES)
    fill, stroke = fast.face_colours(ours)
    for f, face in enumerate(theirs.submobjects):
        for ours_colour, rgbas in ((fill[f], ref.get_fill_rgbas(face)),
                                   (stroke[f], ref.get_stroke_rgbas(face))):
            expected = np.clip(rgbas[:, [2, 1, 0, 3]], 0, 1)
            got = (np.array([ours_colour, ours_colour]) if len(ours_colour) == 4
                   else np.array(ours_colour))
            np.testing.assert_allclose(got, expected, atol=1 / 255 + 1e-9)


vectors = st.lists(st.sampled_from([0.0, 1e-9, -1.0, 0.5, 2.0, -3.5]) | st.floats(-5, 5),
                   min_size=3, max_size=3)


@settings(max_examples=300, deadline=None)
@given(vectors, vectors)
def test_unit_normals_match_manim_row_by_row(v1, v2):
    got = unit_normals(np.array([v1], dtype=float), np.array([v2], dtype=float))[0]
    np.testing.assert_allclose(got, get_unit_normal(np.array(v1), np.array(v2)), atol=1e-9)


def test_shade_formula_on_a_known_face():
    cam, _ = cameras()
    flat_surface = FastSurface(flat, u_range=(0, 1), v_range=(0, 1), resolution=1,
                               checkerboard_colors=False, fill_color=mn.GREY)
    fill, _ = cam.face_colours(flat_surface)
    light = cam.light_source.points[0]
    # The face's normal is +z; manim adds 0.5 * cos(angle to the light)^3 to each channel.
    cos = light[2] / np.linalg.norm(light)  # corner at the origin
    expected = get_shaded_rgb(mn.ManimColor(mn.GREY).to_rgb(), np.zeros(3), mn.OUT, light)
    np.testing.assert_allclose(expected, mn.ManimColor(mn.GREY).to_rgb() + 0.5 * cos**3)
    got = fill[0] if len(fill[0]) == 4 else fill[0][0]
    np.testing.assert_allclose(got[2::-1], expected, atol=1 / 255)


def test_fade_and_create_keep_per_face_colours():
    surface = FastSurface(hill, u_range=U_RANGE, v_range=V_RANGE, resolution=RES)
    colours = surface.fill_rgbas[:, :3].copy()
    assert len(np.unique(colours, axis=0)) == 2  # the checkerboard
    faded = surface.copy().set_opacity(0)
    anim = mn.FadeIn(surface)
    anim.begin()
    anim.interpolate(0.5)
    np.testing.assert_allclose(surface.fill_rgbas[:, :3], colours)
    np.testing.assert_allclose(surface.fill_rgbas[:, 3], 0.5)
    assert np.all(faded.fill_rgbas[:, 3] == 0)
    anim.finish()
    create = mn.Create(surface)
    create.begin()
    create.interpolate(0.5)
    shown = surface.visible_faces()
    assert 0 < len(shown) < surface.num_faces
    create.finish()
    assert len(surface.visible_faces()) == surface.num_faces
    # At the very start of Create nothing is drawn, and a frame of nothing is fine.
    cam, _ = cameras()
    surface.face_range = (0.0, 0.0)
    assert drawn_faces(cam, [surface]) == []


def test_bad_resolution_is_refused():
    with pytest.raises(ValueError, match="at least 1 face"):
        FastSurface(hill, resolution=0)


# Pictures


def last_frame(scene_class, quality: str, tmp: Path) -> np.ndarray:
    with mn.tempconfig({"quality": quality, "media_dir": str(tmp), "skip_animations": True,
                        "write_to_movie": False, "disable_caching": True,
                        "progress_bar": "none", "verbosity": "WARNING"}):
        scene = scene_class()
        scene.render()
        scene.renderer.update_frame(scene)
        return np.array(scene.renderer.get_frame())[:, :, :3].astype(np.int16)


def yellow(frame: np.ndarray) -> np.ndarray:
    r, g, b = frame[..., 0], frame[..., 1], frame[..., 2]
    return (r > 170) & (g > 150) & (r - b > 70)  # the surface is blue: r stays low


@pytest.mark.slow
def test_same_picture_as_manims_surface_at_1080p(tmp_path, monkeypatch):
    # manim draws every frame of a scene with an ambient camera rotation even when skipping
    # animations; a quarter second of it is enough to turn the camera and move the ball.
    monkeypatch.setenv("SURFACE_RUN_TIME", "0.25")
    scenes = ROOT / "bench" / "surface3d_scenes.py"
    ours = last_frame(load_scene_class(scenes, "FastSurfaceScene"), "high_quality", tmp_path)
    theirs = last_frame(load_scene_class(scenes, "ManimSurfaceScene"), "high_quality", tmp_path)
    assert ours.shape == (1080, 1920, 3)
    # The picture has substance: a large surface and the dot on it.
    background = np.array(mn.ManimColor(mn.config.background_color).to_int_rgb())
    drawn = np.abs(theirs - background).max(axis=2) > 8
    assert drawn.mean() > 0.05 and yellow(theirs).sum() > 200
    diff = np.abs(ours - theirs)
    assert diff.mean() <= 2.0, f"mean abs difference {diff.mean():.2f}/255"


def occlusion_scene(fast: bool, dot_y: float):
    """A hill at the origin seen from the front (-y); a yellow dot on the ground at y."""

    class Occlusion(mn.ThreeDScene):
        def __init__(self, **kwargs):
            if fast:
                kwargs["camera_class"] = FastThreeDCamera
            super().__init__(**kwargs)

        def construct(self):
            def hill2(u, v):
                return np.array([u, v, 2.0 * np.exp(-(u**2 + v**2))])

            kind, dot_kind = (FastSurface, surface_dot) if fast else (mn.Surface, mn.Dot3D)
            self.set_camera_orientation(phi=75 * mn.DEGREES, theta=-90 * mn.DEGREES)
            self.add(kind(hill2, u_range=(-3, 3), v_range=(-3, 3), resolution=16),
                     dot_kind([0, dot_y, 0.15], radius=0.2, color=mn.YELLOW))

    return Occlusion


@pytest.mark.parametrize("fast", [True, False], ids=["ours", "manim"])
def test_dot_behind_the_hill_is_hidden_and_in_front_visible(fast, tmp_path):
    behind = yellow(last_frame(occlusion_scene(fast, 2.0), "low_quality", tmp_path)).sum()
    front = yellow(last_frame(occlusion_scene(fast, -2.0), "low_quality", tmp_path)).sum()
    assert behind == 0
    assert front > 80  # a disc of radius 0.2 units is about 450 pixels at 480p
