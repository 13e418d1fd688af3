"""lessons.approximation: the staircase network (universal approximation, built by hand) and its
largest gap to the target curve (notebook 01)."""
import numpy as np
import pytest

from nn_helpers import MLP
from nn_helpers.lessons.approximation import (APPROXIMATION_TARGETS, approximation_error, approximation_target,
                                              staircase_network)

pytestmark = pytest.mark.filterwarnings("error")


def test_staircase_is_a_1_k_1_sigmoid_network_with_the_documented_weights():
    net = staircase_network(np.sin, 4, interval=(-3, 3), steepness=100)
    assert isinstance(net, MLP) and net.sizes == [1, 4, 1]
    assert (net.hidden.name, net.output.name) == ("sigmoid", "identity")
    # 5 pieces of width d = 6/5 = 1.2; borders m_j = -3 + 1.2 j = -1.8, -0.6, 0.6, 1.8; bias -w m_j
    np.testing.assert_allclose(net.weights[0].ravel(), [100] * 4)
    np.testing.assert_allclose(net.biases[0], [180, 60, -60, -180])
    centres = np.array([-2.4, -1.2, 0.0, 1.2, 2.4])
    np.testing.assert_allclose(net.weights[1].ravel(), np.diff(np.sin(centres)))   # the jumps
    np.testing.assert_allclose(net.biases[1], [np.sin(-2.4)])                      # the start level


def test_on_each_piece_the_output_is_the_target_at_the_piece_centre():
    f = np.cos
    for k in (1, 3, 10):
        d = 4.0 / (k + 1)
        centres = -1 + d * (np.arange(k + 1) + 0.5)
        net = staircase_network(f, k, interval=(-1, 3))
        np.testing.assert_allclose(net.forward(centres[:, None])[:, 0], f(centres), atol=1e-9)


def test_the_largest_gap_falls_as_units_are_added_and_meets_the_bound():
    gaps = [approximation_error(staircase_network(np.sin, k), np.sin) for k in
            (1, 2, 4, 8, 16, 32)]
    assert all(later < earlier for earlier, later in zip(gaps, gaps[1:]))
    for k, gap in zip((1, 2, 4, 8, 16, 32), gaps):
        assert gap <= 3 / (k + 1) + 1e-3            # max |sin'| * (piece width) / 2
    assert gaps[-1] < 0.1


def test_a_jump_always_leaves_a_gap_of_at_least_half_its_height():
    _, jump = approximation_target("step")
    for k in (1, 5, 20, 40):
        assert approximation_error(staircase_network(jump, k), jump) >= 0.5


@pytest.mark.parametrize("kwargs, message", [
    (dict(units=0), "units"),
    (dict(units=3, interval=(2, -2)), "a < b"),
    (dict(units=3, steepness=-1), "steepness"),
])
def test_bad_staircase_arguments_say_what_is_wrong(kwargs, message):
    with pytest.raises(ValueError, match=message):
        staircase_network(np.sin, **kwargs)


def test_targets_by_name_and_unknown_names():
    assert set(APPROXIMATION_TARGETS) == {"sin", "abs", "bump", "step"}
    label, f = approximation_target("ABS")
    assert label == "|x|" and f(np.array([-2.0]))[0] == 2.0
    with pytest.raises(ValueError, match="expected one of"):
        approximation_target("cosine")
