"""Elementary functions: catalogue, intervals, pole-aware sampling, inverses, convexity."""

from __future__ import annotations

from mathcore.functions.catalogue import (
    CATALOGUE,
    ElementaryFunction,
    Parity,
    ParityReason,
    RangeEnd,
    get_function,
    power,
    softmax,
)
from mathcore.functions.convexity import (
    SHAPES,
    ConvexityReport,
    check_convexity,
    convex_envelope,
    is_convex_set,
    segment_inside,
)
from mathcore.functions.intervals import REALS, Interval, IntervalSet, PeriodicPoints, tex_value
from mathcore.functions.inverse import INVERSE_PAIRS, InversePair, get_inverse_pair, reflect
from mathcore.functions.sampling import sample_curve

__all__ = [
    "CATALOGUE",
    "INVERSE_PAIRS",
    "REALS",
    "SHAPES",
    "ConvexityReport",
    "Interval",
    "IntervalSet",
    "InversePair",
    "check_convexity",
    "convex_envelope",
    "get_inverse_pair",
    "is_convex_set",
    "reflect",
    "segment_inside",
    "ElementaryFunction",
    "Parity",
    "ParityReason",
    "PeriodicPoints",
    "RangeEnd",
    "get_function",
    "power",
    "sample_curve",
    "softmax",
    "tex_value",
]
