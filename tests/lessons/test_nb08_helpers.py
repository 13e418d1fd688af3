"""Notebook 08's helpers: gradient descent runs on the two teaching surfaces, their labels
(converges / oscillates / diverges), and ``widgets.learning_rate_explorer``.

On E(w) = (w - 3)² + 1 one step multiplies the distance to the minimum by (1 - 2 eta):
eta < 0.5 creeps in from one side, eta = 0.5 lands in one step, 0.5 < eta < 1 jumps across
and still converges, eta = 1 bounces forever, eta > 1 diverges. On w1² + 10 w2² the factors
are (1 - 2 eta) and (1 - 20 eta): the steep direction diverges for eta > 0.1.
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.viz.plotting import (DESCENT_SURFACES, classify_descent, descent_run,
                                 plot_descent_run)
from nn_helpers.widgets.explorers import Explorer, learning_rate_explorer

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def explorer():
    made = []
    yield lambda **kw: made.append(learning_rate_explorer(**kw)) or made[-1]
    for e in made:
        e.close()
    plt.close("all")


@pytest.mark.parametrize("lr", [0.01, 0.3, 0.5, 0.95, 1.05])
def test_each_step_multiplies_the_distance_by_one_minus_two_eta(lr):
    run = descent_run("1d", lr, 12)
    t = np.arange(13)
    assert run["path"][:, 0] - 3 == pytest.approx((1 - 2 * lr) ** t * (-1.0 - 3), rel=1e-9, abs=1e-12)
    assert run["loss"] == pytest.approx((run["path"][:, 0] - 3) ** 2 + 1)


@pytest.mark.parametrize("surface, lr, regime", [
    ("1d", 0.01, "converges"), ("1d", 0.3, "converges"), ("1d", 0.5, "converges"),
    ("1d", 0.95, "oscillates"), ("1d", 1.0, "oscillates"), ("1d", 1.05, "diverges"), ("1d", 2.0, "diverges"),
    ("2d", 0.02, "converges"), ("2d", 0.09, "oscillates"), ("2d", 0.105, "diverges"), ("2d", 2.0, "diverges"),
])
def test_regimes(surface, lr, regime):
    assert descent_run(surface, lr, 30)["regime"] == regime


def test_details_say_slowly_forever_and_too_large():
    assert descent_run("1d", 0.01, 20)["detail"].startswith("slowly")
    assert "forever" in descent_run("1d", 1.0, 20)["detail"]
    assert "too large" in descent_run("1d", 1.05, 20)["detail"]


def test_an_overflow_is_a_divergence_without_warnings():
    path = np.array([[0.0], [1e200], [np.nan]])
    assert classify_descent(path, np.array([1.0, np.inf, np.nan]))[0] == "diverges"


def test_unknown_surface_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown surface"):
        descent_run("3d", 0.1, 10)


@pytest.mark.parametrize("surface", list(DESCENT_SURFACES))
def test_plot_has_labelled_axes_and_the_regime_in_the_title(surface):
    fig, axes = plt.subplots(1, 2)
    plot_descent_run(descent_run(surface, 0.95 if surface == "1d" else 0.09, 20), axes)
    assert "oscillates" in axes[0].get_title()
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes)


def test_explorer_moves_the_path_when_the_slider_moves(explorer):
    e = explorer(lr=0.3)
    assert isinstance(e, Explorer)
    line = next(a for a in e.figure.axes[0].lines if a.get_gid() == "path")
    before = np.array(line.get_xdata(), dtype=float)
    e.update(lr=0.01)
    after = np.array(line.get_xdata(), dtype=float)
    assert not np.allclose(before, after)
    assert after == pytest.approx(descent_run("1d", 0.01, 20)["path"][:, 0])
    assert e.current["run"]["lr"] == pytest.approx(0.01)


def test_a_divergent_rate_is_labelled_divergent(explorer):
    e = explorer()
    e.update(lr=1.5)
    assert e.current["run"]["regime"] == "diverges"
    assert "diverges" in e.figure.axes[0].get_title()
    e.update(surface="2d", lr=0.2, steps=60)
    assert e.current["run"]["regime"] == "diverges"
    assert "diverges" in e.figure.axes[0].get_title()


def test_switching_surface_draws_afresh_and_steps_set_the_length(explorer):
    e = explorer(surface="2d", steps=7)
    assert len(e.current["run"]["path"]) == 8 and e.current["run"]["path"].shape[1] == 2
    e.update(surface="1d", steps=3)
    assert e.current["run"]["path"].shape == (4, 1)
    assert e.snapshot().data[:4] == b"\x89PNG"


@pytest.mark.parametrize("kwargs, message", [
    ({"lr": 5.0}, "lr must be between"), ({"lr": -1.0}, "lr"), ({"steps": 100}, "steps must be"),
    ({"surface": "3d"}, "unknown surface"),
])
def test_bad_arguments_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        learning_rate_explorer(**kwargs)


def test_the_default_scale_sqrt_1_over_n_in_keeps_the_spread_of_z_like_that_of_a():
    """Notebook 08's variance argument: Var(z) = n_in Var(w) Var(a), so std(w) = sqrt(1/n_in)
    keeps Var(z) close to Var(a); std 0.01 shrinks it 100-fold (n_in = 100, factor 100 * 1e-4)."""
    from nn_helpers import MLP
    rng = np.random.default_rng(0)
    a = rng.normal(size=(2000, 100))                         # Var(a) = 1
    W = MLP([100, 100], activation="tanh", seed=0).weights[0]
    assert W.std() == pytest.approx(0.1, rel=0.02)
    assert (a @ W.T).var() == pytest.approx(a.var(), rel=0.1)
    small = rng.normal(0.0, 0.01, size=(100, 100))
    assert (a @ small.T).var() == pytest.approx(a.var() / 100, rel=0.1)
