"""Convexity (凸): convex functions, convex sets and the convex envelope.

Convention: f is convex on I when f(t x + (1 - t) y) <= t f(x) + (1 - t) f(y) for all x, y in I
and t in [0, 1] -- every chord lies on or above the graph ("bowl-shaped", like x^2). This is the
optimisation convention; some Chinese textbooks call this shape 凹, the course calls it 凸.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mathcore._torch import ScalarFn, evaluate
from mathcore.calculus.derivatives import nth_derivative

__all__ = [
    "ConvexityReport",
    "SHAPES",
    "check_convexity",
    "convex_envelope",
    "is_convex_set",
    "segment_inside",
]


@dataclass(frozen=True)
class ConvexityReport:
    """What the two tests say about f on [a, b].

    Attributes:
        min_second_derivative / max_second_derivative: extremes of f'' on the sample grid.
        worst_chord_gap: min over sampled chords of (chord - graph) at the chord's midpoint;
            >= 0 for a convex function, and the worst chord as (x, y) when it is negative.
        convex / concave: the verdicts (both for a straight line).
    """

    min_second_derivative: float
    max_second_derivative: float
    worst_chord_gap: float
    worst_chord: tuple[float, float]
    convex: bool
    concave: bool


def check_convexity(f: ScalarFn, a: float, b: float, n: int = 201, tol: float = 1e-9
                    ) -> ConvexityReport:
    """Second-derivative test (f'' >= 0) and chord test on [a, b], sampled on n points."""
    if not b > a:
        raise ValueError(f"Expected a < b, got [{a}, {b}].")
    x = np.linspace(a, b, n)
    d2 = nth_derivative(f, x, 2)
    fx = evaluate(f, x)
    i, j = np.triu_indices(n, k=2)
    mid = (x[i] + x[j]) / 2
    gap = (fx[i] + fx[j]) / 2 - evaluate(f, mid)
    k = int(np.argmin(gap))
    convex = bool(d2.min() >= -tol and gap.min() >= -tol)
    concave = bool(d2.max() <= tol and gap.max() <= tol)
    return ConvexityReport(float(d2.min()), float(d2.max()), float(gap[k]),
                           (float(x[i[k]]), float(x[j[k]])), convex, concave)


Shape = Callable[[np.ndarray], np.ndarray]
"""Membership test of a plane set: points (..., 2) -> bool array (...)."""


def _disk(p: np.ndarray) -> np.ndarray:
    return np.sum(np.asarray(p) ** 2, axis=-1) <= 1.0


def _square(p: np.ndarray) -> np.ndarray:
    return np.all(np.abs(np.asarray(p)) <= 1.0, axis=-1)


def _crescent(p: np.ndarray) -> np.ndarray:
    p = np.asarray(p)
    return _disk(p) & (np.sum((p - [0.6, 0.0]) ** 2, axis=-1) > 0.64)


def _annulus(p: np.ndarray) -> np.ndarray:
    r2 = np.sum(np.asarray(p) ** 2, axis=-1)
    return (r2 <= 1.0) & (r2 >= 0.25)


SHAPES: dict[str, Shape] = {"disk": _disk, "square": _square, "crescent": _crescent,
                            "annulus": _annulus}
"""Example plane sets: disk and square are convex, crescent and annulus are not."""


def segment_inside(shape: Shape, p: np.ndarray, q: np.ndarray, samples: int = 101) -> bool:
    """Does the whole segment from p to q lie in the set (checked at ``samples`` points)?"""
    t = np.linspace(0, 1, samples)[:, None]
    return bool(np.all(shape((1 - t) * np.asarray(p) + t * np.asarray(q))))


def is_convex_set(shape: Shape, bounds: tuple[float, float, float, float] = (-1, 1, -1, 1),
                  pairs: int = 400, seed: int = 0) -> tuple[bool, tuple | None]:
    """Segment test on random pairs of member points; returns (verdict, a failing pair)."""
    rng = np.random.default_rng(seed)
    x0, x1, y0, y1 = bounds
    pts = rng.uniform([x0, y0], [x1, y1], size=(20 * pairs, 2))
    pts = pts[shape(pts)]
    if len(pts) < 2:
        raise ValueError("Expected the set to contain sampled points inside the bounds.")
    for _ in range(pairs):
        i, j = rng.integers(len(pts), size=2)
        if not segment_inside(shape, pts[i], pts[j]):
            return False, (pts[i].copy(), pts[j].copy())
    return True, None


def convex_envelope(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The convex envelope (lower convex hull) of sampled points, evaluated at x.

    The largest convex function below the samples (包络函数): Andrew's monotone chain keeps the
    lower hull, which is then interpolated linearly. ``x`` must be increasing.
    """
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if x.shape != y.shape or x.ndim != 1 or len(x) < 2:
        raise ValueError(f"Expected two 1-D arrays of equal length >= 2, got {x.shape}, {y.shape}.")
    if np.any(np.diff(x) <= 0):
        raise ValueError("Expected strictly increasing x.")
    hull: list[int] = []
    for k in range(len(x)):
        while len(hull) >= 2:
            i, j = hull[-2], hull[-1]
            cross = (x[j] - x[i]) * (y[k] - y[i]) - (y[j] - y[i]) * (x[k] - x[i])
            if cross <= 0:
                hull.pop()
            else:
                break
        hull.append(k)
    return np.interp(x, x[hull], y[hull])
