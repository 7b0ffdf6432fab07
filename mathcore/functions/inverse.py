"""Inverse functions: pairs mirrored in y = x, with domain and range swapped (反函数)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathcore.functions.catalogue import ElementaryFunction, get_function, power
from mathcore.functions.intervals import Interval

__all__ = ["INVERSE_PAIRS", "InversePair", "get_inverse_pair", "reflect"]


@dataclass(frozen=True)
class InversePair:
    """f restricted to ``f_domain`` (where it is one-to-one) and its inverse g.

    ``g_domain`` equals f's range on ``f_domain`` (and g's domain); g's range equals
    ``f_domain``, ends included alike: sin on [-pi/2, pi/2] and arcsin on [-1, 1].
    """

    name: str
    f: ElementaryFunction
    g: ElementaryFunction
    f_domain: Interval
    g_domain: Interval


def reflect(points: np.ndarray) -> np.ndarray:
    """Mirror points (..., 2) in the line y = x: (x, y) -> (y, x)."""
    return np.asarray(points)[..., ::-1].copy()


_INF = float("inf")
_HALF_PI = float(np.pi / 2)
_PI = float(np.pi)
_LINE = Interval(-_INF, _INF)
_HALF_LINE = Interval.left_closed(0.0, _INF)

INVERSE_PAIRS: dict[str, InversePair] = {
    p.name: p
    for p in (
        InversePair("exp_log", get_function("exp"), get_function("log"), _LINE,
                    Interval(0.0, _INF)),
        InversePair("cube_cbrt", power(3), power("1/3"), _LINE, _LINE),
        InversePair("square_sqrt", power(2), power("1/2"), _HALF_LINE, _HALF_LINE),
        InversePair("sin_arcsin", get_function("sin"), get_function("arcsin"),
                    Interval.closed(-_HALF_PI, _HALF_PI), Interval.closed(-1.0, 1.0)),
        InversePair("cos_arccos", get_function("cos"), get_function("arccos"),
                    Interval.closed(0.0, _PI), Interval.closed(-1.0, 1.0)),
        InversePair("tan_arctan", get_function("tan"), get_function("arctan"),
                    Interval(-_HALF_PI, _HALF_PI), _LINE),
        InversePair("cot_arccot", get_function("cot"), get_function("arccot"),
                    Interval(0.0, _PI), _LINE),
    )
}
"""f and its inverse; trigonometric functions restricted to their principal branch."""


def get_inverse_pair(name: str) -> InversePair:
    """The pair called ``name`` (see :data:`INVERSE_PAIRS`)."""
    try:
        return INVERSE_PAIRS[name]
    except KeyError:
        raise ValueError(
            f"Unknown inverse pair {name!r}; expected one of {', '.join(INVERSE_PAIRS)}."
        ) from None
