"""Taylor series: coefficients f^(k)(x0) / k! by autograd, partial sums and their errors.

Note on the source text: it says a Taylor series "represents a function by an infinite sum".
That holds only inside the series' radius of convergence (and for analytic functions): the
series of log(1 + x) around 0 converges to it for -1 < x <= 1 only; beyond x = 1 its partial
sums move away from log(1 + x) as terms are added (:func:`radius_of_convergence`,
:func:`error_trend`).
"""

from __future__ import annotations

import math

import numpy as np

from mathcore._torch import ScalarFn, evaluate
from mathcore.calculus.derivatives import nth_derivative

__all__ = [
    "agreement_interval",
    "error_trend",
    "lagrange_bound",
    "radius_of_convergence",
    "taylor_coefficients",
    "taylor_error_curves",
    "taylor_errors",
    "taylor_partial_sum",
    "taylor_partial_sums",
]


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


# --- Errors, bounds and the radius of convergence ------------------------------------------


def taylor_partial_sums(f: ScalarFn, x0: float, orders: list[int] | range,
                        x: float | np.ndarray) -> np.ndarray:
    """The Taylor polynomials T_n of f around x0 for every n in ``orders``, evaluated at x.

    The coefficients are computed once, up to the highest order.

    Returns:
        Array of shape (len(orders), *np.shape(x)).
    """
    orders = list(orders)
    if not orders or min(orders) < 0:
        raise ValueError(f"Expected a non-empty list of orders >= 0, got {orders}.")
    c = taylor_coefficients(f, x0, max(orders))
    dx = np.asarray(x, dtype=np.float64) - x0
    return np.array([np.polynomial.polynomial.polyval(dx, c[: n + 1]) for n in orders])


def taylor_error_curves(f: ScalarFn, x0: float, orders: list[int] | range,
                        x: float | np.ndarray) -> np.ndarray:
    """The error |f(x) - T_n(x)| of each Taylor polynomial T_n (n in ``orders``) at each x.

    Returns:
        Array of shape (len(orders), *np.shape(x)); row i is the error curve of orders[i].
    """
    return np.abs(evaluate(f, x) - taylor_partial_sums(f, x0, orders, x))


def agreement_interval(f: ScalarFn, x0: float, n: int, tol: float, x: np.ndarray
                       ) -> tuple[float, float]:
    """The widest interval [a, b] of grid points around x0 on which |f - T_n| <= tol.

    Args:
        x: an increasing grid that contains x0 (where the error is 0).

    Returns:
        (a, b): the grid points furthest from x0 on each side before the error first exceeds
        ``tol`` (the ends of the grid if it never does).
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or np.any(np.diff(x) <= 0) or not x[0] <= x0 <= x[-1]:
        raise ValueError(f"Expected an increasing grid containing x0 = {x0}.")
    if not tol > 0:
        raise ValueError(f"Expected a tolerance tol > 0, got {tol}.")
    ok = taylor_error_curves(f, x0, [n], x)[0] <= tol
    i = int(np.searchsorted(x, x0))
    lo, hi = i, i
    while lo > 0 and ok[lo - 1]:
        lo -= 1
    while hi < len(x) - 1 and ok[hi + 1]:
        hi += 1
    return float(x[lo]), float(x[hi])


def lagrange_bound(max_derivative: float, x0: float, n: int, x: float | np.ndarray
                   ) -> np.ndarray:
    """Lagrange's bound on the error of T_n: |f(x) - T_n(x)| <= M |x - x0|^(n+1) / (n+1)!,
    where M bounds |f^(n+1)| between x0 and x (M = 1 for sin and cos).

    References:
        Taylor's theorem with the Lagrange form of the remainder.
    """
    if n < 0:
        raise ValueError(f"Expected a Taylor order n >= 0, got {n}.")
    if max_derivative < 0:
        raise ValueError(f"Expected a bound M >= 0 on |f^(n+1)|, got {max_derivative}.")
    dx = np.abs(np.asarray(x, dtype=np.float64) - x0)
    return max_derivative * dx ** (n + 1) / math.factorial(n + 1)


def radius_of_convergence(coefficients: np.ndarray, tail: int = 8) -> float:
    """The radius of convergence R of sum c_k (x - x0)^k, estimated from its coefficients.

    Domb-Sykes: for series whose nearest singularity is a pole or a logarithm, the ratios
    |c_k / c_(k-1)| are (nearly) linear in 1/k, and their intercept at 1/k = 0 is 1/R. A
    least-squares line through the last ``tail`` ratios gives it; an intercept of 0 (within
    1e-9) means R = inf (e^x). Exact for log(1 + x), whose ratio is (1 - 1/k) / (1 + x0).

    Args:
        coefficients: c_0..c_n with no zero among the last ``tail + 1`` (for sin, whose odd
            and even coefficients alternate with zeros, use the series in x^2 instead).

    References:
        C. Domb and M. F. Sykes, Proc. R. Soc. A 240 (1957) 214-228.
    """
    c = np.asarray(coefficients, dtype=np.float64)
    if tail < 2 or len(c) < tail + 1:
        raise ValueError(f"Expected at least tail + 1 = {tail + 1} coefficients (tail >= 2), "
                         f"got {len(c)} with tail = {tail}.")
    last = c[-(tail + 1):]
    if np.any(last == 0):
        raise ValueError("Expected non-zero coefficients in the tail; got zeros.")
    k = np.arange(len(c) - tail, len(c), dtype=np.float64)
    ratios = np.abs(last[1:] / last[:-1])
    _, intercept = np.polyfit(1.0 / k, ratios, 1)
    return math.inf if intercept <= 1e-9 else float(1.0 / intercept)


def error_trend(errors: np.ndarray) -> int:
    """+1 if the errors grow with every added term, -1 if they shrink with every one, else 0.

    Words such as "adding terms makes it worse" are derived from this, not typed by hand.
    """
    d = np.diff(np.asarray(errors, dtype=np.float64))
    if len(d) == 0:
        raise ValueError("Expected at least two errors to compare.")
    return 1 if np.all(d > 0) else -1 if np.all(d < 0) else 0
