"""Curve sampling that never joins points across a pole or a jump."""

from __future__ import annotations

import numpy as np

from mathcore.functions.catalogue import ElementaryFunction

__all__ = ["sample_curve"]


def sample_curve(
    f: ElementaryFunction,
    a: float,
    b: float,
    n: int = 400,
    y_window: tuple[float, float] | None = None,
) -> list[np.ndarray]:
    """Points of y = f(x) on [a, b], split into pieces a scene may draw as separate paths.

    A piece ends at every pole of f, at every point outside the domain and (with ``y_window``)
    wherever the curve leaves the visible window, so no segment ever crosses an asymptote.

    Returns:
        A list of arrays of shape (m, 2), m >= 2, each an unbroken piece, ordered by x.
    """
    if not b > a:
        raise ValueError(f"Expected a < b, got [{a}, {b}].")
    if n < 2:
        raise ValueError(f"Expected n >= 2 samples, got {n}.")
    x = np.linspace(a, b, n)
    poles = f.poles_in(a, b)
    # Never sample exactly on a pole; a pole between two samples splits the piece there.
    x = x[~np.isin(x, poles)]
    ok = f.in_domain(x)
    y = np.full_like(x, np.nan)
    y[ok] = f(x[ok])
    ok &= np.isfinite(y)
    if y_window is not None:
        lo, hi = y_window
        ok &= (y >= lo) & (y <= hi)
    cut = np.zeros(len(x), dtype=bool)  # cut[i]: no segment between x[i-1] and x[i]
    cut[1:] |= np.searchsorted(poles, x[1:]) != np.searchsorted(poles, x[:-1])
    pieces, current = [], []
    for i in range(len(x)):
        if not ok[i] or cut[i]:
            if len(current) >= 2:
                pieces.append(np.array(current))
            current = []
        if ok[i]:
            current.append((x[i], y[i]))
    if len(current) >= 2:
        pieces.append(np.array(current))
    return pieces
