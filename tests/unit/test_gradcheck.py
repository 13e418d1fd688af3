"""Central differences, and backprop checked against them for every activation and loss pairing.

The checker itself is tested both ways: it passes correct gradients, and it FAILS on
gradients that are 1% off, on a wrong derivative, and on a single wrong entry.
"""
import dataclasses

import numpy as np
import pytest

from nn_helpers import MLP, activations, examples
from nn_helpers.gradcheck import (GradCheck, gradient_check, numerical_gradient,
                                  numerical_gradients, relative_error)

pytestmark = pytest.mark.filterwarnings("error")

HIDDEN = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]
OUTPUT_LOSS = [("sigmoid", "squared_error"), ("sigmoid", "mse"), ("sigmoid", "mae"),
               ("sigmoid", "binary_cross_entropy"), ("sigmoid", "cross_entropy"),
               ("softmax", "cross_entropy"), ("softmax", "squared_error"), ("softmax", "mse"),
               ("softmax", "binary_cross_entropy"), ("identity", "mse"),
               ("identity", "squared_error"), ("identity", "mae"), ("tanh", "mae"),
               ("tanh", "squared_error"), ("relu", "mse"), ("leaky_relu", "squared_error")]


def make_problem(sizes, hidden="sigmoid", output="sigmoid", loss="squared_error", seed=0, n=6,
                 kink_margin=1e-4):
    """A net with random weights AND random non-zero biases, inputs X and targets Y.

    Targets are int labels for cross_entropy (so the one-hot conversion is exercised too),
    soft targets in (0, 1) otherwise. The asserts keep every relu/leaky_relu input and every
    mae error at least ``kink_margin`` away from its kink, where a central difference
    measures neither slope (None: no check, for random seeds where a rare near-kink is
    a chance of about 1e-5 per example).
    """
    rng = np.random.default_rng(seed)
    net = MLP(sizes, hidden, output, loss, seed=seed)
    net.biases = [rng.normal(0, 0.3, size=b.shape) for b in net.biases]
    X = rng.normal(size=(n, sizes[0]))
    if loss == "cross_entropy":
        Y = rng.integers(0, sizes[-1], size=n)
    else:
        Y = rng.uniform(0.05, 0.95, size=(n, sizes[-1]))
    if kink_margin is not None:
        trace = net.forward_trace(X)
        assert min(np.min(np.abs(z)) for z in trace["z"][1:]) > kink_margin
        if loss == "mae":
            assert np.min(np.abs(trace["a"][-1] - Y)) > kink_margin
    return net, X, Y


# --------------------------------------------------------------------------- numerical_gradient

def test_numerical_gradient_of_a_known_function():
    """f(x) = sum x^3 + x_0 x_1 has gradient 3 x^2 + (x_1, x_0, 0, ...)."""
    x = np.array([[0.5, -1.2], [2.0, 0.1]])
    expected = 3 * x ** 2
    expected[0, 0] += x[0, 1]
    expected[0, 1] += x[0, 0]
    numerical = numerical_gradient(lambda v: np.sum(v ** 3) + v[0, 0] * v[0, 1], x)
    assert numerical.shape == x.shape
    np.testing.assert_allclose(numerical, expected, rtol=1e-8)


def test_numerical_gradient_is_central_with_error_of_order_eps_squared():
    """For exp at 1 with eps = 1e-3: central error e eps^2 / 6 = 4.5e-7; one-sided would be 1.4e-3."""
    g = numerical_gradient(lambda v: np.exp(v[0]), np.array([1.0]), eps=1e-3)[0]
    assert abs(g - np.e) == pytest.approx(np.e * 1e-6 / 6, rel=1e-3)


def test_numerical_gradient_leaves_x_alone():
    x = np.array([1.0, 2.0, 3.0])
    seen = []
    numerical_gradient(lambda v: seen.append(v.copy()) or float(np.sum(v)), x)
    np.testing.assert_array_equal(x, [1.0, 2.0, 3.0])
    assert len(seen) == 6                                # two evaluations per entry


@pytest.mark.parametrize("f, x, eps, error, message", [
    ("not a function", [1.0], 1e-6, TypeError, r"f must be a function of one array; got str"),
    (np.sum, [1.0], 0.0, ValueError, r"eps must be > 0; got 0.0"),
    (np.sum, [1.0], np.nan, ValueError, r"eps must be finite; got nan"),
    (np.sum, [1.0, np.nan], 1e-6, ValueError, r"x must be finite; got 1 NaN or inf"),
    (np.sum, "abc", 1e-6, TypeError, r"x must be numeric"),
])
def test_numerical_gradient_rejects_bad_arguments(f, x, eps, error, message):
    with pytest.raises(error, match=message):
        numerical_gradient(f, x, eps)


# --------------------------------------------------------------------------- numerical_gradients

def test_numerical_gradients_match_backprop_on_the_mazur_net():
    """Backprop's dE/dw (e.g. dE/dw5 = 0.082167041) agrees with central differences entry by entry."""
    net, x, t = examples.mazur_example()
    dW, db = net.gradients(x, t)
    nW, nb = numerical_gradients(net, x, t)
    # rounding noise of a central difference: about |E| * 1e-16 / eps = 0.3e-16 / 1e-6 ~ 1e-10
    for exact, approx in zip(dW + db, nW + nb):
        assert exact.shape == approx.shape
        np.testing.assert_allclose(exact, approx, rtol=1e-6, atol=2e-10)


def test_numerical_gradients_leave_the_net_unchanged():
    net, X, Y = make_problem([2, 3, 2])
    before = [p.copy() for p in net.weights + net.biases]
    numerical_gradients(net, X, Y)
    for p, p_before in zip(net.weights + net.biases, before):
        np.testing.assert_array_equal(p, p_before)


def test_numerical_gradients_of_a_net_without_biases_are_zero_for_the_biases():
    net, X, y = examples.boolean_example()
    _, nb = numerical_gradients(net, X, y)
    _, db = net.gradients(X, y)
    for exact, approx in zip(db, nb):
        np.testing.assert_array_equal(approx, 0.0)
        np.testing.assert_array_equal(exact, 0.0)


# --------------------------------------------------------------------------- the full grid

@pytest.mark.parametrize("output, loss", OUTPUT_LOSS, ids=[f"{o}+{l}" for o, l in OUTPUT_LOSS])
@pytest.mark.parametrize("hidden", HIDDEN)
@pytest.mark.parametrize("sizes", [[3, 4, 2], [3, 5, 4, 3]], ids=["one hidden", "two hidden"])
def test_backprop_matches_central_differences(sizes, hidden, output, loss):
    """Every hidden activation x every output/loss pair, shallow and deep: relative error <= 1e-6."""
    net, X, Y = make_problem(sizes, hidden, output, loss)
    check = gradient_check(net, X, Y, tolerance=1e-6)
    assert check.passed, str(check)
    assert check.max_relative_error <= 1e-6


@pytest.mark.parametrize("loss", ["binary_cross_entropy", "squared_error", "mae"])
def test_backprop_matches_central_differences_for_one_output_unit(loss):
    """A 0/1 label per sample (shape (n,)) for a one-output sigmoid net."""
    net, X, _ = make_problem([2, 3, 1], "tanh", "sigmoid", loss)
    y = np.array([0, 1, 1, 0, 1, 0])
    check = gradient_check(net, X, y)
    assert check.passed, str(check)


def test_backprop_matches_central_differences_for_a_single_example():
    net, X, Y = make_problem([3, 4, 2], "tanh", "softmax", "cross_entropy")
    check = gradient_check(net, X[0], Y[0])
    assert check.passed, str(check)


# --------------------------------------------------------------------------- the check can fail

def _with_gradients(net, change):
    """Make net.gradients return change(dW, db) of the true ones: a planted backprop bug."""
    true_gradients = net.gradients
    net.gradients = lambda X, Y: change(*true_gradients(X, Y))
    return net


def test_gradient_check_fails_on_gradients_one_percent_too_large():
    net, X, Y = make_problem([3, 4, 2])
    _with_gradients(net, lambda dW, db: ([1.01 * g for g in dW], [1.01 * g for g in db]))
    check = gradient_check(net, X, Y)
    assert not check.passed
    # |1.01 g - g| / (|1.01 g| + |g|) = 0.01 / 2.01 in every array
    assert check.max_relative_error == pytest.approx(0.01 / 2.01, rel=1e-4)
    assert str(check).startswith("gradient check FAIL: worst relative error 4.98e-03")


def test_gradient_check_fails_on_a_wrong_derivative():
    """Backprop with tanh's derivative for a sigmoid hidden layer (a classic slip) is caught."""
    net, X, Y = make_problem([3, 4, 2], "sigmoid")
    sigmoid = activations.ACTIVATIONS["sigmoid"]
    net.hidden = dataclasses.replace(sigmoid, prime_from_a=lambda a: 1.0 - a * a)
    check = gradient_check(net, X, Y)
    assert not check.passed
    assert check.max_relative_error > 0.1
    assert check.where.startswith("W^(1)")              # the error shows up below the output layer


def test_gradient_check_fails_on_a_single_wrong_entry_and_says_where():
    net, X, Y = make_problem([3, 4, 2])

    def one_wrong(dW, db):
        db[0][2] += 0.1 * np.linalg.norm(db[0])
        return dW, db

    check = gradient_check(_with_gradients(net, one_wrong), X, Y)
    assert not check.passed
    assert check.where == "b^(1)[2]"


def test_gradient_check_ignores_rounding_noise_where_the_gradient_is_zero():
    """An exactly-zero gradient entry that backprop reports as 1e-11 is agreement, not failure.

    (Entry by entry the relative error would be |1e-11 - 0| / 1e-11 = 1.) Input column 2 is
    always 0, so dL/dW[:, 2] is exactly 0 by both methods.
    """
    net, X, Y = make_problem([3, 4, 2])
    X[:, 2] = 0.0
    assert gradient_check(net, X, Y).max_relative_error < 1e-8

    def noisy(dW, db):
        np.testing.assert_array_equal(dW[0][:, 2], 0.0)
        dW[0][0, 2] = 1e-11
        return dW, db

    check = gradient_check(_with_gradients(net, noisy), X, Y)
    assert check.passed, str(check)


def test_gradient_check_result_reads_as_a_verdict():
    net, X, Y = make_problem([2, 3, 2])
    check = gradient_check(net, X, Y)
    assert isinstance(check, GradCheck) and check.tolerance == 1e-6
    assert str(check).startswith("gradient check PASS: worst relative error ")
    assert "(tolerance 1e-06)" in str(check)
    assert GradCheck(2e-6, "W^(1)[0, 0]", 1e-6).passed is False
    assert GradCheck(1e-6, "W^(1)[0, 0]", 1e-6).passed is True


@pytest.mark.parametrize("tolerance, error", [(0, ValueError), (-1e-6, ValueError), ("1e-6", TypeError)])
def test_gradient_check_rejects_a_bad_tolerance(tolerance, error):
    net, X, Y = make_problem([2, 3, 2])
    with pytest.raises(error, match="tolerance must be"):
        gradient_check(net, X, Y, tolerance=tolerance)


def test_relative_error_is_zero_when_equal_and_one_when_opposite():
    np.testing.assert_array_equal(relative_error([1.0, 0.0, -2.0], [1.0, 0.0, 2.0]), [0.0, 0.0, 1.0])
    assert relative_error(1.01, 1.0) == pytest.approx(0.01 / 2.01)
