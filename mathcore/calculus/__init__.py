"""Calculus: limits, derivatives, tangents, Taylor series, Hessians and integrals.

Every ``f`` here is a callable on float64 torch tensors (so autograd can differentiate it);
results are floats, numpy arrays or small frozen dataclasses.
"""

from __future__ import annotations

from mathcore.calculus.derivatives import (
    DERIVATIVE_RULES,
    ChainRule,
    DerivativeRule,
    Differential,
    Line,
    chain_rule,
    derivative,
    differential,
    nth_derivative,
    secant_line,
    secant_slopes,
    tangent_line,
)
from mathcore.calculus.integrals import riemann_rectangles, riemann_sum
from mathcore.calculus.limits import compound_interest, epsilon_delta
from mathcore.calculus.multivariable import (
    CriticalPoint,
    classify_critical_point,
    gradient,
    hessian,
    newton_method,
    quadratic_model,
    total_differential,
)
from mathcore.calculus.taylor import taylor_coefficients, taylor_errors, taylor_partial_sum

__all__ = [
    "DERIVATIVE_RULES",
    "ChainRule",
    "CriticalPoint",
    "DerivativeRule",
    "Differential",
    "Line",
    "chain_rule",
    "classify_critical_point",
    "compound_interest",
    "derivative",
    "differential",
    "epsilon_delta",
    "gradient",
    "hessian",
    "newton_method",
    "nth_derivative",
    "quadratic_model",
    "riemann_rectangles",
    "riemann_sum",
    "secant_line",
    "secant_slopes",
    "tangent_line",
    "taylor_coefficients",
    "taylor_errors",
    "taylor_partial_sum",
    "total_differential",
]
