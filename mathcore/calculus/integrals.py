"""Integrals as limits of Riemann sums (left, right, midpoint rectangles)."""

from __future__ import annotations

from typing import Literal

import numpy as np

from mathcore._torch import ScalarFn, evaluate

__all__ = ["Rule", "definite_integral", "riemann_rectangles", "riemann_sum"]

Rule = Literal["left", "right", "midpoint"]


def riemann_rectangles(f: ScalarFn, a: float, b: float, n: int, rule: Rule = "midpoint"
                       ) -> tuple[np.ndarray, np.ndarray, float]:
    """The n rectangles of a Riemann sum of f on [a, b].

    Returns:
        (left edges, heights, width): arrays of shape (n,) and the common width (b - a) / n.
    """
    if n < 1:
        raise ValueError(f"Expected n >= 1 rectangles, got {n}.")
    if not b > a:
        raise ValueError(f"Expected a < b, got [{a}, {b}].")
    width = (b - a) / n
    left = a + width * np.arange(n)
    offset = {"left": 0.0, "right": 1.0, "midpoint": 0.5}.get(rule)
    if offset is None:
        raise ValueError(f"Expected rule 'left', 'right' or 'midpoint', got {rule!r}.")
    return left, evaluate(f, left + offset * width), width


def riemann_sum(f: ScalarFn, a: float, b: float, n: int, rule: Rule = "midpoint") -> float:
    """Sum of the areas of the n rectangles; tends to the integral of f over [a, b]."""
    _, heights, width = riemann_rectangles(f, a, b, n, rule)
    return float(np.sum(heights) * width)


def definite_integral(f: ScalarFn, a: float, b: float, nodes: int = 64) -> float:
    """The integral of f over [a, b] by Gauss-Legendre quadrature with ``nodes`` points: exact
    for polynomials of degree up to 2 nodes - 1, near machine precision for smooth f."""
    if not b > a:
        raise ValueError(f"Expected a < b, got [{a}, {b}].")
    t, w = np.polynomial.legendre.leggauss(nodes)
    x = (b - a) / 2 * t + (a + b) / 2
    return float((b - a) / 2 * np.sum(w * evaluate(f, x)))
