"""Partial derivatives as slopes of slices, the gradient, and the total differential.

A slice of z = f(x, y) through p = (x0, y0) along x holds y = y0 fixed: z = f(x, y0); its slope
at x0 is the partial derivative f_x(p). Along y, x = x0 is held: z = f(x0, y), slope f_y(p).
The gradient ∇f(p) = (f_x, f_y) points the way f rises fastest.

Note on the source text: "全导: 偏导求和" (the total derivative is the sum of the partials) is
loose. The total differential weights each partial by the change of its own variable:
dz = f_x dx + f_y dy. The plain sum f_x + f_y is that only for the step dx = dy = 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch

from mathcore.calculus.multivariable import VectorFn, gradient, total_differential
from mathcore.calculus.taylor_surface import surface_values

__all__ = [
    "HILL_TEX",
    "DifferentialStep",
    "Partials",
    "differential_steps",
    "hill",
    "partials",
]

HILL_TEX = r"e^{-(x^2 + y^2)/2}"


def hill(p: torch.Tensor) -> torch.Tensor:
    """f(x, y) = exp(-(x² + y²) / 2): a round hill with its top at the origin."""
    return torch.exp(-(p[0] ** 2 + p[1] ** 2) / 2)


@dataclass(frozen=True)
class Partials:
    """f at a point p with its two partial derivatives and the slices through p."""

    f: VectorFn
    point: np.ndarray  # (x0, y0)
    value: float  # f(p)
    fx: float  # ∂f/∂x at p: the slope of the slice y = y0
    fy: float  # ∂f/∂y at p: the slope of the slice x = x0

    @property
    def gradient(self) -> np.ndarray:
        """∇f(p) = (f_x, f_y)."""
        return np.array([self.fx, self.fy])

    def slice_x(self, x: np.ndarray) -> np.ndarray:
        """z = f(x, y0): the slice along x (y held at y0)."""
        return surface_values(self.f, x, np.full_like(np.asarray(x, dtype=float), self.point[1]))

    def slice_y(self, y: np.ndarray) -> np.ndarray:
        """z = f(x0, y): the slice along y (x held at x0)."""
        return surface_values(self.f, np.full_like(np.asarray(y, dtype=float), self.point[0]), y)


def partials(f: VectorFn, point: Sequence[float]) -> Partials:
    """The partial derivatives of f at ``point`` = (x0, y0), by autograd."""
    p = np.asarray(point, dtype=np.float64)
    if p.shape != (2,):
        raise ValueError(f"Expected a point (x0, y0), got shape {p.shape}.")
    fx, fy = gradient(f, p)
    value = float(surface_values(f, p[:1], p[1:])[0])
    return Partials(f, p, value, float(fx), float(fy))


@dataclass(frozen=True)
class DifferentialStep:
    """One step (dx, dy) from p: the linear change dz beside the true change Δz."""

    dx: float
    dy: float
    dz: float  # f_x dx + f_y dy
    delta_z: float  # f(x0 + dx, y0 + dy) - f(x0, y0)

    @property
    def error(self) -> float:
        """|Δz - dz|: second order small, it shrinks like the step squared."""
        return abs(self.delta_z - self.dz)


def differential_steps(f: VectorFn, point: Sequence[float], step: Sequence[float],
                       scales: Sequence[float]) -> tuple[DifferentialStep, ...]:
    """dz and Δz for the steps ``scale * step``, one per scale."""
    out = []
    for s in scales:
        d = np.asarray(step, dtype=np.float64) * float(s)
        dz, delta = total_differential(f, point, d)
        out.append(DifferentialStep(float(d[0]), float(d[1]), dz, delta))
    return tuple(out)
