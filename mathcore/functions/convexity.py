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
    "chord_gap",
    "convex_envelope",
    "envelope_bridges",
    "is_convex_set",
    "segment_inside",
    "segment_outside",
    "set_outline",
    "set_outline_loops",
    "tilted_double_well",
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


def chord_gap(f: ScalarFn, x: float, y: float, t: float | np.ndarray) -> np.ndarray:
    """How far the chord from (x, f(x)) to (y, f(y)) lies above the graph at t x + (1 - t) y:
    t f(x) + (1 - t) f(y) - f(t x + (1 - t) y).

    The definition of convexity says this is >= 0 for every x, y and t in [0, 1]; for f = x^2
    it is t (1 - t) (x - y)^2.

    Returns:
        The gaps, one per t (t may be an array).
    """
    t = np.asarray(t, dtype=np.float64)
    fx, fy = evaluate(f, np.array([x, y], dtype=np.float64))
    return t * fx + (1 - t) * fy - evaluate(f, t * x + (1 - t) * y)


def tilted_double_well(c: float) -> ScalarFn:
    """f(x) = x^4 - 2 x^2 + c x: a non-convex loss with two valleys (one lower when c != 0).

    f(x) - (c x - 1) = (x^2 - 1)^2 >= 0, so the line y = c x - 1 touches the graph at x = -1
    and x = 1 and lies below it in between: the chord of those two points is below the graph,
    and that line is the bridge of the convex envelope.
    """
    return lambda x: x**4 - 2 * x**2 + c * x


def envelope_bridges(x: np.ndarray, y: np.ndarray, tol: float = 1e-9
                     ) -> list[tuple[float, float]]:
    """Where the convex envelope of the samples leaves the graph: the (x0, x1) ends of each
    straight bridge it lays across a dent (samples in between lie strictly above it)."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    below = y - convex_envelope(x, y) > tol
    out, k = [], 0
    while k < len(x):
        if below[k]:
            j = k
            while j + 1 < len(x) and below[j + 1]:
                j += 1
            out.append((float(x[max(k - 1, 0)]), float(x[min(j + 1, len(x) - 1)])))
            k = j + 1
        else:
            k += 1
    return out


def segment_outside(shape: Shape, p: np.ndarray, q: np.ndarray, samples: int = 401
                    ) -> list[tuple[float, float]]:
    """The parts of the segment p -> q outside the set, as (t0, t1) with the point
    (1 - t) p + t q; empty when the segment stays inside (``samples`` points checked)."""
    t = np.linspace(0, 1, samples)
    out = ~shape((1 - t[:, None]) * np.asarray(p) + t[:, None] * np.asarray(q))
    parts, k = [], 0
    while k < samples:
        if out[k]:
            j = k
            while j + 1 < samples and out[j + 1]:
                j += 1
            parts.append((float(t[k]), float(t[j])))
            k = j + 1
        else:
            k += 1
    return parts


def set_outline(shape: Shape, bounds: tuple[float, float, float, float], n: int = 241
                ) -> np.ndarray:
    """The boundary of a plane set as line segments (m, 2, 2), traced on an n x n grid over
    ``bounds`` = (x0, x1, y0, y1)."""
    from mathcore.descent.contours import contour_segments

    x0, x1, y0, y1 = bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
    inside = shape(np.stack([X, Y], axis=-1)).astype(np.float64)
    return contour_segments(X, Y, inside, 0.5)


def set_outline_loops(shape: Shape, bounds: tuple[float, float, float, float], n: int = 241
                      ) -> list[np.ndarray]:
    """The boundary of a plane set as closed polylines (k, 2), one per boundary curve: the
    segments of :func:`set_outline` chained end to end (a loop's last point joins its first)."""
    segments = set_outline(shape, bounds, n)

    def key(p: np.ndarray) -> tuple[float, float]:
        return (round(float(p[0]), 9), round(float(p[1]), 9))

    ends: dict[tuple[float, float], list[int]] = {}
    for i, (a, b) in enumerate(segments):
        ends.setdefault(key(a), []).append(i)
        ends.setdefault(key(b), []).append(i)
    used = np.zeros(len(segments), dtype=bool)
    loops = []
    for start in range(len(segments)):
        if used[start]:
            continue
        used[start] = True
        points = [segments[start][0], segments[start][1]]
        while True:
            nxt = [j for j in ends.get(key(points[-1]), []) if not used[j]]
            if not nxt:
                break
            j = nxt[0]
            used[j] = True
            a, b = segments[j]
            points.append(b if key(a) == key(points[-1]) else a)
        loops.append(np.array(points[:-1] if key(points[-1]) == key(points[0]) else points))
    return loops
