"""Scenes of the topic "functions": the properties they state against the definitions."""

from __future__ import annotations

import math

POWER = ("scenes/functions/power_function.py", "PowerFunction")
INF = math.inf


def test_power_function_domains_and_ranges_shown_with_their_ends(rendered):
    rec = rendered(*POWER, "en").recorded
    # rows of [lo, hi, closed_lo, closed_hi]
    assert rec["domain 2"] == [[[-INF, INF, 0, 0]]]
    assert rec["range 2"] == [[[0.0, INF, 1, 0]]]  # x^2 = 0 at x = 0
    assert rec["domain 1/2"] == [[[0.0, INF, 1, 0]]]  # square root: x >= 0, sqrt(0) = 0
    assert rec["range 1/2"] == [[[0.0, INF, 1, 0]]]
    assert rec["domain 1/3"] == [[[-INF, INF, 0, 0]]]  # real cube root: every x
    assert rec["range 3"] == [[[-INF, INF, 0, 0]]]
    assert rec["domain -1"] == [[[-INF, 0.0, 0, 0], [0.0, INF, 0, 0]]]  # 0 excluded: a pole
    assert rec["range -1"] == [[[-INF, 0.0, 0, 0], [0.0, INF, 0, 0]]]  # 1/x is never 0


def test_power_function_starts_with_the_constant_and_dashes_the_asymptotes_of_1_over_x(
        rendered):
    rec = rendered(*POWER, "en").recorded
    assert rec["domain c"] == [[[-INF, INF, 0, 0]]]
    assert rec["range c"] == [[[2.0, 2.0, 1, 1]]]  # the single value c = 2
    assert rec["symmetric domain c"] == [1.0]
    # 1/x: x = 0 (the y-axis) and y = 0 (the x-axis); no other power has an asymptote
    assert rec["asymptotes -1"] == [[0.0, 0.0]]
    for alpha in ("c", "1", "2", "3", "1/2", "1/3"):
        assert rec[f"asymptotes {alpha}"] == [[]]


def test_power_function_parity_needs_a_symmetric_domain(rendered):
    rec = rendered(*POWER, "en").recorded
    assert rec["symmetric domain 1/2"] == [0.0]  # so x^(1/2) is neither even nor odd
    for alpha in ("1", "2", "3", "1/3", "-1"):
        assert rec[f"symmetric domain {alpha}"] == [1.0]


ACTIVATIONS = ("scenes/functions/activations.py", "Activations")


def test_activations_sigmoid_is_built_from_exp_and_saturates(rendered):
    import numpy as np
    import pytest

    r = rendered(*ACTIVATIONS, "en")
    rec = r.recorded
    assert rec["sigmoid stages at 0"] == [[1.0, 2.0, 0.5]]  # e^0, 1 + e^0, 1 / (1 + e^0)
    eps_edge = math.log(0.99 / 0.01)  # |sigma - asymptote| <= 0.01 beyond this
    assert rec["sigmoid saturation edges"][0] == pytest.approx([-eps_edge, eps_edge], abs=1e-9)
    assert rec["sigmoid range"] == [[[0.0, 1.0, 0, 0]]]  # open: never 0, never 1
    lo, hi = rec["sigmoid at probes"][0]  # sigma(-6), sigma(6)
    assert lo == pytest.approx(1 / (1 + math.exp(6))) and hi == pytest.approx(1 / (1 + math.exp(-6)))
    # "saturated": both probes lie in the shaded regions and within 0.0025 of 0 and 1
    assert 6 > eps_edge and rec["sigmoid probe gap"][0] < 0.0025
    s0, s6, s_6 = rec["sigmoid slopes 0 6 -6"][0]
    s = 1 / (1 + math.exp(-6))
    assert s0 == pytest.approx(0.25) and s6 == pytest.approx(s * (1 - s)) == s_6
    ratio = rec["sigmoid slope ratio"][0]
    assert ratio == pytest.approx(0.25 / (s * (1 - s))) and ratio > 100
    assert any(f"at 0 it is about {ratio:.0f} times larger" in n for n in r.narration)
    assert np.isclose(s6, 1 - hi, rtol=0.01)  # the slope there is as small as the gap
    # "at 0 at least N times larger than in the bands": sigma' = sigma (1 - sigma) is
    # largest there at the band's edge, where sigma = 0.99: 0.25 / (0.99 * 0.01) = 25.25
    edge, edge_ratio = rec["sigmoid slope ratio at the band edge"][0]
    assert edge == pytest.approx(eps_edge) and edge_ratio == pytest.approx(0.25 / (0.99 * 0.01))
    assert any(f"at least {math.floor(edge_ratio)} times larger than in the bands" in n
               for n in r.narration)


def test_activations_tanh_is_two_sigmoid_of_two_x_minus_one(rendered):
    import numpy as np
    import pytest

    rec = rendered(*ACTIVATIONS, "en").recorded
    x = np.array(rec["tanh points"][0])
    closed = (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    np.testing.assert_allclose(rec["tanh at points"][0], closed, atol=1e-14)
    np.testing.assert_allclose(rec["2 sigma(2x) - 1 at points"][0],
                               2 / (1 + np.exp(-2 * x)) - 1, atol=1e-14)
    assert rec["tanh identity worst gap"][0] < 1e-14  # "the two values agree"
    assert rec["tanh range"] == [[[-1.0, 1.0, 0, 0]]] and rec["tanh odd"] == [1.0]
    t_lo, t_hi = rec["tanh saturation edges"][0]
    assert t_hi == pytest.approx(math.atanh(0.99), abs=1e-9) and t_lo == pytest.approx(-t_hi)
    assert t_hi < rec["sigmoid saturation edges"][0][1]  # "it saturates sooner"


def test_activations_relu_softplus_softmax(rendered):
    import numpy as np
    import pytest

    rec = rendered(*ACTIVATIONS, "en").recorded
    assert rec["relu range"] == [[[0.0, INF, 1, 0]]]  # relu(0) = 0: closed
    assert rec["softplus range"] == [[[0.0, INF, 0, 0]]]  # never 0: open
    x = np.array(rec["softplus minus relu x"][0])
    gap = np.array(rec["softplus minus relu"][0])
    np.testing.assert_allclose(gap, np.log1p(np.exp(-np.abs(x))), atol=1e-12)
    # "always above it, by ln 2 at most, at x = 0"
    assert np.all(gap > 0) and gap.max() == pytest.approx(math.log(2))
    assert x[np.argmax(gap)] == 0.0
    at, slope = rec["softplus slope"][0]
    assert slope == pytest.approx(1 / (1 + math.exp(-at))) and slope < 1  # softplus' = sigma
    z = np.array(rec["softmax logits"][0])
    p = np.array(rec["softmax probabilities"][0])
    np.testing.assert_allclose(p, np.exp(z) / np.exp(z).sum(), rtol=1e-12)
    assert rec["softmax sum"][0] == pytest.approx(1.0) and np.argmax(p) == np.argmax(z)
    xp, pair, sig = rec["softmax pair and sigmoid"][0]
    assert pair == pytest.approx(1 / (1 + math.exp(-xp))) == sig


PROPERTIES = ("scenes/functions/function_properties.py", "FunctionProperties")


def test_function_properties_domain_range_monotonicity(rendered):
    import numpy as np

    rec = rendered(*PROPERTIES, "en").recorded
    assert rec["domain of ln"] == [[[0.0, INF, 0, 0]]]  # x > 0: 0 left out
    assert rec["range of cosh2"] == [[[2.0, INF, 1, 0]]]  # e^x + e^-x >= 2, closed at 2
    assert rec["cosh2 lowest point"] == [[0.0, 2.0]]  # e^0 + e^0 = 2 at x = 0
    # falls on (-inf, 0], rises on [0, +inf): 0 in both pieces
    assert rec["cosh2 monotonic pieces"] == [[[-INF, 0.0, 1.0], [0.0, INF, 1.0]]]
    x, y = (np.array(v) for v in rec["cosh2 samples"][0])
    np.testing.assert_allclose(y, np.exp(x) + np.exp(-x), rtol=1e-14)
    assert np.all(np.diff(y[x <= 0]) < 0) and np.all(np.diff(y[x >= 0]) > 0)


def test_function_properties_symmetry_saturation_period_parity(rendered):
    import numpy as np
    import pytest

    rec = rendered(*PROPERTIES, "en").recorded
    a, s_neg, s_pos = rec["sigmoid symmetric pair"][0]
    assert s_pos == pytest.approx(1 / (1 + math.exp(-a))) and s_neg + s_pos == pytest.approx(1)
    # symmetric about (0, 1/2), yet neither even nor odd
    assert rec["sigmoid parity neither"] == [1.0]
    assert abs(s_neg - s_pos) > 0.5 and abs(s_neg + s_pos) > 0.5
    assert rec["arctan asymptotes"] == [[-math.pi / 2, math.pi / 2]]
    assert rec["arctan range"] == [[[-math.pi / 2, math.pi / 2, 0, 0]]]  # open: never reached
    x, gaps = (np.array(v) for v in rec["arctan gaps"][0])
    np.testing.assert_allclose(gaps, np.arctan(1 / x), rtol=1e-12)  # pi/2 - arctan x
    assert np.all(gaps > 0) and np.all(np.diff(gaps) < 0)  # shrinking, never 0
    assert rec["sin period"] == [pytest.approx(2 * math.pi)]
    assert rec["sin shift error"][0] < 1e-12
    assert rec["parity cos sin"] == [[1.0, 1.0]]  # cos even, sin odd
    b, c_neg, c_pos = rec["cos pair"][0]
    assert c_neg == c_pos == pytest.approx(math.cos(b))


def test_function_properties_continuity_and_trend(rendered):
    import numpy as np
    import pytest

    r = rendered(*PROPERTIES, "en")
    rec = r.recorded
    # the step jumps at 0 (left value 0, H(0) = 1), 0 is in its domain, so not continuous
    assert rec["step jump"] == [[0.0, 0.0, 1.0, 1.0, 0.0]]
    # 1/x: continuous on its domain, and 0 is not in it
    assert rec["1/x continuous on its domain"] == [[1.0, 0.0]]
    x, ln = (np.array(v) for v in rec["ln at doublings"][0])
    np.testing.assert_allclose(ln, np.log(x), atol=1e-15)
    np.testing.assert_allclose(np.diff(ln), math.log(2), rtol=1e-12)  # each doubling adds ln 2
    x, e = (np.array(v) for v in rec["exp at steps"][0])
    np.testing.assert_allclose(e[1:] / e[:-1], math.e, rtol=1e-12)  # each step multiplies by e
    assert np.all(np.diff(x) == 1)
    assert any(f"about {math.log(2):.3f}" in n for n in r.narration)
    assert any(f"e, about {math.e:.2f}" in n for n in r.narration)
    assert pytest.approx(math.e, abs=0.005) == 2.72


CONVEXITY = ("scenes/functions/convexity.py", "Convexity")


def test_convexity_chord_above_the_bowl_and_below_the_double_well(rendered):
    import numpy as np
    import pytest

    r = rendered(*CONVEXITY, "en")
    rec = r.recorded
    x, y = rec["bowl chord"][0]
    t, gaps = np.array(rec["bowl chord ts"][0]), np.array(rec["bowl chord gaps"][0])
    np.testing.assert_allclose(gaps, t * (1 - t) * (x - y) ** 2, atol=1e-12)  # for x^2
    assert np.all(gaps >= 0) and gaps[0] == gaps[-1] == 0  # on or above, touching at the ends
    assert rec["bowl convex"] == [1.0]
    k = int(np.argmax(gaps))
    assert t[k] == 0.5 and any(f"largest, {gaps[k]:.3f}, at t = 0.5" in n for n in r.narration)
    a, b = rec["well chord"][0]
    t, gaps = (np.array(v) for v in rec["well chord gaps"][0])
    m = t * a + (1 - t) * b
    np.testing.assert_allclose(gaps, -((m**2 - 1) ** 2), atol=1e-12)  # f - chord = (x^2 - 1)^2
    assert np.all(gaps[1:-1] < 0)  # "between its ends this chord runs below the graph"
    assert rec["well midpoint gap"] == [[0.5, pytest.approx(-1.0)]]
    assert rec["well convex"] == [0.0]


def test_convexity_sets_and_envelope(rendered):
    import numpy as np
    import pytest

    rec = rendered(*CONVEXITY, "en").recorded
    assert rec["disk segment inside"] == [1.0] and rec["disk segment outside parts"] == [[]]
    assert rec["crescent segment inside"] == [0.0]
    (t0, t1), = rec["crescent segment outside parts"][0]
    half = math.sqrt(0.64 - 0.3**2)  # the removed disk (x - 0.6)^2 + y^2 < 0.64 at x = 0.3
    assert t0 == pytest.approx((0.85 - half) / 1.7, abs=0.005)
    assert t1 == pytest.approx((0.85 + half) / 1.7, abs=0.005)
    x, env, f = (np.array(rec[k][0]) for k in ("envelope x", "envelope", "envelope f"))
    np.testing.assert_allclose(f, x**4 - 2 * x**2 + 0.3 * x, atol=1e-12)
    assert np.all(env <= f + 1e-12) and np.all(np.diff(env, 2) >= -1e-9)  # below f, convex
    inside = np.abs(x) <= 1
    np.testing.assert_allclose(env[inside], 0.3 * x[inside] - 1, atol=1e-12)  # the bridge
    np.testing.assert_allclose(env[~inside], f[~inside], atol=1e-12)  # hugs the graph
    assert rec["envelope bridge"][0] == pytest.approx([-1.0, 1.0, 0.3, -1.0])


NUMPY_TORCH = ("scenes/functions/numpy_torch.py", "NumpyTorch")


def _run_function_listing(name: str, capsys) -> list[str]:
    import runpy

    from scenes.common.widgets import PROJECT_ROOT

    runpy.run_path(str(PROJECT_ROOT / "scenes/functions/code" / name), run_name="__main__")
    return capsys.readouterr().out.splitlines()


def test_numpy_torch_listings_run_and_print_what_the_scene_shows(capsys):
    assert _run_function_listing("convert.py", capsys) == [
        "<class 'numpy.ndarray'>", "<class 'torch.Tensor'>",
        "tensor([10.,  2.,  3.], dtype=torch.float64)"]
    sizes, values = _run_function_listing("log_plot.py", capsys)
    assert sizes.split() == ["99", "0.1", "9.9"]
    assert [float(v) for v in values.split()] == [0.0, math.log(9.9)]


def test_numpy_torch_scene_numbers(rendered):
    import numpy as np
    import pytest
    import torch

    r = rendered(*NUMPY_TORCH, "en")
    rec = r.recorded
    assert rec["converted types"] == [[1.0, 1.0]]
    assert rec["shared d"] == [[10.0, 2.0, 3.0]]  # b[0] = 10 shows in d: shared memory
    assert rec["d is float64"] == [1.0]
    x = np.array(rec["log x"][0])
    np.testing.assert_allclose(x, np.arange(1, 100) / 10, atol=1e-12)  # 0.1 ... 9.9, no 10
    assert len(x) == 99 and x[-1] < 10
    np.testing.assert_allclose(rec["log y"][0], np.log(x), atol=1e-15)
    assert rec["log y2"] == [[0.0] * 99]
    (x1, y1), (x2, y2) = rec["log read"][0]
    assert (x1, y1) == (1.0, 0.0) and x2 == pytest.approx(9.9) and y2 == pytest.approx(
        math.log(9.9))
    assert any("99 points, from 0.1 to 9.9" in n for n in r.narration)
    # "a tensor that needs gradients must be detached first"
    with pytest.raises(RuntimeError):
        torch.ones(2, requires_grad=True).numpy()
    assert torch.ones(2, requires_grad=True).detach().numpy().tolist() == [1.0, 1.0]


def test_numpy_torch_listings_in_chinese_translate_only_the_comments():
    import re

    from scenes.common.widgets import PROJECT_ROOT, code_block
    from scenes.functions.numpy_torch import COMMENTS_ZH
    from scenes.options import SceneOptions, use_options

    with use_options(SceneOptions("zh")):
        for name in ("convert.py", "log_plot.py"):
            path = "scenes/functions/code/" + name
            shown = code_block(path, comments_zh=COMMENTS_ZH).source
            original = (PROJECT_ROOT / path).read_text(encoding="utf-8")
            for line_zh, line in zip(shown.splitlines(), original.splitlines(), strict=True):
                code_zh, _, comment_zh = line_zh.partition("  # ")
                code, _, comment = line.partition("  # ")
                assert code_zh == code  # the code is untouched
                assert not re.search(r"\b(?!x|y|d|ln)[a-z]{2,}\b", comment_zh), comment_zh


# Exponentials, logarithms, trigonometric and inverse functions (issue 16, scenes 2-5) ---------

EXP_LOG = ("scenes/functions/exp_log.py", "ExponentialAndLogarithm")
LOGS = ("scenes/functions/logarithm.py", "Logarithms")
TRIG = ("scenes/functions/trig_functions.py", "TrigonometricFunctions")
INV_TRIG = ("scenes/functions/inverse_trig.py", "InverseTrigonometricFunctions")
INVERSE = ("scenes/functions/inverse_functions.py", "InverseFunctions")
REAL_LINE = [[-INF, INF, 0, 0]]
POSITIVE = [[0.0, INF, 0, 0]]


def test_exponentials_pass_through_0_1_with_open_range(rendered):
    rec = rendered(*EXP_LOG, "en").recorded
    for name, grows in (("exp_2", 1.0), ("exp_e", 1.0)):
        assert rec[f"exp {name} at 0"] == [1.0]  # a^0 = 1
        assert rec[f"exp {name} increasing"] == [grows]
        assert rec[f"exp {name} domain"] == [REAL_LINE]
        assert rec[f"exp {name} range"] == [POSITIVE]  # 0 never reached: open end
    assert rec["exp asymptote y"] == [0.0]
    # (1/2)^x = 2^(-x): the mirror image in the y axis, decreasing
    assert rec["half^-1"] == [2.0] == rec["two^1"]
    assert rec["exp half increasing"] == [0.0] and rec["exp half decreasing"] == [1.0]
    assert rec["exp half range"] == [POSITIVE]


def test_two_exponentials_make_a_bowl_that_is_not_a_parabola(rendered):
    import numpy as np
    import pytest

    rec = rendered(*EXP_LOG, "en").recorded
    assert rec["bowl minimum"] == [[0.0, 2.0]]  # e^0 + e^0 = 2 at x = 0
    assert rec["bowl range"] == [[[2.0, INF, 1, 0]]]  # [2, +inf): 2 is attained
    assert rec["bowl even"] == [1.0]
    # its Taylor polynomial of order 2 is 2 + x^2 (cosh x = 1 + x^2/2 + ...)
    np.testing.assert_allclose(rec["bowl taylor coefficients"][0], [2.0, 0.0, 1.0], atol=1e-9)
    x = np.array(rec["compare x"][0])
    np.testing.assert_allclose(rec["compare bowl"][0], np.exp(x) + np.exp(-x), rtol=1e-12)
    np.testing.assert_allclose(rec["compare parabola"][0], 2 + x**2, rtol=1e-9)
    # "the exponentials pull away ever faster": the gap grows, and the sum is larger
    gap = np.array(rec["compare bowl"][0]) - np.array(rec["compare parabola"][0])
    assert np.all(gap > 0) and np.all(np.diff(gap) > 0) and rec["compare gap grows"] == [1.0]
    assert rec["compare bowl"][0][-1] == pytest.approx(2 * math.cosh(3))  # 20.1 at x = 3


def test_logarithm_graph_domain_range_and_point_1_0(rendered):
    rec = rendered(*LOGS, "en").recorded
    for name, grows in (("log_e", 1.0), ("log_1/2", 0.0)):
        assert rec[f"log {name} at 1"] == [0.0]  # log_a 1 = 0
        assert rec[f"log {name} increasing"] == [grows]
        assert rec[f"log {name} domain"] == [POSITIVE]
        assert rec[f"log {name} range"] == [REAL_LINE]
    assert rec["log asymptote x"] == [0.0]


def test_logs_turn_products_into_sums_and_powers_into_products(rendered):
    import pytest

    rec = rendered(*LOGS, "en").recorded
    a, b = rec["factors"][0]
    assert rec["log factors"][0] == pytest.approx([math.log2(a), math.log2(b)])
    assert rec["log of product"][0] == pytest.approx(math.log2(a * b))
    assert rec["sum of logs"][0] == pytest.approx(math.log2(a) + math.log2(b))
    assert rec["log of product"][0] == pytest.approx(8.0)  # log2(8 * 32) = 3 + 5
    n, product, log_product, n_log = rec["power"][0]
    assert product == a**n and log_product == pytest.approx(n_log) == pytest.approx(n * 3)


def test_likelihood_underflows_in_float32_while_its_log_sum_is_ordinary(rendered):
    import pytest

    rec = rendered(*LOGS, "en").recorded
    p, n = rec["likelihood p n"][0]
    assert rec["float32 product"] == [0.0]  # the scene says "exactly zero"
    assert p**n < rec["float32 smallest"][0] == pytest.approx(2.0**-149)
    assert rec["float32 log sum"][0] == pytest.approx(n * math.log(p), rel=1e-6)  # -138.6
    assert rec["exact log10"][0] == pytest.approx(n * math.log10(p))


def test_log_axis_turns_the_course_loss_into_a_straight_line(rendered):
    import numpy as np
    import pytest

    rec = rendered(*LOGS, "en").recorded
    loss = np.array(rec["losses"][0])
    k = np.arange(len(loss))
    np.testing.assert_allclose(loss, 6.7**2 * 0.85 ** (2 * k), rtol=1e-9)  # (w - 2.3)^2, lr 0.075
    np.testing.assert_allclose(rec["loss ratio"][0], 0.85**2, rtol=1e-9)  # one factor: a line
    flat = int(rec["flat from step"][0])  # "looks like zero from step k on": below 2% of the axis
    assert loss[flat] < 0.02 * 50 <= loss[flat - 1]
    powers = rec["powers of ten"][0]  # "more than 5 powers of ten"
    assert powers == pytest.approx(math.log10(loss[0] / loss[-1])) and 5 < powers < 6


def test_one_outlier_moves_the_mean_far_more_than_the_mean_of_logs(rendered):
    import numpy as np
    import pytest

    rec = rendered(*LOGS, "en").recorded
    v = np.array(rec["pings"][0])
    typical = v[:-1]
    mean0, mean1, geo0, geo1 = rec["means"][0]
    assert mean0 == pytest.approx(typical.mean()) and mean1 == pytest.approx(v.mean())
    assert geo0 == pytest.approx(np.exp(np.log(typical).mean()))
    assert geo1 == pytest.approx(np.exp(np.log(v).mean()))
    assert rec["mean factor"][0] == pytest.approx(mean1 / mean0)
    assert rec["geo factor"][0] == pytest.approx(geo1 / geo0)
    # "grows only G times, not M; the outlier still pulls, but far less"
    assert rec["mean factor"][0] > 10 * (rec["geo factor"][0] - 1) > 1


def test_trig_periods_parity_and_ranges(rendered):
    import numpy as np

    rec = rendered(*TRIG, "en").recorded
    x = np.linspace(0.1, 3.0, 30)
    for name, fn, period in (("sin", np.sin, 2 * math.pi), ("cos", np.cos, 2 * math.pi),
                             ("tan", np.tan, math.pi), ("cot", lambda t: 1 / np.tan(t), math.pi),
                             ("sec", lambda t: 1 / np.cos(t), 2 * math.pi),
                             ("csc", lambda t: 1 / np.sin(t), 2 * math.pi)):
        assert rec[f"{name} period"] == [period]
        np.testing.assert_allclose(fn(x + period), fn(x), rtol=1e-6)
        sign = rec[f"{name} parity"][0]  # f(-x) = sign * f(x)
        np.testing.assert_allclose(fn(-x), sign * fn(x), rtol=1e-9)
    assert rec["sin range"] == rec["cos range"] == [[[-1.0, 1.0, 1, 1]]]
    assert rec["tan range"] == rec["cot range"] == [REAL_LINE]
    sec_range = [[-INF, -1.0, 0, 1], [1.0, INF, 1, 0]]  # |sec x| >= 1, attained at +-1
    assert rec["sec range"] == rec["csc range"] == [sec_range]
    assert rec["sec gap"] == [[-1.0, 1.0]]


def test_trig_asymptotes_where_the_denominator_vanishes_and_no_line_crosses_one(rendered):
    import numpy as np

    rec = rendered(*TRIG, "en").recorded
    k = np.arange(-3, 3)
    half = math.pi / 2 + k * math.pi  # cos x = 0: tan and sec
    whole = np.arange(-2, 3) * math.pi  # sin x = 0: cot and csc
    np.testing.assert_allclose(rec["tan asymptotes"][0], half[np.abs(half) <= 2 * math.pi])
    np.testing.assert_allclose(rec["sec asymptotes"][0], half[np.abs(half) <= 2 * math.pi])
    np.testing.assert_allclose(rec["cot asymptotes"][0], whole, atol=1e-12)
    np.testing.assert_allclose(rec["csc asymptotes"][0], whole, atol=1e-12)
    np.testing.assert_allclose(np.cos(rec["tan asymptotes"][0]), 0, atol=1e-12)
    np.testing.assert_allclose(np.sin(rec["cot asymptotes"][0]), 0, atol=1e-12)
    assert rec["tan domain holes"] == [[math.pi / 2, math.pi]]  # x != pi/2 + k pi
    assert rec["cot domain holes"] == [[0.0, math.pi]]  # x != k pi
    for name in ("tan", "cot", "sec", "csc"):
        poles = np.array(rec[f"{name} poles"][-1])
        for lo, hi in rec[f"{name} pieces"][-1]:  # each drawn piece stays between two poles
            assert not np.any((poles > lo) & (poles < hi)), (name, lo, hi)
    assert rec["sin poles"] == [[]] and len(rec["sin pieces"][0]) == 1  # one unbroken curve


def test_inverse_trig_restricted_pieces_domains_and_ranges(rendered):
    import numpy as np
    import pytest

    rec = rendered(*INV_TRIG, "en").recorded
    h = math.pi / 2
    assert rec["arcsin piece"] == [[-h, h, 1, 1]]
    assert rec["arcsin domain"] == [[[-1.0, 1.0, 1, 1]]] and rec["arcsin range"] == [[[-h, h, 1, 1]]]
    assert rec["arccos piece"] == [[0.0, math.pi, 1, 1]]
    assert rec["arccos domain"] == [[[-1.0, 1.0, 1, 1]]]
    assert rec["arccos range"] == [[[0.0, math.pi, 1, 1]]]
    assert rec["arctan piece"] == [[-h, h, 0, 0]] and rec["arctan range"] == [[[-h, h, 0, 0]]]
    assert rec["arctan domain"] == [REAL_LINE] and rec["arctan asymptotes"] == [[-h, h]]
    # arccot in (0, pi), the course's convention: arccot x = pi/2 - arctan x
    assert rec["arccot piece"] == [[0.0, math.pi, 0, 0]]
    assert rec["arccot range"] == [[[0.0, math.pi, 0, 0]]]
    assert rec["arccot asymptotes"] == [[0.0, math.pi]]
    assert [rec[f"{g} increasing"] for g in ("arcsin", "arccos", "arctan", "arccot")] == \
        [[1.0], [0.0], [1.0], [0.0]]
    # the point (a, f(a)) and its mirror (f(a), a) on the inverse
    for g, f in (("arcsin", np.sin), ("arccos", np.cos), ("arctan", np.tan),
                 ("arccot", lambda t: 1 / np.tan(t))):
        a, b, b2, back = rec[f"{g} mirrored point"][0]
        assert b == pytest.approx(f(a)) and b2 == b and back == pytest.approx(a)


def test_inverse_functions_mirror_points_and_swap_domain_and_range(rendered):
    import pytest

    rec = rendered(*INVERSE, "en").recorded
    assert rec["mirrored exp points land on ln"] == [1.0]
    for a, b, b2, back in rec["point a b"]:
        assert b == pytest.approx(math.exp(a)) and b2 == b and back == pytest.approx(a)
    assert rec["point a b"][-1][1] == pytest.approx(math.e)  # "at a = 1, b = e = 2.72"
    assert rec["shown a b"] == [pytest.approx([1.0, math.e])]
    assert rec["midpoint on y = x"] == [1.0, 1.0]
    for dx, dy in rec["link direction"]:  # along (1, -1): perpendicular to y = x
        assert dx == pytest.approx(-dy)
    assert rec["exp domain"] == rec["ln range"] == [REAL_LINE]
    assert rec["exp range"] == rec["ln domain"] == [POSITIVE]
    assert rec["exp range is ln domain"] == rec["exp domain is ln range"] == [1.0]


def test_inverse_functions_need_one_to_one(rendered):
    rec = rendered(*INVERSE, "en").recorded
    assert rec["twins"] == [[[2.0, 4.0], [-2.0, 4.0]]]  # (-2)^2 = 2^2 = 4
    assert rec["sideways hits"] == [[[4.0, 2.0], [4.0, -2.0]]]  # x = 4 meets the mirror twice
    assert rec["square piece"] == [[0.0, INF, 1.0]]  # keep x >= 0
    assert rec["sqrt domain"] == rec["sqrt range"] == [[[0.0, INF, 1, 0]]]
