"""Loss functions: values worked by hand, gradients against central differences, bad input, numerics.

Every loss is the MEAN over samples of a per-sample loss, so every gradient carries the 1/n.
"""
import numpy as np
import pytest

from nn_helpers import losses
from nn_helpers.gradcheck import numerical_gradient

pytestmark = pytest.mark.filterwarnings("error")

# one sample, two outputs: t = (1, 0), o = (0.8, 0.4); errors t - o = (0.2, -0.4)
T1, O1 = np.array([1.0, 0.0]), np.array([0.8, 0.4])


@pytest.mark.parametrize("name, expected", [
    # sum_k 1/2 (t_k - o_k)^2 = 1/2 (0.04 + 0.16) = 0.1
    ("squared_error", 0.1),
    # 1/K sum_k (t_k - o_k)^2 = (0.04 + 0.16) / 2 = 0.1
    ("mse", 0.1),
    # 1/K sum_k |t_k - o_k| = (0.2 + 0.4) / 2 = 0.3
    ("mae", 0.3),
    # 1/K sum_k -[t log o + (1 - t) log(1 - o)] = -(log 0.8 + log 0.6) / 2 = 0.367003
    ("binary_cross_entropy", -(np.log(0.8) + np.log(0.6)) / 2),
    # -sum_k t_k log o_k = -log 0.8 = 0.223144 (only the target class counts)
    ("cross_entropy", -np.log(0.8)),
])
def test_value_of_each_loss_worked_by_hand(name, expected):
    assert losses.LOSSES[name].value(T1, O1) == pytest.approx(expected, rel=1e-14)


def test_squared_error_is_the_tutorials_e_total():
    # Mazur: E_total = 1/2 (0.01 - 0.75136507)^2 + 1/2 (0.99 - 0.772928465)^2 = 0.298371109
    e_total = losses.squared_error([0.01, 0.99], [0.75136507, 0.772928465])
    assert e_total == pytest.approx(0.298371109, abs=5e-10)


@pytest.mark.parametrize("name", sorted(losses.LOSSES))
def test_loss_of_a_batch_is_the_mean_of_the_per_sample_losses(name):
    loss = losses.LOSSES[name].value
    Y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    O = np.array([[0.7, 0.2, 0.1], [0.3, 0.3, 0.4]])
    assert loss(Y, O) == pytest.approx((loss(Y[0], O[0]) + loss(Y[1], O[1])) / 2, rel=1e-14)
    assert isinstance(loss(Y, O), float)


def _targets_and_outputs(name, shape, seed=3):
    """Targets of the kind each loss expects, and outputs in (0, 1) away from the targets."""
    rng = np.random.default_rng(seed)
    O = rng.uniform(0.1, 0.9, size=shape)
    if name == "cross_entropy":
        O /= O.sum(axis=-1, keepdims=True)               # probability rows
        Y = np.eye(shape[-1])[rng.integers(0, shape[-1], size=shape[:-1])]   # one-hot rows
    else:
        Y = rng.uniform(0.0, 1.0, size=shape)
    assert np.min(np.abs(Y - O)) > 1e-3                  # away from mae's kink at o = t
    return Y, O


@pytest.mark.parametrize("name", sorted(losses.LOSSES))
@pytest.mark.parametrize("shape", [(4, 3), (3,)], ids=["batch", "one sample"])
def test_gradient_matches_central_differences(name, shape):
    """grad(Y, O) is d loss(Y, O) / dO, including the 1/n of the mean over samples."""
    loss = losses.LOSSES[name]
    Y, O = _targets_and_outputs(name, shape)
    numerical = numerical_gradient(lambda o: loss.value(Y, o), O)
    assert loss.grad(Y, O).shape == O.shape
    np.testing.assert_allclose(loss.grad(Y, O), numerical, rtol=1e-6, atol=1e-10)


def test_gradients_carry_one_over_n():
    """Stacking the same sample twice keeps the loss and halves each row's gradient."""
    for name, loss in losses.LOSSES.items():
        g1 = loss.grad(T1, O1)
        g2 = loss.grad(np.vstack([T1, T1]), np.vstack([O1, O1]))
        np.testing.assert_allclose(g2, [g1 / 2, g1 / 2], rtol=1e-15, err_msg=name)
        assert loss.value(np.vstack([T1, T1]), np.vstack([O1, O1])) == pytest.approx(
            loss.value(T1, O1), rel=1e-15)


def test_losses_do_not_modify_their_inputs():
    Y, O = np.array([[1.0, 0.0]]), np.array([[0.0, 1.0]])   # outputs the log losses clip
    for name, loss in losses.LOSSES.items():
        loss.value(Y, O), loss.grad(Y, O)
        np.testing.assert_array_equal(O, [[0.0, 1.0]], err_msg=name)
        np.testing.assert_array_equal(Y, [[1.0, 0.0]], err_msg=name)


@pytest.mark.parametrize("name", ["binary_cross_entropy", "cross_entropy"])
def test_log_losses_of_certain_wrong_answers_are_large_but_finite(name):
    """o = 0 where t = 1 is clipped to 1e-15 (and o = 1 to 1 - 1e-15, which float64 rounds to
    1 - 0.999e-15): about -log(1e-15) = 34.54 per unit, with no inf and no warning."""
    loss = losses.LOSSES[name]
    with np.errstate(all="raise"):
        value = loss.value([1.0, 0.0], [0.0, 1.0])
        grad = loss.grad([1.0, 0.0], [0.0, 1.0])
    assert value == pytest.approx(-np.log(1e-15), rel=1e-4)
    assert np.all(np.isfinite(grad))


@pytest.mark.parametrize("name", sorted(losses.LOSSES))
def test_perfect_outputs_give_zero_loss(name):
    Y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    assert losses.LOSSES[name].value(Y, Y) == pytest.approx(0.0, abs=1e-13)


@pytest.mark.parametrize("name", ["squared_error", "mse", "mae"])
def test_regression_losses_stay_finite_for_values_up_to_1e4(name):
    loss = losses.LOSSES[name]
    Y, O = np.array([[1e4, -1e4]]), np.array([[-1e4, 1e4]])
    with np.errstate(all="raise"):
        assert np.isfinite(loss.value(Y, O))
        assert np.all(np.isfinite(loss.grad(Y, O)))


@pytest.mark.parametrize("y, y_hat, message", [
    (np.zeros((2, 3)), np.zeros((3, 2)), r"same shape; got y \(2, 3\) and y_hat \(3, 2\)"),
    (np.zeros(3), np.zeros((1, 3)), r"same shape; got y \(3,\) and y_hat \(1, 3\)"),
    (np.zeros((1, 2, 3)), np.zeros((1, 2, 3)), r"shape \(K,\) or \(n, K\); got ndim 3"),
    (0.5, 0.5, r"shape \(K,\) or \(n, K\); got ndim 0"),
])
@pytest.mark.parametrize("name", sorted(losses.LOSSES))
def test_wrong_shapes_are_rejected(name, y, y_hat, message):
    loss = losses.LOSSES[name]
    with pytest.raises(ValueError, match=message):
        loss.value(y, y_hat)
    with pytest.raises(ValueError, match=message):
        loss.grad(y, y_hat)


@pytest.mark.parametrize("y, y_hat, which, dtype", [
    (["a", "b"], [0.0, 1.0], r"y \(the target\)", "<U1"),
    ([0.0, 1.0], [1, None], r"y_hat \(the output\)", "object"),
])
def test_non_numeric_arrays_are_rejected(y, y_hat, which, dtype):
    with pytest.raises(TypeError, match=f"{which} must hold numbers; got an array of dtype {dtype}"):
        losses.mse(y, y_hat)
