"""Where a derivative is positive or negative: what the first, second and third derivatives
say about a curve (8.7 of the course).

f' > 0: f increases; f' < 0: f decreases. f'' > 0: f is convex (bends up); f'' < 0: concave.
f''' is the rate at which the curvature f'' changes. The source's "三阶导决定偏度" (the third
derivative decides skewness) is wrong: skewness is the third standardised moment of a
probability distribution, not a property of a curve's third derivative.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathcore._torch import ScalarFn
from mathcore.calculus.derivatives import nth_derivative

__all__ = ["SignInterval", "sign_intervals"]


@dataclass(frozen=True)
class SignInterval:
    """An interval (start, end) on which the derivative of ``order`` has one ``sign`` (±1)."""

    start: float
    end: float
    sign: int


def sign_intervals(f: ScalarFn, a: float, b: float, order: int, samples: int = 801,
                   tol: float = 1e-12) -> tuple[SignInterval, ...]:
    """The intervals of [a, b] on which f's derivative of ``order`` keeps one sign.

    The derivative is sampled on ``samples`` points; each sign change is refined by bisection
    to ``tol`` and rounded to 10 decimals. A derivative that is zero on a whole sample is skipped (sign 0 is not an
    interval).

    Returns:
        The intervals left to right; neighbours share their end points (the zeros).
    """
    if not b > a:
        raise ValueError(f"Expected a < b, got [{a}, {b}].")
    x = np.linspace(a, b, samples)
    s = np.sign(nth_derivative(f, x, order))
    if np.all(s == 0):
        raise ValueError(f"The derivative of order {order} is zero on all of [{a}, {b}].")
    cuts = [a]
    last = next(v for v in s if v != 0)
    i_last = 0
    for i in range(samples):
        if s[i] == 0 or s[i] == last:
            if s[i] != 0:
                i_last = i
            continue
        lo, hi = x[i_last], x[i]  # the sign changes between these two
        while hi - lo > tol:
            mid = (lo + hi) / 2
            if np.sign(nth_derivative(f, mid, order)) == last:
                lo = mid
            else:
                hi = mid
        cuts.append(round((lo + hi) / 2, 10) + 0.0)  # a zero to 10 decimals, never -0.0
        last, i_last = s[i], i
    cuts.append(b)
    signs = [int(v) for v in s if v != 0]
    runs = [signs[0]]
    for v in signs[1:]:
        if v != runs[-1]:
            runs.append(v)
    return tuple(SignInterval(float(cuts[k]), float(cuts[k + 1]), runs[k])
                 for k in range(len(runs)))
