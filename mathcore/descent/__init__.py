"""Descent: loss surfaces, real torch.optim trajectories, the course's fits and constrained problems."""

from __future__ import annotations

from mathcore.descent.constrained import (
    DUAL_EXAMPLE,
    LAGRANGE_EXAMPLE,
    DualProblem,
    LagrangePoint,
    dual_function,
    lagrange_point,
    regularisation_curves,
    regularisation_path,
    regularised_minimum,
)
from mathcore.descent.contours import contour_segments
from mathcore.descent.optimizers import OPTIMIZERS, Trajectory, first_exit, lr_sweep, optimize
from mathcore.descent.rates import QuadraticRates, contraction, mse_hessian, quadratic_rates
from mathcore.descent.regression import (
    LineData,
    LineFit,
    LineModel,
    SigmoidFit,
    course_line_fit,
    fit_line,
    least_squares,
    line_data,
    sigmoid_data,
    sigmoid_fit,
)
from mathcore.descent.surfaces import SURFACES, Surface, get_surface

__all__ = [
    "DUAL_EXAMPLE",
    "LAGRANGE_EXAMPLE",
    "OPTIMIZERS",
    "SURFACES",
    "DualProblem",
    "LagrangePoint",
    "LineData",
    "LineFit",
    "LineModel",
    "QuadraticRates",
    "SigmoidFit",
    "Surface",
    "Trajectory",
    "contour_segments",
    "contraction",
    "course_line_fit",
    "dual_function",
    "first_exit",
    "fit_line",
    "get_surface",
    "lagrange_point",
    "least_squares",
    "line_data",
    "mse_hessian",
    "lr_sweep",
    "optimize",
    "quadratic_rates",
    "regularisation_curves",
    "regularisation_path",
    "regularised_minimum",
    "sigmoid_data",
    "sigmoid_fit",
]
