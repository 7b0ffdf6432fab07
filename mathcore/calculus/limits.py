"""Limits: the epsilon-delta definition made concrete, and compound interest tending to e."""

from __future__ import annotations

import numpy as np

from mathcore._torch import ScalarFn, evaluate

__all__ = ["compound_interest", "epsilon_delta"]


def compound_interest(n: int | np.ndarray) -> np.ndarray | float:
    """(1 + 1/n)^n: one unit at 100 % yearly interest compounded n times a year.

    It increases with n and tends to e = 2.71828... (the "important limit" of the course).
    Computed as exp(n * log1p(1/n)) so it stays accurate for huge n.
    """
    n_arr = np.asarray(n, dtype=np.float64)
    if np.any(n_arr < 1):
        raise ValueError(f"Expected compounding counts n >= 1, got {n}.")
    out = np.exp(n_arr * np.log1p(1.0 / n_arr))
    return float(out) if out.ndim == 0 else out


def epsilon_delta(
    f: ScalarFn,
    x0: float,
    limit: float,
    eps: float,
    delta_max: float = 1.0,
    samples: int = 2001,
) -> float:
    """A delta > 0 that works for ``eps`` in the definition of lim_{x -> x0} f(x) = limit.

    Starting from ``delta_max`` the candidate is halved until every sampled x with
    0 < |x - x0| < delta satisfies |f(x) - limit| < eps (checked on ``samples`` points).

    Raises:
        ValueError: if no delta down to 1e-12 works (the limit is probably wrong).
    """
    if eps <= 0:
        raise ValueError(f"Expected eps > 0, got {eps}.")
    delta = float(delta_max)
    while delta > 1e-12:
        offsets = np.linspace(-delta, delta, samples)[1:-1]
        offsets = offsets[offsets != 0]
        if np.all(np.abs(evaluate(f, x0 + offsets) - limit) < eps):
            return delta
        delta /= 2
    raise ValueError(f"No delta found for eps = {eps}: is {limit} the limit of f at {x0}?")
