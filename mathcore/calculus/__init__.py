"""Calculus: limits, derivatives, tangents, Taylor series, Hessians and integrals.

Every ``f`` here is a callable on float64 torch tensors (so autograd can differentiate it);
results are floats, numpy arrays or small frozen dataclasses.
"""

from __future__ import annotations

from mathcore._torch import evaluate
from mathcore.calculus.derivatives import (
    COMBINATION_RULES,
    DERIVATIVE_RULES,
    ChainRule,
    DerivativeRule,
    Differential,
    Line,
    chain_rule,
    critical_points,
    cubic_hill,
    derivative,
    differential,
    nth_derivative,
    secant_line,
    secant_slopes,
    tangent_line,
)
from mathcore.calculus.integrals import riemann_rectangles, riemann_sum
from mathcore.calculus.limits import (
    alternating_sequence,
    compound_interest,
    delta_works,
    epsilon_delta,
    sequence_threshold,
    sin_over_x,
)
from mathcore.calculus.multivariable import (
    CriticalPoint,
    classify_critical_point,
    gradient,
    hessian,
    newton_method,
    quadratic_model,
    total_differential,
)
from mathcore.calculus.taylor import (
    agreement_interval,
    error_trend,
    lagrange_bound,
    radius_of_convergence,
    taylor_coefficients,
    taylor_error_curves,
    taylor_errors,
    taylor_partial_sum,
    taylor_partial_sums,
)
from mathcore.calculus.taylor_surface import (
    SIN_COS_TEX,
    TaylorModel2D,
    model_errors,
    sin_cos,
    surface_values,
    taylor_model_2d,
)

__all__ = [
    "COMBINATION_RULES",
    "DERIVATIVE_RULES",
    "ChainRule",
    "CriticalPoint",
    "DerivativeRule",
    "SIN_COS_TEX",
    "TaylorModel2D",
    "Differential",
    "Line",
    "agreement_interval",
    "alternating_sequence",
    "chain_rule",
    "classify_critical_point",
    "compound_interest",
    "critical_points",
    "cubic_hill",
    "delta_works",
    "derivative",
    "differential",
    "epsilon_delta",
    "error_trend",
    "evaluate",
    "gradient",
    "hessian",
    "lagrange_bound",
    "model_errors",
    "newton_method",
    "nth_derivative",
    "quadratic_model",
    "radius_of_convergence",
    "riemann_rectangles",
    "riemann_sum",
    "secant_line",
    "secant_slopes",
    "sequence_threshold",
    "sin_over_x",
    "sin_cos",
    "surface_values",
    "tangent_line",
    "taylor_coefficients",
    "taylor_error_curves",
    "taylor_errors",
    "taylor_model_2d",
    "taylor_partial_sum",
    "taylor_partial_sums",
    "total_differential",
]
