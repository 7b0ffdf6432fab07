"""Topic "calculus": limits, derivatives, gradients and Taylor series."""

TITLE = ("Calculus", "微积分")
ORDER = (
    "limits",
    "compound_interest",
    "secant_to_tangent",
    "derivative_curve",
    "derivative_rules",
    "partial_derivatives",
    "higher_derivatives",
    "hessian_test",
    "chain_rule",
    "taylor_series",
    "taylor_convergence",
    "taylor_surface",
    "differential_integral",
)
