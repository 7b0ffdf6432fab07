"""Elementary functions: catalogue with properties, and pole-aware curve sampling."""

from __future__ import annotations

from mathcore.functions.catalogue import (
    CATALOGUE,
    ElementaryFunction,
    Parity,
    get_function,
    power,
    softmax,
)
from mathcore.functions.sampling import sample_curve

__all__ = [
    "CATALOGUE",
    "ElementaryFunction",
    "Parity",
    "get_function",
    "power",
    "sample_curve",
    "softmax",
]
