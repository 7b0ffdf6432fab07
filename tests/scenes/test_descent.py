"""Scenes of the topic "descent": layout, picture and recorded-number checks."""

from __future__ import annotations

import numpy as np
import pytest

from tests.scene_harness import assert_layout_clean, compare_with_control

GD_1D = ("scenes/descent/gd_1d.py", "GradientDescent1D")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gd_1d_layout(rendered, lang):
    assert_layout_clean(rendered(*GD_1D, lang))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_gd_1d_picture(rendered, set_control, lang):
    compare_with_control(rendered(*GD_1D, lang), "descent", set_control)


def test_gd_1d_numbers_follow_closed_form(rendered):
    # SGD on (w - 2.3)^2 with lr 0.075: w_k = 2.3 + (9 - 2.3) * (1 - 2 * 0.075)^k.
    rec = rendered(*GD_1D, "en").recorded
    w = np.array(rec["w"])
    k = np.arange(len(w))
    assert len(w) == 101
    np.testing.assert_allclose(w, 2.3 + 6.7 * 0.85**k, rtol=0, atol=1e-9)
    np.testing.assert_allclose(rec["loss"], (6.7 * 0.85**k) ** 2, rtol=0, atol=1e-9)
    assert rec["loss"][0] == pytest.approx(44.89)


def test_gd_1d_sections_in_both_languages(rendered):
    en, zh = rendered(*GD_1D, "en"), rendered(*GD_1D, "zh")
    assert len(en.sections) == len(zh.sections) >= 4
    assert "Convergence" in en.sections and "收敛" in zh.sections
