"""Inverse functions: pairs mirrored in y = x, with domain and range swapped (反函数)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mathcore.functions.catalogue import ElementaryFunction, get_function, power

__all__ = ["INVERSE_PAIRS", "InversePair", "get_inverse_pair", "reflect"]


@dataclass(frozen=True)
class InversePair:
    """f restricted to ``f_domain`` (where it is one-to-one) and its inverse g.

    ``g_domain`` equals f's range on ``f_domain`` and g's range equals ``f_domain``.
    """

    name: str
    f: ElementaryFunction
    g: ElementaryFunction
    f_domain: tuple[float, float]
    g_domain: tuple[float, float]


def reflect(points: np.ndarray) -> np.ndarray:
    """Mirror points (..., 2) in the line y = x: (x, y) -> (y, x)."""
    return np.asarray(points)[..., ::-1].copy()


_INF = float("inf")
_HALF_PI = float(np.pi / 2)

INVERSE_PAIRS: dict[str, InversePair] = {
    p.name: p
    for p in (
        InversePair("exp_log", get_function("exp"), get_function("log"), (-_INF, _INF), (0.0, _INF)),
        InversePair("cube_cbrt", power(3), power("1/3"), (-_INF, _INF), (-_INF, _INF)),
        InversePair("square_sqrt", power(2), power("1/2"), (0.0, _INF), (0.0, _INF)),
        InversePair("sin_arcsin", get_function("sin"), get_function("arcsin"),
                    (-_HALF_PI, _HALF_PI), (-1.0, 1.0)),
        InversePair("cos_arccos", get_function("cos"), get_function("arccos"),
                    (0.0, float(np.pi)), (-1.0, 1.0)),
        InversePair("tan_arctan", get_function("tan"), get_function("arctan"),
                    (-_HALF_PI, _HALF_PI), (-_INF, _INF)),
        InversePair("cot_arccot", get_function("cot"), get_function("arccot"),
                    (0.0, float(np.pi)), (-_INF, _INF)),
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
