"""Topic "calculus": limits, derivatives, gradients and Taylor series."""

TITLE = ("Calculus", "导数与梯度")
ORDER = ("secant_to_tangent", "hessian_test", "taylor_series", "taylor_surface")
