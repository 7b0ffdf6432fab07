"""Functions of several variables: gradient, total differential, Hessian, Newton's method.

Note on the source text: it says "全导: 偏导求和" (the total derivative is the sum of the partial
derivatives). That is loose: the total differential is dz = f_x dx + f_y dy -- each partial
derivative is *weighted by the change of its own variable* before summing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch

from mathcore._torch import as_tensor

__all__ = [
    "CriticalPoint",
    "VectorFn",
    "classify_critical_point",
    "gradient",
    "hessian",
    "newton_method",
    "quadratic_model",
    "total_differential",
]

from collections.abc import Callable

VectorFn = Callable[[torch.Tensor], torch.Tensor]
"""A scalar function of a point: takes a float64 tensor of shape (dim,), returns a 0-d tensor."""


def _point(point: np.ndarray | list[float] | tuple[float, ...]) -> torch.Tensor:
    p = as_tensor(np.asarray(point, dtype=np.float64))
    if p.ndim != 1:
        raise ValueError(f"Expected a point of shape (dim,), got shape {tuple(p.shape)}.")
    return p


def gradient(f: VectorFn, point) -> np.ndarray:
    """∇f at ``point``: the vector of partial derivatives (f_x, f_y, ...)."""
    p = _point(point).requires_grad_(True)
    (g,) = torch.autograd.grad(f(p), p)
    return g.numpy().astype(np.float64)


def hessian(f: VectorFn, point) -> np.ndarray:
    """The Hessian matrix (黑塞矩阵) of second partial derivatives at ``point``, shape (dim, dim)."""
    return torch.autograd.functional.hessian(f, _point(point)).numpy().astype(np.float64)


def total_differential(f: VectorFn, point, dpoint) -> tuple[float, float]:
    """(dz, Δz): dz = Σ f_i dx_i (the linear part) and the real change f(p + dp) - f(p)."""
    p, dp = _point(point), _point(dpoint)
    dz = float(gradient(f, p) @ dp.numpy())
    with torch.no_grad():
        delta = float(f(p + dp) - f(p))
    return dz, delta


Kind = Literal["minimum", "maximum", "saddle", "inconclusive"]


@dataclass(frozen=True)
class CriticalPoint:
    """A critical point with its Hessian, the Hessian's eigenvalues and the verdict."""

    point: np.ndarray
    hessian: np.ndarray
    eigenvalues: np.ndarray
    kind: Kind


def classify_critical_point(f: VectorFn, point, tol: float = 1e-9) -> CriticalPoint:
    """Second-derivative test: all Hessian eigenvalues > 0 -> minimum, all < 0 -> maximum,
    both signs -> saddle, a zero eigenvalue (within ``tol``) -> inconclusive.

    Raises:
        ValueError: if the gradient at ``point`` is not zero (within 1e-6): not a critical point.
    """
    g = gradient(f, point)
    if np.linalg.norm(g) > 1e-6:
        raise ValueError(f"Not a critical point: the gradient at {list(point)} is {g.tolist()}.")
    h = hessian(f, point)
    eig = np.linalg.eigvalsh(h)
    if np.any(np.abs(eig) <= tol):
        kind: Kind = "inconclusive"
    elif np.all(eig > 0):
        kind = "minimum"
    elif np.all(eig < 0):
        kind = "maximum"
    else:
        kind = "saddle"
    return CriticalPoint(np.asarray(point, dtype=np.float64), h, eig, kind)


def quadratic_model(f: VectorFn, point) -> Callable[[np.ndarray], np.ndarray]:
    """Second-order Taylor model q(p + d) = f(p) + ∇f·d + ½ dᵀ H d around ``point``.

    Returns:
        A function of points of shape (..., dim) returning values of shape (...).
    """
    p = _point(point)
    with torch.no_grad():
        f0 = float(f(p))
    g, h, p0 = gradient(f, p), hessian(f, p), p.numpy()

    def q(x: np.ndarray) -> np.ndarray:
        d = np.asarray(x, dtype=np.float64) - p0
        return f0 + d @ g + 0.5 * np.einsum("...i,ij,...j->...", d, h, d)

    return q


def newton_method(f: VectorFn, start, steps: int) -> np.ndarray:
    """Newton's method p <- p - H⁻¹ ∇f: jump to the minimum of the quadratic model each step.

    Returns:
        The iterates, shape (steps + 1, dim). On a quadratic it lands on the optimum in one step.
    """
    if steps < 0:
        raise ValueError(f"Expected steps >= 0, got {steps}.")
    p = _point(start).numpy()
    out = [p]
    for _ in range(steps):
        p = p - np.linalg.solve(hessian(f, p), gradient(f, p))
        out.append(p)
    return np.array(out)
