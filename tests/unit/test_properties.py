"""Laws that hold for all inputs, checked on inputs hypothesis chooses.

Network data come from a hypothesis-drawn seed rather than from drawn floats: hypothesis
shrinks floats towards 0, exactly onto relu's and mae's kinks, where a central difference
measures neither slope. The seed still varies the shapes, weights, inputs and targets.
"""
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from nn_helpers import MLP, activations, losses
from nn_helpers.gradcheck import numerical_gradients
from tests.unit.test_gradcheck import HIDDEN, OUTPUT_LOSS, make_problem   # the gradient-check grid's

pytestmark = pytest.mark.filterwarnings("error")

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def problems(draw, output_loss=OUTPUT_LOSS):
    """A random MLP (1-3 layers of 1-4 units) with its data: (net, X, Y)."""
    output, loss = draw(st.sampled_from(output_loss))
    n_out_min = 2 if output == "softmax" else 1
    sizes = (draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
             + [draw(st.integers(n_out_min, 3))])
    return make_problem(sizes, draw(st.sampled_from(HIDDEN)), output, loss,
                        seed=draw(st.integers(0, 2 ** 32 - 1)), n=draw(st.integers(1, 5)),
                        kink_margin=None)


def assert_backprop_matches_central_differences(net, X, Y):
    """Entry by entry |exact - numerical| <= 1e-8 + 1e-5 |numerical|.

    The 1e-8 floor is the rounding noise of a central difference (about |L| * 1e-16 / eps,
    eps = 1e-6) with room to spare: saturated units give whole arrays of gradients near
    1e-8, whose relative error alone would measure noise, not backprop.
    """
    dW, db = net.gradients(X, Y)
    nW, nb = numerical_gradients(net, X, Y)
    for exact, approx in zip(dW + db, nW + nb):
        np.testing.assert_allclose(exact, approx, rtol=1e-5, atol=1e-8, err_msg=repr(net))


@FAST
@given(problems())
def test_backprop_matches_central_differences_for_any_net(problem):
    net, X, Y = problem
    if net.loss_name in ("binary_cross_entropy", "cross_entropy"):
        # log o curves so sharply near o = 0 (third derivative 2 / o^3) that a central
        # difference itself is off by more than 1e-5 there: keep the outputs off the edges
        assume(np.all(np.abs(net.forward(X) - 0.5) < 0.499))
    assert_backprop_matches_central_differences(net, X, Y)


def test_the_gradient_comparison_fails_on_gradients_one_percent_off():
    net = MLP([2, 3, 2], "tanh", "sigmoid", "mse", seed=0)
    X, Y = np.array([[0.5, -1.0], [1.5, 0.2]]), np.array([[0.1, 0.9], [0.8, 0.3]])
    assert_backprop_matches_central_differences(net, X, Y)
    true_gradients = net.gradients
    net.gradients = lambda X, Y: [[1.01 * g for g in gs] for gs in true_gradients(X, Y)]
    with pytest.raises(AssertionError, match="Not equal to tolerance"):
        assert_backprop_matches_central_differences(net, X, Y)


finite_logits = arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 6)),
                       elements=st.floats(-1e4, 1e4, allow_nan=False))


@FAST
@given(finite_logits)
def test_softmax_rows_are_probabilities(z):
    with np.errstate(all="raise", under="ignore"):
        s = activations.softmax(z)
    assert s.shape == z.shape
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s.sum(axis=1), 1.0, rtol=1e-12)
    assert np.all(s[np.arange(len(z)), z.argmax(axis=1)] >= 1 / z.shape[1])   # the largest wins


@FAST
@given(finite_logits)
def test_sigmoid_is_in_the_unit_interval_and_monotone(z):
    with np.errstate(all="raise", under="ignore"):
        s = activations.sigmoid(np.sort(z, axis=None))
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(np.diff(s) >= 0)


probabilities = st.floats(0.0, 1.0)


@st.composite
def loss_inputs(draw):
    """(name, targets, outputs) in each loss's domain, values up to 1e4 for the regression losses."""
    name = draw(st.sampled_from(sorted(losses.LOSSES)))
    shape = draw(st.tuples(st.integers(1, 4), st.integers(1, 4)))
    if name in ("squared_error", "mse", "mae"):
        values = st.floats(-1e4, 1e4)
        return name, draw(arrays(np.float64, shape, elements=values)), \
            draw(arrays(np.float64, shape, elements=values))
    Y = draw(arrays(np.float64, shape, elements=probabilities))
    return name, Y, draw(arrays(np.float64, shape, elements=probabilities))


@FAST
@given(loss_inputs())
def test_every_loss_is_finite_and_non_negative(case):
    name, Y, O = case
    with np.errstate(all="raise", under="ignore"):
        value = losses.LOSSES[name].value(Y, O)
        grad = losses.LOSSES[name].grad(Y, O)
    assert np.isfinite(value) and value >= 0
    assert np.all(np.isfinite(grad))


@FAST
@given(problems(), st.floats(1, 1e4))
def test_mlp_loss_is_finite_and_non_negative_for_huge_weights(problem, scale):
    """Weights scaled by up to 1e4 push the logits to 1e4 and beyond: the loss stays finite, >= 0."""
    net, X, Y = problem
    net.weights = [scale * W for W in net.weights]
    with np.errstate(all="raise", under="ignore"):
        value = net.loss(X, Y)
    assert np.isfinite(value) and value >= 0


# linear outputs with a squared loss diverge for a large enough learning rate; the log losses
# of sigmoid and softmax have gradients bounded by 1 and grow their weights only linearly
FIT_CASES = [("identity", "mse"), ("identity", "squared_error"),
             ("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy")]


@FAST
@given(problems(FIT_CASES), st.floats(-2, 8), st.sampled_from([None, 1, 2]))
def test_fit_never_returns_nan_weights_silently(problem, log_lr, batch_size):
    """Whatever the learning rate (1e-2 .. 1e8): finite weights, and a warning iff training diverged."""
    net, X, Y = problem
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = net.fit(X, Y, epochs=20, lr=10.0 ** log_lr, batch_size=batch_size)
    assert all(np.all(np.isfinite(p)) for p in net.weights + net.biases)
    assert all(issubclass(w.category, RuntimeWarning) and "diverged" in str(w.message) for w in caught)
    diverged = history["diverged_at"] is not None
    event(f"diverged: {diverged}")
    assert len(caught) == int(diverged)
    assert diverged or np.all(np.isfinite(history["loss"]))     # a non-finite loss is never silent
