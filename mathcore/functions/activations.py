"""The special functions of deep learning built from elementary ones: sigmoid and tanh as
composites of exp, their saturation, and the step function they smooth.

sigma(x) = 1 / (1 + e^{-x}) is the composite x -> -x -> e^{-x} -> 1 + e^{-x} -> 1 / (1 + e^{-x});
tanh(x) = (e^x - e^{-x}) / (e^x + e^{-x}) = 2 sigma(2x) - 1.
"""

from __future__ import annotations

import math

import torch

from mathcore.functions.catalogue import CATALOGUE, ElementaryFunction, RangeEnd
from mathcore.functions.intervals import REALS, Interval, IntervalSet

__all__ = [
    "SIGMOID_STAGES",
    "STEP",
    "TANH_STAGES",
    "saturation_edges",
    "sigmoid_affine",
]

INF = math.inf
_LINE = Interval(-INF, INF)


def sigmoid_affine(a: float, b: float, d: float, tex: str) -> ElementaryFunction:
    """y = a * sigma(b x) + d for a > 0, b > 0: increasing from the asymptote d to a + d.

    Args:
        a: vertical stretch (> 0); b: horizontal squeeze (> 0); d: vertical shift.
        tex: the formula shown for it.

    Returns:
        The function with range (d, a + d) (never attained) and both horizontal asymptotes.
    """
    if not (a > 0 and b > 0):
        raise ValueError(f"Expected a > 0 and b > 0, got a = {a}, b = {b}.")
    return ElementaryFunction(
        f"sigmoid_{a:g}_{b:g}_{d:g}", tex, "Sigmoid 的伸缩平移",
        lambda x: a * torch.sigmoid(b * x) + d, REALS, IntervalSet.of(Interval(d, a + d)),
        "neither", increasing=(_LINE,), range_ends=(RangeEnd(d, -INF), RangeEnd(a + d, INF)),
        horizontal_asymptotes=(d, a + d),
    )


_ONE_PLUS_EXP_NEG = ElementaryFunction(
    "one_plus_exp_neg", "1 + e^{-x}", "1 加指数函数", lambda x: 1 + torch.exp(-x), REALS,
    IntervalSet.of(Interval(1.0, INF)), "neither", decreasing=(_LINE,),
    range_ends=(RangeEnd(1.0, INF),), horizontal_asymptotes=(1.0,),
)

SIGMOID_STAGES: tuple[ElementaryFunction, ...] = (
    CATALOGUE["exp_neg"], _ONE_PLUS_EXP_NEG, CATALOGUE["sigmoid"],
)
"""sigma built from exp step by step: e^{-x}, then 1 + e^{-x}, then its reciprocal."""

TANH_STAGES: tuple[ElementaryFunction, ...] = (
    CATALOGUE["sigmoid"],
    sigmoid_affine(1.0, 2.0, 0.0, r"\sigma(2x)"),
    sigmoid_affine(2.0, 2.0, 0.0, r"2\sigma(2x)"),
    sigmoid_affine(2.0, 2.0, -1.0, r"2\sigma(2x) - 1"),
)
"""tanh from sigma: squeeze by 2 along x, stretch by 2 along y, shift down by 1."""

STEP = ElementaryFunction(
    "step", r"H(x)", "阶跃函数", lambda x: (x >= 0).to(x.dtype), REALS,
    IntervalSet.of(Interval.closed(0.0, 0.0), Interval.closed(1.0, 1.0)), "neither",
    range_ends=(RangeEnd(0.0, -1.0), RangeEnd(1.0, 1.0)), continuous=False,
    extra={"jumps": (0.0,)},
)
"""The Heaviside step H(x) = 1 for x >= 0, else 0 (the perceptron's activation): defined at 0,
yet it jumps there, so it is not continuous on its domain; sigma is its smooth version."""


def saturation_edges(f: ElementaryFunction, eps: float) -> tuple[float, float]:
    """Where a monotonic function with two horizontal asymptotes saturates (饱和).

    Returns (x_lo, x_hi) with |f(x) - its left asymptote| <= eps exactly for x <= x_lo and
    |f(x) - its right asymptote| <= eps exactly for x >= x_hi (found by bisection).

    Args:
        f: increasing or decreasing on the whole line, with ``horizontal_asymptotes`` of two
            values.
        eps: how close counts as saturated, 0 < eps < half the gap between the asymptotes.

    References:
        For sigma: x_hi = -x_lo = ln((1 - eps) / eps); for tanh: artanh(1 - eps).
    """
    if len(f.horizontal_asymptotes) != 2 or not (f.increasing or f.decreasing):
        raise ValueError(f"{f.name}: expected a monotonic function with two horizontal "
                         f"asymptotes, got {f.horizontal_asymptotes}.")
    lo_y, hi_y = sorted(f.horizontal_asymptotes)
    if not 0 < eps < (hi_y - lo_y) / 2:
        raise ValueError(f"Expected 0 < eps < {(hi_y - lo_y) / 2:g}, got {eps}.")
    increasing = bool(f.increasing)
    left, right = (lo_y, hi_y) if increasing else (hi_y, lo_y)

    def crossing(target: float, toward: float) -> float:
        # |f(x) - asymptote| = eps: bisect between the middle and far out on that side.
        a, b = 0.0, toward
        while abs(float(f(b)) - target) > eps:
            a, b = b, 2 * b
        for _ in range(200):
            m = (a + b) / 2
            if abs(float(f(m)) - target) > eps:
                a = m
            else:
                b = m
        return b

    return crossing(left, -1.0), crossing(right, 1.0)

