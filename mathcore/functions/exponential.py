"""Exponential and logarithmic functions of any base a > 0, a != 1 (指数函数与对数函数)."""

from __future__ import annotations

import math
from fractions import Fraction

import torch

from mathcore.functions.catalogue import ElementaryFunction, RangeEnd
from mathcore.functions.intervals import REALS, Interval, IntervalSet

__all__ = ["base_value", "exponential", "logarithm"]

_POSITIVE = IntervalSet.of(Interval(0.0, math.inf))
_LINE = Interval(-math.inf, math.inf)
_RIGHT = Interval(0.0, math.inf)


def base_value(a: float | str | Fraction) -> tuple[float, str]:
    r"""The base as a float and as TeX: ``"e"`` -> (e, ``e``), ``"1/2"`` -> (0.5,
    ``\frac{1}{2}``), ``2`` -> (2.0, ``2``).

    Raises:
        ValueError: unless a > 0 and a != 1 (1^x is constant, a <= 0 has no real a^x for all x).
    """
    if a == "e":
        return math.e, "e"
    frac = Fraction(a).limit_denominator(1000)
    value = float(frac)
    if not (value > 0 and value != 1):
        raise ValueError(f"Expected a base a > 0 with a != 1, got {a!r}.")
    if frac.denominator == 1:
        return value, str(frac.numerator)
    return value, rf"\frac{{{frac.numerator}}}{{{frac.denominator}}}"


def exponential(a: float | str | Fraction) -> ElementaryFunction:
    """y = a^x (指数函数): defined for every x, always positive, through (0, 1).

    For a > 1 it increases (a^x -> 0 as x -> -inf); for 0 < a < 1 it decreases
    (a^x -> 0 as x -> +inf). Either way y = 0 is a horizontal asymptote, never reached, so the
    range is the open (0, +inf). a^x and (1/a)^x mirror each other in the y axis.

    Args:
        a: the base, a number, a fraction string like ``"1/2"``, or ``"e"``.

    Returns:
        The function with its properties; ``extra["base"]`` is a as a float.
    """
    value, tex_a = base_value(a)
    tex = f"{tex_a}^x" if "frac" not in tex_a else rf"\left({tex_a}\right)^x"
    grows = value > 1
    log_a = math.log(value)
    return ElementaryFunction(
        f"exp_{a}", tex, "指数函数", lambda x: torch.exp(x * log_a), REALS, _POSITIVE,
        "neither", increasing=(_LINE,) if grows else (), decreasing=() if grows else (_LINE,),
        range_ends=(RangeEnd(0.0, -math.inf if grows else math.inf),),
        horizontal_asymptotes=(0.0,), extra={"base": value},
    )


def logarithm(a: float | str | Fraction) -> ElementaryFunction:
    r"""y = log_a x (对数函数), the inverse of a^x: defined for x > 0 only, through (1, 0).

    Its range is every real number; x = 0 is a vertical asymptote (log_a x -> -inf as x -> 0+
    for a > 1, +inf for a < 1). Increasing for a > 1, decreasing for 0 < a < 1.

    Args:
        a: the base (``"e"`` gives ln x).

    Returns:
        The function with its properties; ``extra["base"]`` is a as a float.
    """
    value, tex_a = base_value(a)
    tex = r"\ln x" if tex_a == "e" else rf"\log_{{{tex_a}}} x"
    grows = value > 1
    log_a = math.log(value)
    return ElementaryFunction(
        f"log_{a}", tex, "对数函数", lambda x: torch.log(x) / log_a, _POSITIVE, REALS,
        "neither", increasing=(_RIGHT,) if grows else (), decreasing=() if grows else (_RIGHT,),
        poles=(0.0,), extra={"base": value},
    )
