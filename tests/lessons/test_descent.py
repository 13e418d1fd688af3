"""lessons.descent: gradient descent's path (notebooks 05, 08, 10), its runs on the two teaching
surfaces with their labels (converges / oscillates / diverges), and the optimizer race.

On E(w) = (w - 3)² + 1 one step multiplies the distance to the minimum by (1 - 2 eta):
eta < 0.5 creeps in from one side, eta = 0.5 lands in one step, 0.5 < eta < 1 jumps across
and still converges, eta = 1 bounces forever, eta > 1 diverges. On w1² + 10 w2² the factors
are (1 - 2 eta) and (1 - 20 eta): the steep direction diverges for eta > 0.1.
On the valley E = 0.05 w1^2 + w2^2 from (-9, 2), 40 steps: SGD (lr 0.8) ends near E = 0.0051,
momentum (lr 0.8, beta 0.5) near 2e-8, Adam (lr 0.3) near 0.009.
"""
import warnings

import numpy as np
import pytest

from nn_helpers.lessons.descent import (OPTIMIZER_SURFACES, classify_descent, descent_path, descent_run,
                                        optimizer_surface, race_losses, race_paths)
from nn_helpers.optimizers import SGD, optimize_path

pytestmark = pytest.mark.filterwarnings("error")


# ---------------------------------------------------------------- one path

def quadratic():
    """L = w1^2 + 10 w2^2: minimum at (0, 0); gradient (2 w1, 20 w2); stable for lr < 2 / 20."""
    return (lambda w1, w2: w1 ** 2 + 10 * w2 ** 2), (lambda w: np.array([2 * w[0], 20 * w[1]]))


def test_descent_path_converges_to_the_minimum_for_a_small_step():
    _, grad = quadratic()
    start = np.array([-4.0, 1.5])
    path = descent_path(grad, start, lr=0.04, steps=200)
    assert path.shape == (201, 2)
    np.testing.assert_array_equal(path[0], start)
    np.testing.assert_allclose(path[1], start - 0.04 * grad(start))
    np.testing.assert_allclose(path[-1], [0, 0], atol=1e-6)
    np.testing.assert_array_equal(start, [-4.0, 1.5])          # the caller's array is unchanged


def test_descent_path_diverges_for_a_too_large_step():
    _, grad = quadratic()
    path = descent_path(grad, [-4.0, 1.5], lr=0.11, steps=50)   # w2 <- (1 - 2.2) w2: x1.2 a step
    assert np.all(np.isfinite(path)) and abs(path[-1, 1]) > 1000 * 1.5
    with pytest.warns(RuntimeWarning, match="diverged"):
        huge = descent_path(grad, [1.0, 1.0], lr=50.0, steps=400)
    assert np.isnan(huge[-1]).all() and np.isfinite(huge[0]).all()
    with pytest.raises(ValueError, match="shape"):
        descent_path(lambda w: np.zeros(3), [1.0, 1.0], lr=0.1, steps=2)


@pytest.mark.parametrize("lr, steps", [(0.04, 50), (0.09, 30), (0.11, 40), (50.0, 400)])
def test_descent_path_is_sgd_run_by_optimize_path(lr, steps):
    """One gradient descent in the package: descent_path is optimize_path(SGD(lr), ...), and both
    take exactly the steps of the plain loop w <- w - lr grad(w) (NaN from the overflow on)."""
    _, grad = quadratic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)         # lr 50 diverges, and says so
        path = descent_path(grad, [-4.0, 1.5], lr, steps)
        same = optimize_path(SGD(lr), grad, np.array([-4.0, 1.5]), steps)
        loop = [np.array([-4.0, 1.5])]
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(steps):
                loop.append(loop[-1] - lr * grad(loop[-1]))
    loop = np.array(loop)
    overflowed = ~np.isfinite(loop).all(axis=1)
    if overflowed.any():                                        # from the first overflow on: NaN
        loop[np.argmax(overflowed):] = np.nan
    np.testing.assert_array_equal(path, same)
    np.testing.assert_array_equal(path, loop)


# ---------------------------------------------------------------- runs on the teaching surfaces (notebook 08)

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


# ---------------------------------------------------------------- the optimizer race (notebook 10)

@pytest.mark.parametrize("name", list(OPTIMIZER_SURFACES))
def test_surface_gradients_match_finite_differences_and_the_minimum_is_zero(name):
    s = optimizer_surface(name)
    assert s["f"](*s["minimum"]) == 0
    rng = np.random.default_rng(0)
    for w in rng.uniform(-1.5, 1.5, size=(5, 2)):
        h = 1e-6
        numeric = [(s["f"](*(w + h * e)) - s["f"](*(w - h * e))) / (2 * h) for e in np.eye(2)]
        assert s["grad"](w) == pytest.approx(numeric, rel=1e-6, abs=1e-6)


def test_race_on_the_valley_gives_the_documented_numbers():
    paths = race_paths("valley", lr=0.8, beta=0.5, adam_lr=0.3, steps=40)
    losses = race_losses("valley", paths)
    assert {k: p.shape for k, p in paths.items()} == {k: (41, 2) for k in ("SGD", "momentum", "Adam")}
    assert losses["SGD"][-1] == pytest.approx(0.0051, rel=0.05)
    assert losses["momentum"][-1] < 1e-7
    assert losses["Adam"][-1] == pytest.approx(0.0092, rel=0.05)     # Adam does not win on a quadratic


def test_a_diverging_race_is_quiet_and_ends_in_nan():
    paths = race_paths("rosenbrock", lr=0.5, beta=0.9, adam_lr=0.1, steps=30)   # no warning (filterwarnings error)
    assert np.isnan(paths["SGD"][-1]).all() and np.isfinite(paths["SGD"][0]).all()
    assert np.isnan(race_losses("rosenbrock", paths)["SGD"][-1])
    assert optimizer_surface("Valley") is OPTIMIZER_SURFACES["valley"]       # names in any case


# ---------------------------------------------------------------- notebook 08's initial weights (a test of MLP)

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
