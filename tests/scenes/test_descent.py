"""Scenes of the topic "descent": the numbers they show against closed forms."""

from __future__ import annotations

import numpy as np
import pytest

GD_1D = ("scenes/descent/gd_1d.py", "GradientDescent1D")


def test_gd_1d_numbers_follow_closed_form(rendered):
    # SGD on (w - 2.3)^2 with lr 0.075: w_k = 2.3 + (9 - 2.3) * (1 - 2 * 0.075)^k.
    rec = rendered(*GD_1D, "en").recorded
    w = np.array(rec["w"])
    k = np.arange(len(w))
    assert len(w) == 101
    np.testing.assert_allclose(w, 2.3 + 6.7 * 0.85**k, rtol=0, atol=1e-9)
    np.testing.assert_allclose(rec["loss"], (6.7 * 0.85**k) ** 2, rtol=0, atol=1e-9)
    assert rec["loss"][0] == pytest.approx(44.89)
