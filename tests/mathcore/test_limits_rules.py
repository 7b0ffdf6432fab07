"""mathcore.calculus additions for the limits and derivative lectures, against closed forms:
sin(x)/x and its epsilon-delta windows, the epsilon-N threshold of a sequence, critical points
of f', and the sum, product and quotient rules."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from mathcore.calculus import (
    COMBINATION_RULES,
    alternating_sequence,
    critical_points,
    delta_works,
    derivative,
    epsilon_delta,
    sequence_threshold,
    sin_over_x,
)


@pytest.mark.parametrize("eps", [0.2, 0.1, 0.03, 0.01])
def test_sin_over_x_delta_keeps_every_x_in_the_band(eps):
    delta = epsilon_delta(sin_over_x, 0.0, 1.0, eps, delta_max=2.0)
    x = np.linspace(-delta, delta, 100_001)
    x = x[x != 0]
    assert np.all(np.abs(np.sin(x) / x - 1) < eps)
    # halving: twice the delta is too wide (sin x / x is even and falls away from 0)
    if delta < 2.0:
        assert abs(math.sin(2 * delta) / (2 * delta) - 1) >= eps
        assert not delta_works(sin_over_x, 0.0, 1.0, eps, 2 * delta)
    assert delta_works(sin_over_x, 0.0, 1.0, eps, delta)


def test_delta_works_rejects_non_positive_inputs():
    with pytest.raises(ValueError, match="delta"):
        delta_works(sin_over_x, 0.0, 1.0, 0.1, 0.0)


def test_alternating_sequence_closed_form():
    n = np.arange(1, 21)
    np.testing.assert_allclose(alternating_sequence(n), 1 + (-1.0) ** (n + 1) / n, rtol=1e-15)
    assert alternating_sequence(1) == 2.0 and alternating_sequence(2) == 0.5
    with pytest.raises(ValueError):
        alternating_sequence(0)


@pytest.mark.parametrize("eps", [0.3, 0.12, 0.045, 0.0123])
def test_sequence_threshold_is_floor_of_one_over_eps_plus_one(eps):
    # |a_n - 1| = 1/n < eps  <=>  n > 1/eps (eps chosen so 1/eps is not a whole number)
    terms = alternating_sequence(np.arange(1, 200))
    assert sequence_threshold(terms, 1.0, eps) == math.floor(1 / eps) + 1


def test_sequence_threshold_needs_enough_terms():
    with pytest.raises(ValueError, match="more terms"):
        sequence_threshold(alternating_sequence(np.arange(1, 5)), 1.0, 0.1)
    assert sequence_threshold(np.array([1.0, 1.0]), 1.0, 0.1) == 1


def test_critical_points_of_cubic_and_sine():
    np.testing.assert_allclose(critical_points(lambda x: x**3 - 3 * x, -2.2, 2.2), [-1, 1],
                               atol=1e-12)
    np.testing.assert_allclose(critical_points(lambda x: x**3 - 3 * x, -2.0, 2.0), [-1, 1],
                               atol=1e-12)  # roots exactly on the grid
    assert critical_points(lambda x: x**3, -1.0, 1.0).size == 0  # f' = 3x^2 keeps its sign
    np.testing.assert_allclose(critical_points(torch.sin, 0.0, 7.0), [math.pi / 2,
                                                                     3 * math.pi / 2],
                               atol=1e-12)


@pytest.mark.parametrize("rule", COMBINATION_RULES, ids=lambda r: r.name)
def test_combination_rules_match_autograd_and_closed_form(rule):
    x = np.linspace(*rule.domain, 41)
    closed = {"sum": np.cos(x) + 2 * x,
              "product": np.cos(x) * (x**2 + 1) + np.sin(x) * 2 * x,
              "quotient": (np.cos(x) * (x**2 + 1) - 2 * x * np.sin(x)) / (x**2 + 1) ** 2}
    np.testing.assert_allclose(derivative(rule.f, x), closed[rule.name], rtol=1e-12, atol=1e-14)
    with torch.no_grad():
        df = rule.df(torch.as_tensor(x)).numpy()
    np.testing.assert_allclose(df, closed[rule.name], rtol=1e-12, atol=1e-14)


def test_compound_interest_at_a_rate_tends_to_e_to_the_rate():
    from mathcore.calculus import compound_interest

    n = np.array([1, 4, 12, 365, 10**9])
    v = compound_interest(n, rate=0.05)
    np.testing.assert_allclose(v[:4], (1 + 0.05 / n[:4]) ** n[:4], rtol=1e-12)
    assert np.all(np.diff(v) > 0) and np.all(v < math.exp(0.05))
    assert v[-1] == pytest.approx(math.exp(0.05), rel=1e-9)  # gap r^2 e^r / 2n
    assert compound_interest(12) == compound_interest(12, rate=1.0)
    with pytest.raises(ValueError, match="rate"):
        compound_interest(3, rate=-1.0)


def test_cubic_hill_derivative_and_critical_points():
    from mathcore.calculus import cubic_hill

    x = np.linspace(-2.4, 2.4, 49)
    np.testing.assert_allclose(derivative(cubic_hill, x), x**2 - 1, atol=1e-12)
    np.testing.assert_allclose(critical_points(cubic_hill, -2.4, 2.4), [-1.0, 1.0], atol=1e-12)
