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
