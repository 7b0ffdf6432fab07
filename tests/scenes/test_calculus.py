"""Scenes of the topic "calculus": the numbers they show against closed forms."""

from __future__ import annotations

import numpy as np
import pytest

SECANT = ("scenes/calculus/secant_to_tangent.py", "SecantToTangent")


def test_secant_slopes_shown_are_2_plus_h_and_tangent_slope_is_2(rendered):
    # secant of x^2 through 1 and 1 + h: ((1 + h)^2 - 1) / h = 2 + h
    rec = rendered(*SECANT, "en").recorded
    h = np.array(rec["h"])
    assert h[0] == 2.0 and np.all(np.diff(h) < 0) and h[-1] <= 0.01
    np.testing.assert_allclose(rec["slope"], 2 + h, rtol=1e-12)
    assert rec["tangent_slope"] == [pytest.approx(2.0)]


HESSIAN = ("scenes/calculus/hessian_test.py", "HessianExtremumTest")


def test_hessian_scene_shows_the_closed_form_second_derivatives(rendered):
    rec = rendered(*HESSIAN, "en").recorded
    # x^2 + y^2, -x^2 - y^2, x^2 - y^2: gradient 0 at the origin, Hessians diag(±2, ±2).
    np.testing.assert_allclose(rec["gradient"], np.zeros((3, 2)), atol=1e-12)
    expected = [np.diag([2.0, 2.0]), np.diag([-2.0, -2.0]), np.diag([2.0, -2.0])]
    np.testing.assert_allclose(rec["hessian"], expected, atol=1e-12)
    np.testing.assert_allclose(rec["eigenvalues"], [[2, 2], [-2, -2], [-2, 2]], atol=1e-12)
    assert rec["kind"] == [1, -1, 0]  # minimum, maximum, saddle
