"""The geometry of a fast surface in pure numpy: which points make each of manim's Bézier faces,
the points themselves (with manim's tangent handles), corner normals and manim's shading."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

__all__ = [
    "END",
    "END_A",
    "END_B",
    "GRADIENT_STEP",
    "HANDLE_EPSILON",
    "START",
    "START_A",
    "START_B",
    "face_point_indices",
    "point_counts",
    "shade_rgbs",
    "surface_points",
    "unit_normals",
]

# Positions, in manim's 16-point face path, of the two corners its camera shades: the start
# corner (point 0) and what manim takes for the end corner (point ((16 - 1) // 6) * 3 = 6,
# the second handle of the second edge), each with the two neighbours it takes a normal from.
START, START_A, START_B = 0, 3, 12
END, END_A, END_B = 6, 9, 3
# Ends of a face's shading gradient closer than this (in 0..1 colour units) are drawn solid,
# in their mean colour: no pixel moves by more than 1/255.
GRADIENT_STEP = 2 / 255


# manim's Surface maps each handle h of anchor a to f(a) + (f(a + eps (h - a)) - f(a)) / eps
# (VMobject.apply_function with Surface's pre_function_handle_to_anchor_scale_factor): the edge
# leaves each corner along the surface's tangent.
HANDLE_EPSILON = 1e-5
DOWN = np.array([0.0, -1.0, 0.0])  # manim.DOWN, without importing manim


def point_counts(nu: int, nv: int) -> tuple[int, int, int]:
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
    n_corners, n_u, n_v = point_counts(nu, nv)
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
        out[bad] = np.where(flat[:, None], DOWN, turned)
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
