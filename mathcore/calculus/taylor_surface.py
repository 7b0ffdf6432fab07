"""The Taylor models of a function of two variables at a point, sampled as surfaces.

Order 1 is the tangent plane f(p) + ∇f(p)·d; order 2 adds the curvature ½ dᵀ H(p) d, the
quadratic model (二阶泰勒展开) that Newton's method minimises. Near p the order-2 model's error
shrinks like |d|³: halving the distance divides it by about 8.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import torch

from mathcore.calculus.multivariable import VectorFn, _point, gradient, hessian

__all__ = [
    "Bend",
    "SIN_COS_TEX",
    "TaylorModel2D",
    "model_errors",
    "sin_cos",
    "surface_values",
    "taylor_model_2d",
]

SIN_COS_TEX = r"\sin x\,\cos y"

Bend = Literal["down", "up", "saddle", "degenerate", "flat"]


def sin_cos(p: torch.Tensor) -> torch.Tensor:
    """f(x, y) = sin x · cos y: a wavy surface whose Taylor models show curvature and twist."""
    return torch.sin(p[0]) * torch.cos(p[1])


def surface_values(f: VectorFn, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """f at the points (x[i], y[i]) (arrays broadcast to one shape), in one vectorised call."""
    x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    pts = torch.as_tensor(np.stack([x.ravel(), y.ravel()], axis=-1))
    with torch.no_grad():
        return torch.vmap(f)(pts).numpy().astype(np.float64).reshape(x.shape)


@dataclass(frozen=True)
class TaylorModel2D:
    """The Taylor model of ``order`` (0, 1 or 2) of a function of (x, y) around ``point``.

    Attributes:
        point: p, shape (2,).
        value: f(p).
        gradient: ∇f(p), shape (2,).
        hessian: H(p), shape (2, 2).
        order: 0 (constant), 1 (tangent plane) or 2 (quadratic model).
    """

    point: np.ndarray
    value: float
    gradient: np.ndarray
    hessian: np.ndarray
    order: int

    def curvatures(self) -> np.ndarray:
        """The eigenvalues of H, ascending: the second-order model's curvatures along its
        principal directions."""
        return np.linalg.eigvalsh(self.hessian)

    def bend(self, tol: float = 1e-9) -> Bend:
        """How the model bends: "down" (both curvatures < 0, a cap), "up" (both > 0, a bowl),
        "saddle" (mixed signs), "degenerate" (a curvature within ``tol`` of 0) or "flat"
        (order < 2: a constant or a plane)."""
        if self.order < 2:
            return "flat"
        lam = self.curvatures()
        if np.any(np.abs(lam) <= tol):
            return "degenerate"
        return "down" if np.all(lam < 0) else "up" if np.all(lam > 0) else "saddle"

    def __call__(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The model at the points (x[i], y[i]) (arrays broadcast to one shape)."""
        x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64),
                                   np.asarray(y, dtype=np.float64))
        d = np.stack([x - self.point[0], y - self.point[1]], axis=-1)
        out = np.full(x.shape, self.value)
        if self.order >= 1:
            out = out + d @ self.gradient
        if self.order >= 2:
            out = out + 0.5 * np.einsum("...i,ij,...j->...", d, self.hessian, d)
        return out


def taylor_model_2d(f: VectorFn, point, order: int = 2) -> TaylorModel2D:
    """The Taylor model of ``f`` (a function of a point of shape (2,)) around ``point``.

    Raises:
        ValueError: for an order other than 0, 1, 2 or a point not of shape (2,).
    """
    if order not in (0, 1, 2):
        raise ValueError(f"Expected a Taylor order 0, 1 or 2, got {order}.")
    p = _point(point)
    if p.shape != (2,):
        raise ValueError(f"Expected a point of shape (2,), got shape {tuple(p.shape)}.")
    with torch.no_grad():
        value = float(f(p))
    return TaylorModel2D(p.numpy().copy(), value, gradient(f, p), hessian(f, p), order)


def model_errors(f: VectorFn, model: TaylorModel2D, direction, distances) -> np.ndarray:
    """|f(p + r u) - model(p + r u)| for each distance r along the unit vector u of
    ``direction`` from the model's point p.

    Returns:
        Array shaped like ``distances``.
    """
    u = np.asarray(direction, dtype=np.float64)
    if u.shape != (2,) or not np.linalg.norm(u) > 0:
        raise ValueError(f"Expected a non-zero direction of shape (2,), got {u.tolist()}.")
    u = u / np.linalg.norm(u)
    r = np.asarray(distances, dtype=np.float64)
    x, y = model.point[0] + r * u[0], model.point[1] + r * u[1]
    return np.abs(surface_values(f, x, y) - model(x, y))
