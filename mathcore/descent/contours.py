"""Level sets of a 2-D function on a grid (marching squares), for contour plots."""

from __future__ import annotations

import numpy as np

__all__ = ["contour_segments"]

# For each of the 16 corner patterns (bit 0: bottom-left, 1: bottom-right, 2: top-right,
# 3: top-left above the level), the cell edges that the level crosses, paired into segments.
# Edges: 0 bottom, 1 right, 2 top, 3 left.
_CASES: dict[int, tuple[tuple[int, int], ...]] = {
    0: (), 15: (),
    1: ((3, 0),), 14: ((3, 0),),
    2: ((0, 1),), 13: ((0, 1),),
    3: ((3, 1),), 12: ((3, 1),),
    4: ((1, 2),), 11: ((1, 2),),
    6: ((0, 2),), 9: ((0, 2),),
    7: ((3, 2),), 8: ((3, 2),),
    5: ((3, 0), (1, 2)), 10: ((0, 1), (2, 3)),
}


def contour_segments(X: np.ndarray, Y: np.ndarray, Z: np.ndarray, level: float) -> np.ndarray:
    """Line segments approximating {Z = level} on a regular grid (as from ``Surface.grid``).

    Returns:
        Array of shape (m, 2, 2): m segments, each two (x, y) end points.
    """
    Z = np.asarray(Z, dtype=np.float64)
    if Z.ndim != 2 or Z.shape != np.shape(X) or Z.shape != np.shape(Y):
        raise ValueError(f"Expected X, Y, Z of one 2-D shape, got {np.shape(X)}, {np.shape(Y)}, "
                         f"{Z.shape}.")
    above = Z > level
    bl, br, tr, tl = above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]
    code = bl * 1 + br * 2 + tr * 4 + tl * 8

    def point(i: np.ndarray, j: np.ndarray, edge: int) -> np.ndarray:
        # Linear interpolation of the crossing along one edge of cell (i, j).
        (a_i, a_j), (b_i, b_j) = {0: ((0, 0), (0, 1)), 1: ((0, 1), (1, 1)),
                                  2: ((1, 1), (1, 0)), 3: ((1, 0), (0, 0))}[edge]
        za, zb = Z[i + a_i, j + a_j], Z[i + b_i, j + b_j]
        t = (level - za) / np.where(zb == za, 1.0, zb - za)
        x = X[i + a_i, j + a_j] + t * (X[i + b_i, j + b_j] - X[i + a_i, j + a_j])
        y = Y[i + a_i, j + a_j] + t * (Y[i + b_i, j + b_j] - Y[i + a_i, j + a_j])
        return np.stack([x, y], axis=-1)

    segments = []
    for case, pairs in _CASES.items():
        i, j = np.nonzero(code == case)
        for e0, e1 in pairs:
            segments.append(np.stack([point(i, j, e0), point(i, j, e1)], axis=1))
    if not segments:
        return np.zeros((0, 2, 2))
    out = np.concatenate(segments)
    return out[np.any(out[:, 0] != out[:, 1], axis=1)]  # a level through a grid point: drop dots
