"""Limits: the epsilon-delta definition made concrete, and compound interest tending to e."""

from __future__ import annotations

import numpy as np
import torch

from mathcore._torch import ScalarFn, evaluate

__all__ = [
    "alternating_sequence",
    "compound_interest",
    "delta_works",
    "epsilon_delta",
    "sequence_threshold",
    "sin_over_x",
]


def compound_interest(n: int | np.ndarray, rate: float = 1.0) -> np.ndarray | float:
    """(1 + rate/n)^n: one unit at ``rate`` yearly interest (1.0 is 100 %) compounded n times
    a year.

    For rate 1 it increases with n and tends to e = 2.71828... (the "important limit" of the
    course); for any rate it tends to e^rate (continuous compounding). Computed as
    exp(n * log1p(rate/n)) so it stays accurate for huge n.
    """
    n_arr = np.asarray(n, dtype=np.float64)
    if np.any(n_arr < 1):
        raise ValueError(f"Expected compounding counts n >= 1, got {n}.")
    if rate <= -1:
        raise ValueError(f"Expected a rate > -1 (more than -100 %), got {rate}.")
    out = np.exp(n_arr * np.log1p(rate / n_arr))
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


def sin_over_x(x):
    """sin(x) / x on a float64 tensor: undefined at x = 0, yet its limit there is 1.

    The classic example of a limit at a point where the function has no value: the
    definition of lim_{x -> x0} f(x) only looks at x != x0.
    """
    return torch.sin(x) / x


def alternating_sequence(n: int | np.ndarray) -> np.ndarray | float:
    """a_n = 1 + (-1)^(n+1) / n (n = 1, 2, ...): 2, 0.5, 1.333, 0.75, ... tending to 1 from
    both sides, |a_n - 1| = 1/n."""
    n_arr = np.asarray(n, dtype=np.float64)
    if np.any(n_arr < 1) or np.any(n_arr != np.round(n_arr)):
        raise ValueError(f"Expected whole indices n >= 1, got {n}.")
    out = 1.0 + (-1.0) ** (n_arr + 1) / n_arr
    return float(out) if out.ndim == 0 else out


def sequence_threshold(terms: np.ndarray, limit: float, eps: float) -> int:
    """The smallest N (1-based) such that every given term a_n with n >= N satisfies
    |a_n - limit| < eps: the "N" of the epsilon-N definition of a sequence's limit,
    checked on the terms given.

    Raises:
        ValueError: if eps <= 0, or if the last given term is still eps or more away.
    """
    if eps <= 0:
        raise ValueError(f"Expected eps > 0, got {eps}.")
    far = np.flatnonzero(np.abs(np.asarray(terms, dtype=np.float64) - limit) >= eps)
    if far.size and far[-1] == len(terms) - 1:
        raise ValueError(f"The last term is not within {eps} of {limit}: give more terms.")
    return int(far[-1] + 2) if far.size else 1


def delta_works(
    f: ScalarFn, x0: float, limit: float, eps: float, delta: float, samples: int = 2001
) -> bool:
    """Whether every sampled x with 0 < |x - x0| < delta has |f(x) - limit| < eps (the test
    :func:`epsilon_delta` applies to each candidate delta)."""
    if eps <= 0 or delta <= 0:
        raise ValueError(f"Expected eps > 0 and delta > 0, got {eps} and {delta}.")
    offsets = np.linspace(-delta, delta, samples)[1:-1]
    offsets = offsets[offsets != 0]
    return bool(np.all(np.abs(evaluate(f, x0 + offsets) - limit) < eps))
