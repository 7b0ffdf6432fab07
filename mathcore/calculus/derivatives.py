"""Derivatives of one-variable functions by torch autograd: slopes, tangents, secants, rules.

What the derivatives mean (8.7 of the course): f' > 0 where f increases and f' < 0 where it
decreases; f'' > 0 where f is convex (bends upwards) and f'' < 0 where it is concave; f''' is the
rate at which the curvature itself changes (for y = x^3, f''' = 6: the bend turns from concave to
convex at a constant rate).

Notes on the source text:

* It writes "导数 = -梯度" (derivative = minus gradient). That is wrong: for f of one variable the
  gradient *is* the derivative f'(x); gradient descent steps along the *negative* gradient,
  -f'(x), the direction of steepest descent.
* It writes "三阶导决定偏度" (the third derivative decides skewness). Skewness is a property of
  a probability distribution (its third standardised moment), not of a function's third
  derivative; f''' tells how fast the curvature f'' changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import torch

from mathcore._torch import ScalarFn, as_tensor, evaluate

__all__ = [
    "COMBINATION_RULES",
    "DERIVATIVE_RULES",
    "ChainRule",
    "DerivativeRule",
    "Differential",
    "Line",
    "chain_rule",
    "critical_points",
    "cubic_hill",
    "derivative",
    "differential",
    "nth_derivative",
    "secant_line",
    "secant_slopes",
    "tangent_line",
]


def nth_derivative(f: ScalarFn, x: float | np.ndarray, n: int) -> np.ndarray | float:
    """The n-th derivative of ``f`` at ``x`` (scalar or array, elementwise) by repeated autograd.

    Args:
        f: elementwise function on float64 tensors.
        x: where to differentiate.
        n: order, ``n >= 0`` (order 0 is ``f(x)`` itself).

    Returns:
        A float for scalar ``x``, else an array shaped like ``x``.
    """
    if n < 0:
        raise ValueError(f"Expected a derivative order n >= 0, got {n}.")
    scalar = np.ndim(x) == 0
    t = as_tensor(np.atleast_1d(np.asarray(x, dtype=np.float64)), requires_grad=True)
    y = f(t)
    if not torch.all(torch.isfinite(y.detach())):
        raise ValueError(f"f is not finite at x = {x} (outside its domain?).")
    for _ in range(n):
        if not y.requires_grad:  # y no longer depends on x: every further derivative is 0
            y = torch.zeros_like(t)
            continue
        (y,) = torch.autograd.grad(y.sum(), t, create_graph=True, allow_unused=True)
        if y is None:
            y = torch.zeros_like(t)
    out = y.detach().numpy().astype(np.float64)
    if not np.all(np.isfinite(out)):
        raise ValueError(f"Derivative of order {n} is not finite at x = {x}.")
    return float(out[0]) if scalar else out.reshape(np.shape(x))


def derivative(f: ScalarFn, x: float | np.ndarray) -> np.ndarray | float:
    """f'(x) by autograd (the course's example: d/dx x**3 at 3 is 27)."""
    return nth_derivative(f, x, 1)


class Line(NamedTuple):
    """The line y = slope * x + intercept."""

    slope: float
    intercept: float

    def __call__(self, x: float | np.ndarray) -> np.ndarray | float:
        return self.slope * np.asarray(x) + self.intercept


def tangent_line(f: ScalarFn, x0: float) -> Line:
    """Tangent to y = f(x) at x0: slope f'(x0), through (x0, f(x0))."""
    slope = float(derivative(f, float(x0)))
    y0 = float(evaluate(f, float(x0)))
    return Line(slope, y0 - slope * float(x0))


def secant_slopes(f: ScalarFn, x0: float, h: float | np.ndarray) -> np.ndarray | float:
    """Slopes (f(x0 + h) - f(x0)) / h of secants through x0; they tend to f'(x0) as h -> 0."""
    h_arr = np.asarray(h, dtype=np.float64)
    if np.any(h_arr == 0):
        raise ValueError("Expected every secant step h != 0 (h = 0 is the limit, not a secant).")
    y0 = evaluate(f, float(x0))
    slopes = (evaluate(f, x0 + h_arr) - y0) / h_arr
    return float(slopes) if slopes.ndim == 0 else slopes


def secant_line(f: ScalarFn, x0: float, h: float) -> Line:
    """The secant through (x0, f(x0)) and (x0 + h, f(x0 + h))."""
    slope = float(secant_slopes(f, x0, h))
    y0 = float(evaluate(f, float(x0)))
    return Line(slope, y0 - slope * float(x0))


@dataclass(frozen=True)
class Differential:
    """The differential dy = f'(x) dx beside the true change Δy = f(x + dx) - f(x)."""

    x: float
    dx: float
    dy: float
    delta_y: float

    @property
    def error(self) -> float:
        """Δy - dy; it is o(dx): error / dx -> 0 as dx -> 0."""
        return self.delta_y - self.dy


def differential(f: ScalarFn, x: float, dx: float) -> Differential:
    """Compare the linear change dy = f'(x) dx with the real change Δy."""
    dy = float(derivative(f, x)) * dx
    delta_y = float(evaluate(f, x + dx) - evaluate(f, x))
    return Differential(float(x), float(dx), dy, delta_y)


@dataclass(frozen=True)
class ChainRule:
    """The chain rule for y = outer(inner(x)) broken into its factors at one x."""

    x: float
    u: float  # inner(x), the intermediate variable
    dy_du: float  # outer'(u)
    du_dx: float  # inner'(x)
    dy_dx: float  # autograd of the composite, for comparison

    @property
    def product(self) -> float:
        """dy/du * du/dx, which the chain rule says equals dy/dx."""
        return self.dy_du * self.du_dx


def chain_rule(outer: ScalarFn, inner: ScalarFn, x: float) -> ChainRule:
    """Factors of (outer ∘ inner)'(x) = outer'(inner(x)) * inner'(x)."""
    u = float(evaluate(inner, x))
    return ChainRule(
        x=float(x),
        u=u,
        dy_du=float(derivative(outer, u)),
        du_dx=float(derivative(inner, x)),
        dy_dx=float(derivative(lambda t: outer(inner(t)), x)),
    )


@dataclass(frozen=True)
class DerivativeRule:
    """One entry of the table of basic derivatives: f, its derivative in closed form, and TeX."""

    name: str
    f: ScalarFn
    df: ScalarFn
    tex: str
    domain: tuple[float, float]  # an interval on which the rule holds, for sampling


DERIVATIVE_RULES: tuple[DerivativeRule, ...] = (
    DerivativeRule("constant", lambda x: torch.full_like(x, 5.0), lambda x: torch.zeros_like(x),
                   r"(C)' = 0", (-5.0, 5.0)),
    DerivativeRule("power", lambda x: x**3, lambda x: 3 * x**2, r"(x^n)' = n x^{n-1}", (-3.0, 3.0)),
    DerivativeRule("sqrt", torch.sqrt, lambda x: 0.5 / torch.sqrt(x),
                   r"(\sqrt{x})' = \frac{1}{2\sqrt{x}}", (0.1, 9.0)),
    DerivativeRule("exp", torch.exp, torch.exp, r"(e^x)' = e^x", (-3.0, 3.0)),
    DerivativeRule("exp2", lambda x: 2.0**x, lambda x: 2.0**x * np.log(2.0),
                   r"(a^x)' = a^x \ln a", (-3.0, 3.0)),
    DerivativeRule("log", torch.log, lambda x: 1 / x, r"(\ln x)' = \frac{1}{x}", (0.1, 9.0)),
    DerivativeRule("log2", torch.log2, lambda x: 1 / (x * np.log(2.0)),
                   r"(\log_a x)' = \frac{1}{x \ln a}", (0.1, 9.0)),
    DerivativeRule("sin", torch.sin, torch.cos, r"(\sin x)' = \cos x", (-6.0, 6.0)),
    DerivativeRule("cos", torch.cos, lambda x: -torch.sin(x), r"(\cos x)' = -\sin x", (-6.0, 6.0)),
    DerivativeRule("tan", torch.tan, lambda x: 1 / torch.cos(x) ** 2,
                   r"(\tan x)' = \sec^2 x", (-1.4, 1.4)),
    DerivativeRule("arcsin", torch.asin, lambda x: 1 / torch.sqrt(1 - x**2),
                   r"(\arcsin x)' = \frac{1}{\sqrt{1-x^2}}", (-0.95, 0.95)),
    DerivativeRule("arctan", torch.atan, lambda x: 1 / (1 + x**2),
                   r"(\arctan x)' = \frac{1}{1+x^2}", (-5.0, 5.0)),
    DerivativeRule("sigmoid", torch.sigmoid, lambda x: torch.sigmoid(x) * (1 - torch.sigmoid(x)),
                   r"\sigma'(x) = \sigma(x)\,(1-\sigma(x))", (-6.0, 6.0)),
    DerivativeRule("tanh", torch.tanh, lambda x: 1 - torch.tanh(x) ** 2,
                   r"(\tanh x)' = 1 - \tanh^2 x", (-4.0, 4.0)),
)
"""Basic derivative formulas (基本导数公式), each checked against autograd in the tests."""


def _u(x: torch.Tensor) -> torch.Tensor:
    return torch.sin(x)


def _v(x: torch.Tensor) -> torch.Tensor:
    return x**2 + 1


COMBINATION_RULES: tuple[DerivativeRule, ...] = (
    DerivativeRule("sum", lambda x: _u(x) + _v(x), lambda x: torch.cos(x) + 2 * x,
                   r"(u + v)' = u' + v'", (-3.0, 3.0)),
    DerivativeRule("product", lambda x: _u(x) * _v(x),
                   lambda x: torch.cos(x) * _v(x) + _u(x) * 2 * x,
                   r"(u v)' = u' v + u v'", (-3.0, 3.0)),
    DerivativeRule("quotient", lambda x: _u(x) / _v(x),
                   lambda x: (torch.cos(x) * _v(x) - _u(x) * 2 * x) / _v(x) ** 2,
                   r"\left(\frac{u}{v}\right)' = \frac{u' v - u v'}{v^2}", (-3.0, 3.0)),
)
"""The sum, product and quotient rules on u = sin x and v = x^2 + 1 (v never vanishes):
``df`` applies the rule with u' = cos x and v' = 2x; the tests check it against autograd."""


def critical_points(f: ScalarFn, a: float, b: float, samples: int = 401) -> np.ndarray:
    """The x in [a, b] where f'(x) changes sign (f' = 0 with a flat tangent: a local maximum
    or minimum), found on a grid of ``samples`` points and refined by bisection on f'.

    Returns:
        The sorted roots of f' where it changes sign (a touching zero such as x^3 at 0, where
        f' does not change sign, is not returned).
    """
    if not a < b:
        raise ValueError(f"Expected an interval a < b, got [{a}, {b}].")
    xs = np.linspace(a, b, samples)
    d = np.asarray(derivative(f, xs))
    roots = []
    for i in np.flatnonzero(np.sign(d[:-1]) * np.sign(d[1:]) < 0):
        lo, hi, d_lo = xs[i], xs[i + 1], d[i]
        for _ in range(60):
            mid = 0.5 * (lo + hi)
            d_mid = float(derivative(f, mid))
            if np.sign(d_mid) == np.sign(d_lo):
                lo, d_lo = mid, d_mid
            else:
                hi = mid
        roots.append(0.5 * (lo + hi))
    for i in np.flatnonzero(d[1:-1] == 0) + 1:  # a root exactly on the grid
        if d[i - 1] * d[i + 1] < 0:
            roots.append(float(xs[i]))
    return np.array(sorted(roots))


def cubic_hill(x: torch.Tensor) -> torch.Tensor:
    """y = x^3 / 3 - x: it rises, falls and rises again; f'(x) = x^2 - 1 is zero at x = -1
    (a peak, f = 2/3) and x = 1 (a valley, f = -2/3)."""
    return x**3 / 3 - x
