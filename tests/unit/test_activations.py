"""Activation functions: values, derivatives against central differences, the registry, numerics."""
import numpy as np
import pytest

from nn_helpers import activations as act, losses
from nn_helpers.gradcheck import numerical_gradient

pytestmark = pytest.mark.filterwarnings("error")

SMOOTH = ["identity", "sigmoid", "tanh", "relu", "leaky_relu"]     # elementwise, trainable
# sample points away from the kink of relu and leaky_relu at 0 (central differences
# straddling a kink measure the average of the two slopes, not either one)
Z = np.array([-6.0, -2.5, -0.7, -0.05, 0.03, 0.4, 1.3, 4.0])


def test_values_at_a_few_points():
    """Each formula at hand-checkable points."""
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(act.step(z), [0, 1, 1])          # 1 where z >= 0
    np.testing.assert_array_equal(act.identity(z), z)
    np.testing.assert_allclose(act.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)
    assert act.sigmoid(0.0) == 0.5
    np.testing.assert_allclose(act.tanh(z), [np.tanh(-2.0), 0.0, np.tanh(3.0)], rtol=1e-15)
    np.testing.assert_array_equal(act.relu(z), [0, 0, 3])
    np.testing.assert_array_equal(act.leaky_relu(z), [-0.02, 0, 3])  # slope 0.01 below 0
    # softmax([1, 2, 3]) = e^k / (e + e^2 + e^3)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(act.softmax([1.0, 2.0, 3.0]), e / e.sum(), rtol=1e-15)


@pytest.mark.parametrize("name", SMOOTH + ["step"])
def test_elementwise_activations_keep_the_shape(name):
    a = act.ACTIVATIONS[name]
    z = np.linspace(-2, 2, 24).reshape(2, 3, 4)
    assert a.f(z).shape == z.shape
    assert a.prime(z).shape == z.shape
    assert np.shape(a.f(0.5)) == ()


def test_activations_do_not_modify_their_input():
    z = np.array([-1.0, 0.5, 2.0])
    for name, a in act.ACTIVATIONS.items():
        a.f(z), a.prime(z)
        np.testing.assert_array_equal(z, [-1.0, 0.5, 2.0], err_msg=name)
    out = act.identity(z)
    out[0] = 99.0                                        # identity returns a new array
    assert z[0] == -1.0


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_matches_central_differences(name):
    """f'(z) against (f(z + eps) - f(z - eps)) / (2 eps), elementwise."""
    a = act.ACTIVATIONS[name]
    numerical = numerical_gradient(lambda z: np.sum(a.f(z)), Z)
    np.testing.assert_allclose(a.prime(Z), numerical, rtol=1e-7, atol=1e-10)


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_from_output_equals_derivative_from_input(name):
    """Backprop's shortcut f'(z) written with a = f(z) (e.g. a (1 - a)) gives the same numbers."""
    a = act.ACTIVATIONS[name]
    np.testing.assert_allclose(a.prime_from_a(a.f(Z)), a.prime(Z), rtol=1e-12, atol=1e-15)


def test_known_derivative_values():
    assert act.sigmoid_prime(0.0) == 0.25                # sigma(0) (1 - sigma(0)) = 1/2 * 1/2
    assert act.tanh_prime(0.0) == 1.0
    np.testing.assert_array_equal(act.relu_prime([-1.0, 0.0, 2.0]), [0, 0, 1])   # 0 at the kink
    np.testing.assert_array_equal(act.leaky_relu_prime([-1.0, 0.0, 2.0]), [0.01, 0.01, 1])
    np.testing.assert_array_equal(act.identity_prime([[-3.0, 7.0]]), [[1, 1]])


def test_step_derivative_is_zero_and_step_is_not_trainable():
    z = np.array([-3.0, -1e-9, 0.0, 1e-9, 3.0])
    np.testing.assert_array_equal(act.step_prime(z), np.zeros(5))
    assert act.ACTIVATIONS["step"].trainable is False
    assert all(a.trainable for name, a in act.ACTIVATIONS.items() if name != "step")


@pytest.mark.parametrize("z", [np.array([0.2, -1.3, 2.1, 0.0]),
                               np.array([[0.5, 0.1, -0.4], [3.0, -2.0, 1.0]])])
def test_softmax_jacobian_matches_central_differences(z):
    """softmax_prime(z)[..., i, j] = d softmax_i / d z_j, row by row against finite differences."""
    J = act.softmax_prime(z)
    K = z.shape[-1]
    assert J.shape == z.shape[:-1] + (K, K)
    for row in np.ndindex(z.shape[:-1]):
        for i in range(K):
            numerical = numerical_gradient(lambda v: act.softmax(v)[i], z[row])
            np.testing.assert_allclose(J[row][i], numerical, rtol=1e-7, atol=1e-10)


def test_softmax_rows_sum_to_one_and_ignore_a_shift():
    z = np.array([[1.0, 2.0, 3.0], [-5.0, 0.0, 5.0]])
    s = act.softmax(z)
    np.testing.assert_allclose(s.sum(axis=1), [1.0, 1.0], rtol=1e-15)
    np.testing.assert_allclose(act.softmax(z + 100.0), s, rtol=1e-13)   # softmax(z + c) = softmax(z)
    assert not act.ACTIVATIONS["softmax"].elementwise


def test_sigmoid_symmetry():
    """sigma(-z) = 1 - sigma(z)."""
    np.testing.assert_allclose(act.sigmoid(-Z), 1 - act.sigmoid(Z), rtol=0, atol=1e-15)


# Numerics: underflow (exp(-1e4) -> 0) is the exact answer in float64 and numpy never
# warns about it by default, so it is the one floating-point event allowed here.
@pytest.mark.parametrize("name", sorted(act.ACTIVATIONS))
def test_no_overflow_or_warning_for_inputs_up_to_1e4(name):
    a = act.ACTIVATIONS[name]
    z = np.array([[-1e4, -700.0, 0.0, 700.0, 1e4]])
    with np.errstate(all="raise", under="ignore"):
        out, slope = a.f(z), a.prime(z)
    assert np.all(np.isfinite(out)) and np.all(np.isfinite(slope))


def test_extreme_values_are_the_exact_limits():
    with np.errstate(all="raise", under="ignore"):
        np.testing.assert_array_equal(act.sigmoid([-1e4, 1e4]), [0.0, 1.0])
        np.testing.assert_array_equal(act.sigmoid_prime([-1e4, 1e4]), [0.0, 0.0])
        np.testing.assert_array_equal(act.tanh([-1e4, 1e4]), [-1.0, 1.0])
        np.testing.assert_array_equal(act.softmax([1e4, 0.0, -1e4]), [1.0, 0.0, 0.0])
        np.testing.assert_array_equal(act.softmax([1e4, 1e4]), [0.5, 0.5])
        np.testing.assert_array_equal(act.softmax([-1e4, -1e4]), [0.5, 0.5])


# --------------------------------------------------------------------------- registries
# activations and losses are looked up by one shared function; both registries are tested here.

REGISTRIES = [(act.ACTIVATIONS, act.get_activation, act, "_prime", ("f", "prime")),
              (losses.LOSSES, losses.get_loss, losses, "_grad", ("value", "grad"))]


@pytest.mark.parametrize("registry, get, module, suffix, fields", REGISTRIES,
                         ids=["activations", "losses"])
def test_registry_entries_are_the_modules_functions(registry, get, module, suffix, fields):
    """ACTIVATIONS["tanh"] holds tanh and tanh_prime; LOSSES["mse"] holds mse and mse_grad."""
    for name, entry in registry.items():
        assert entry.name == name
        assert get(name) is entry and get(entry) is entry        # by name, or the entry itself
        assert getattr(entry, fields[0]) is getattr(module, name)
        assert getattr(entry, fields[1]) is getattr(module, name + suffix)


def test_registry_names():
    assert sorted(act.ACTIVATIONS) == ["identity", "leaky_relu", "relu", "sigmoid", "softmax",
                                       "step", "tanh"]
    assert sorted(losses.LOSSES) == ["binary_cross_entropy", "cross_entropy", "mae", "mse",
                                     "squared_error"]


@pytest.mark.parametrize("get, bad, error, message", [
    (act.get_activation, "sigmoidd", ValueError,
     r"unknown activation 'sigmoidd'; expected one of \['identity', 'leaky_relu'"),
    (act.get_activation, "Sigmoid", ValueError, r"unknown activation 'Sigmoid'"),
    (act.get_activation, None, TypeError, r"activation must be a name \(str\).*got NoneType None"),
    (act.get_activation, act.sigmoid, TypeError, r"activation must be a name \(str\).*got function"),
    (losses.get_loss, "l2", ValueError,
     r"unknown loss 'l2'; expected one of \['binary_cross_entropy', 'cross_entropy'"),
    (losses.get_loss, "MSE", ValueError, r"unknown loss 'MSE'"),
    (losses.get_loss, 0, TypeError, r"loss must be a name \(str\).*got int 0"),
    (losses.get_loss, act.ACTIVATIONS["sigmoid"], TypeError, r"loss must be a name \(str\).*got Activation"),
])
def test_unknown_names_are_rejected_with_the_choices(get, bad, error, message):
    with pytest.raises(error, match=message):
        get(bad)
