"""Constrained optimisation: Lagrange multipliers, the dual function, L2 regularisation.

Note on the source text: it says the dual function's highest point is "close to" the primal
lowest point. Precisely: the dual function g(lambda) = inf_x L(x, lambda) is always concave and
g(lambda) <= p* for every lambda >= 0 (weak duality); for a convex problem that satisfies
Slater's condition (a strictly feasible point exists) max g = p* exactly (strong duality).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from mathcore.calculus.multivariable import gradient, hessian

__all__ = [
    "DUAL_EXAMPLE",
    "LAGRANGE_EXAMPLE",
    "DualProblem",
    "LagrangePoint",
    "dual_function",
    "lagrange_point",
    "regularisation_curves",
    "regularised_minimum",
    "regularisation_path",
]

Fn = Callable[[torch.Tensor], torch.Tensor]


@dataclass(frozen=True)
class LagrangePoint:
    """A solution of grad f = lambda grad g, g = 0 (the level set of f touches the constraint)."""

    point: np.ndarray
    multiplier: float
    value: float
    grad_f: np.ndarray
    grad_g: np.ndarray


def lagrange_point(f: Fn, g: Fn, start, steps: int = 50, tol: float = 1e-12) -> LagrangePoint:
    """Solve the Lagrange system for min/max of f subject to g = 0 by Newton's method on
    L(x, lambda) = f(x) - lambda g(x), starting from (start, lambda = 0).

    Raises:
        ValueError: if Newton's method does not converge from ``start``.
    """
    z = np.append(np.asarray(start, dtype=np.float64), 0.0)
    n = len(z) - 1

    def lagr(v: torch.Tensor) -> torch.Tensor:
        return f(v[:n]) - v[n] * g(v[:n])

    for _ in range(steps):
        grad = gradient(lagr, z)
        if np.linalg.norm(grad) < tol:
            break
        z = z - np.linalg.solve(hessian(lagr, z), grad)
    else:
        raise ValueError(f"Lagrange system did not converge from {list(start)}.")
    x = z[:n]
    with torch.no_grad():
        value = float(f(torch.from_numpy(x)))
    return LagrangePoint(x, float(z[n]), value, gradient(f, x), gradient(g, x))


@dataclass(frozen=True)
class DualProblem:
    """The dual function of min f(x) s.t. h(x) <= 0 (one variable), sampled at ``lambdas``.

    Attributes:
        lambdas, values: g(lambda) = min_x f(x) + lambda h(x) over the x grid.
        primal_optimum: p* = min of f over the feasible part of the x grid.
        dual_optimum, best_lambda: max of g and where it is attained.
    """

    lambdas: np.ndarray
    values: np.ndarray
    primal_optimum: float
    primal_point: float
    dual_optimum: float
    best_lambda: float


def _zoomed_min(f: Fn, h: Fn, lam: np.ndarray, xs: np.ndarray, grid_values: np.ndarray,
                feasible_only: bool = False, rounds: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise min over x of f + lam h: grid minimum, then zoom in around it ``rounds`` times."""
    k = np.argmin(grid_values, axis=1)
    best = grid_values[np.arange(len(lam)), k]
    best_x = xs[k]
    step = xs[1] - xs[0]
    for _ in range(rounds):
        zx = best_x[:, None] + np.linspace(-step, step, 201)[None, :]
        with torch.no_grad():
            t = torch.from_numpy(zx)
            zf, zh = f(t).numpy(), h(t).numpy()
        z = zf + lam[:, None] * zh
        if feasible_only:
            z = np.where(zh <= 0, z, np.inf)
        i = np.argmin(z, axis=1)
        cand = z[np.arange(len(lam)), i]
        better = cand < best
        best = np.where(better, cand, best)
        best_x = np.where(better, zx[np.arange(len(lam)), i], best_x)
        step = step / 100
    return best, best_x


def dual_function(f: Fn, h: Fn, lambdas: np.ndarray, x_bounds: tuple[float, float],
                  n: int = 20001) -> DualProblem:
    """Sample the dual function of a one-variable problem on a dense x grid."""
    lam = np.asarray(lambdas, dtype=np.float64)
    if np.any(lam < 0):
        raise ValueError("Expected multipliers lambda >= 0 for an inequality constraint.")
    x = torch.linspace(*x_bounds, n, dtype=torch.float64)
    with torch.no_grad():
        fx, hx = f(x).numpy(), h(x).numpy()
    feasible = hx <= 0
    if not feasible.any():
        raise ValueError("No feasible point in x_bounds.")
    xs = x.numpy()
    values, _ = _zoomed_min(f, h, lam, xs, fx[None, :] + lam[:, None] * hx[None, :])
    (best_f,), (best_x,) = _zoomed_min(f, h, np.zeros(1), xs,
                                       np.where(feasible, fx, np.inf)[None, :], feasible_only=True)
    j = int(np.argmax(values))
    return DualProblem(lam, values, float(best_f), float(best_x), float(values[j]), float(lam[j]))


def regularised_minimum(loss: Fn, alpha: float, start, steps: int = 100) -> np.ndarray:
    """argmin of loss(w) + alpha * ||w||^2, found with ``torch.optim.LBFGS``."""
    if alpha < 0:
        raise ValueError(f"Expected a regularisation weight alpha >= 0, got {alpha}.")
    w = torch.tensor(np.asarray(start, dtype=np.float64), requires_grad=True)
    opt = torch.optim.LBFGS([w], lr=1.0, max_iter=steps, tolerance_grad=1e-12,
                            tolerance_change=1e-15, line_search_fn="strong_wolfe")

    def closure() -> torch.Tensor:
        opt.zero_grad()
        value = loss(w) + alpha * (w**2).sum()
        value.backward()
        return value

    opt.step(closure)
    return w.detach().numpy().copy()


def regularisation_path(loss: Fn, alphas, start) -> np.ndarray:
    """The regularised optimum for each alpha: shape (len(alphas), dim). It moves towards 0."""
    return np.array([regularised_minimum(loss, a, start) for a in alphas])


def regularisation_curves(loss: Fn, alphas, w: np.ndarray) -> np.ndarray:
    """loss(w) + alpha * w^2 for 1-D w, one row per alpha: shape (len(alphas), len(w))."""
    t = torch.as_tensor(np.asarray(w, dtype=np.float64))
    with torch.no_grad():
        base = torch.stack([loss(v.reshape(1)) for v in t]).numpy()
    return np.array([base + a * np.asarray(w, dtype=np.float64) ** 2 for a in alphas])


@dataclass(frozen=True)
class Example:
    """A worked constrained problem: objective f, constraint function, and its TeX."""

    objective: Fn
    constraint: Fn
    tex_objective: str
    tex_constraint: str
    tex_dual: str = ""  # the dual function in closed form, where the example has one


LAGRANGE_EXAMPLE = Example(
    objective=lambda p: (p[0] - 2) ** 2 + (p[1] - 1) ** 2,
    constraint=lambda p: p[0] ** 2 + p[1] ** 2 - 1,
    tex_objective=r"f(x, y) = (x-2)^2 + (y-1)^2",
    tex_constraint=r"h(x, y) = x^2 + y^2 - 1 = 0",
)
"""Closest point of the unit circle to (2, 1): (2, 1)/sqrt(5), multiplier 1 - sqrt(5).

The constraint is called h (g is the dual function in the duality example). The multiplier is
negative: at the optimum grad f points into the circle and grad h out of it; for an equality
constraint its sign is free."""

DUAL_EXAMPLE = Example(
    objective=lambda x: x**2,
    constraint=lambda x: 1 - x,
    tex_objective=r"\min_x\ x^2",
    tex_constraint=r"x \ge 1",
    tex_dual=r"\lambda - \frac{\lambda^2}{4}",
)
"""min x^2 s.t. 1 - x <= 0: convex, Slater holds (x = 2 is strictly feasible); p* = 1 at x = 1,
dual g(lambda) = lambda - lambda^2 / 4, maximal at lambda = 2 with g = 1 = p*."""
