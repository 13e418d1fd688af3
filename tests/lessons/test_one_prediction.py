"""lessons.one_prediction: the losses of one prediction and their slopes (notebook 05), the same
numbers as nn_helpers.losses gives for one sample with one output."""
import numpy as np
import pytest

from nn_helpers import losses
from nn_helpers.lessons.one_prediction import loss_curves, losses_at

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("t", [0, 1])
def test_curves_equal_the_losses_module_point_by_point(t):
    o = np.array([0.01, 0.2, 0.5, 0.77, 0.99])
    curves = loss_curves(t, o)
    for k, ok in enumerate(o):
        y, y_hat = np.array([float(t)]), np.array([ok])
        assert np.isclose(curves["squared error"][0][k], losses.squared_error(y, y_hat))
        assert np.isclose(curves["squared error"][1][k], losses.squared_error_grad(y, y_hat)[0])
        assert np.isclose(curves["absolute error"][0][k], losses.mae(y, y_hat))
        assert np.isclose(curves["absolute error"][1][k], losses.mae_grad(y, y_hat)[0])
        assert np.isclose(curves["cross-entropy"][0][k], losses.binary_cross_entropy(y, y_hat))
        assert np.isclose(curves["cross-entropy"][1][k], losses.binary_cross_entropy_grad(y, y_hat)[0])


def test_losses_at_the_tutorial_numbers():
    got = losses_at(0, 0.77)                         # 1/2 (0 - 0.77)^2 = 0.29645
    assert got["squared error"] == pytest.approx((0.29645, 0.77))
    assert got["absolute error"] == pytest.approx((0.77, 1.0))
    assert got["cross-entropy"][0] == pytest.approx(-np.log(0.23))
    assert losses_at(1, 0.01)["cross-entropy"][0] == pytest.approx(4.605170, abs=1e-6)   # -log 0.01


def test_a_target_other_than_0_or_1_is_refused():
    with pytest.raises(ValueError, match="0 or 1"):
        loss_curves(0.5, np.array([0.3]))
    with pytest.raises(ValueError, match="0 or 1"):
        losses_at(2, 0.3)
