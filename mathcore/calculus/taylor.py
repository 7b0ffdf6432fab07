"""Taylor series: coefficients f^(k)(x0) / k! by autograd, partial sums and their errors."""

from __future__ import annotations

import math

import numpy as np

from mathcore._torch import ScalarFn, evaluate
from mathcore.calculus.derivatives import nth_derivative

__all__ = ["taylor_coefficients", "taylor_errors", "taylor_partial_sum"]


def taylor_coefficients(f: ScalarFn, x0: float, n: int) -> np.ndarray:
    """Coefficients c_k = f^(k)(x0) / k! for k = 0..n of the Taylor series of f around x0.

    Returns:
        Array of shape (n + 1,).
    """
    if n < 0:
        raise ValueError(f"Expected a Taylor order n >= 0, got {n}.")
    return np.array([nth_derivative(f, float(x0), k) / math.factorial(k) for k in range(n + 1)])


def taylor_partial_sum(f: ScalarFn, x0: float, n: int, x: float | np.ndarray) -> np.ndarray:
    """The degree-n Taylor polynomial of f around x0, evaluated at x: sum_k c_k (x - x0)^k."""
    c = taylor_coefficients(f, x0, n)
    dx = np.asarray(x, dtype=np.float64) - x0
    return np.polynomial.polynomial.polyval(dx, c)


def taylor_errors(f: ScalarFn, x0: float, orders: list[int] | range, x: np.ndarray) -> np.ndarray:
    """Maximum absolute error max_x |f(x) - T_n(x)| of each partial sum T_n over the points x.

    Returns:
        Array of shape (len(orders),).
    """
    fx = evaluate(f, x)
    return np.array([np.max(np.abs(fx - taylor_partial_sum(f, x0, n, x))) for n in orders])
