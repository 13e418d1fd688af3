"""lessons.slopes: an activation beside its slope (notebook 03), where it saturates, and the
secant whose slope estimates f'(x) (notebook 06)."""
import numpy as np
import pytest

from nn_helpers.activations import ACTIVATIONS, sigmoid
from nn_helpers.lessons.slopes import SLOPE_FUNCTIONS, activation_curves, saturated_intervals, secant

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_curves_are_the_activation_and_its_derivative(name):
    z = np.linspace(-6, 6, 101)
    f, slope = activation_curves(name, z)
    act = ACTIVATIONS[name]
    if act.elementwise:
        np.testing.assert_allclose(f, act.f(z))
        np.testing.assert_allclose(slope, act.prime(z))
    else:    # softmax's two-class slice: softmax(z, 0)_1 = sigmoid(z), slope sigmoid (1 - sigmoid)
        np.testing.assert_allclose(f, sigmoid(z))
        np.testing.assert_allclose(slope, sigmoid(z) * (1 - sigmoid(z)))


def test_sigmoid_saturates_in_both_tails_and_relu_below_zero():
    z = np.linspace(-6, 6, 400)
    tails = saturated_intervals(z, activation_curves("sigmoid", z)[1])
    # sigma'(z) = 0.05 * 0.25 where sigma (1 - sigma) = 0.0125: |z| = 4.37
    assert len(tails) == 2 and tails[0][0] == -6 and -4.5 < tails[0][1] < -4.2 and tails[1][1] == 6
    assert tails[1][0] == pytest.approx(-tails[0][1], abs=0.05)
    assert saturated_intervals(z, activation_curves("relu", z)[1]) == [(-6.0, z[z < 0][-1])]
    assert saturated_intervals(z, activation_curves("identity", z)[1]) == []
    assert saturated_intervals(z, activation_curves("step", z)[1]) == []      # flat, nothing to compare with
    with pytest.raises(ValueError, match="same length"):
        saturated_intervals(z, z[:3])


@pytest.mark.parametrize("method, lo, slope", [("forward", 3.0, 6.1), ("central", 2.9, 6.0)])
def test_the_secant_of_x_squared_at_3(method, lo, slope):
    # forward: ((3.1)^2 - 9) / 0.1 = 6.1; central: ((3.1)^2 - (2.9)^2) / 0.2 = 6 exactly (x^2 is a parabola)
    got_lo, hi, got = secant(lambda x: x ** 2, 3.0, 0.1, method)
    assert (got_lo, hi) == pytest.approx((lo, 3.1)) and got == pytest.approx(slope)
    with pytest.raises(ValueError, match="method must be one of 'forward', 'central'"):
        secant(np.sin, 0.0, 0.1, "backward")
    with pytest.raises(ValueError, match="h must be > 0"):
        secant(np.sin, 0.0, 0.0)


@pytest.mark.parametrize("label", list(SLOPE_FUNCTIONS))
def test_each_slope_functions_derivative_is_its_central_difference(label):
    f, f_prime = SLOPE_FUNCTIONS[label]
    x = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(secant(f, 0.0, 1e-5, "central")[2], f_prime(0.0), atol=1e-8)
    np.testing.assert_allclose((f(x + 1e-5) - f(x - 1e-5)) / 2e-5, f_prime(x), atol=1e-8)
