"""Elementary functions: catalogue, intervals, pole-aware sampling, inverses, convexity."""

from __future__ import annotations

from mathcore.functions.activations import (
    SIGMOID_STAGES,
    STEP,
    TANH_STAGES,
    saturation_edges,
    sigmoid_affine,
)
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
    chord_gap,
    convex_envelope,
    envelope_bridges,
    is_convex_set,
    segment_inside,
    segment_outside,
    set_outline,
    set_outline_loops,
    tilted_double_well,
)
from mathcore.functions.exponential import base_value, exponential, logarithm
from mathcore.functions.intervals import REALS, Interval, IntervalSet, PeriodicPoints, tex_value
from mathcore.functions.inverse import INVERSE_PAIRS, InversePair, get_inverse_pair, reflect
from mathcore.functions.logs import (
    OutlierEffect,
    ProductAsSum,
    Underflow,
    likelihood_underflow,
    outlier_effect,
    product_as_sum,
)
from mathcore.functions.sampling import sample_curve

__all__ = [
    "CATALOGUE",
    "INVERSE_PAIRS",
    "REALS",
    "SHAPES",
    "SIGMOID_STAGES",
    "STEP",
    "TANH_STAGES",
    "ConvexityReport",
    "Interval",
    "IntervalSet",
    "InversePair",
    "check_convexity",
    "chord_gap",
    "envelope_bridges",
    "saturation_edges",
    "segment_outside",
    "set_outline",
    "set_outline_loops",
    "sigmoid_affine",
    "tilted_double_well",
    "convex_envelope",
    "get_inverse_pair",
    "is_convex_set",
    "reflect",
    "segment_inside",
    "ElementaryFunction",
    "OutlierEffect",
    "ProductAsSum",
    "Underflow",
    "base_value",
    "exponential",
    "likelihood_underflow",
    "logarithm",
    "outlier_effect",
    "product_as_sum",
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
