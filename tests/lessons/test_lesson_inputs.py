"""Bad input to the lessons gets a message naming what was expected and what came, from the
checks in nn_helpers._checks (the course's own kinds of argument: points, labels, limits, ...)."""
import numpy as np
import pytest

from nn_helpers import MLP
from nn_helpers import _checks as checks
from nn_helpers.lessons.approximation import approximation_error, staircase_network
from nn_helpers.lessons.descent import classify_descent, descent_path, race_losses, race_paths
from nn_helpers.lessons.one_neuron import decision_grid, neuron, neuron_accuracy, neuron_formula

X4, Y4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
RACE = race_paths("valley", 0.1, 0.5, 0.1, 5)


def xor_net():
    return MLP([2, 3, 1], "tanh", "sigmoid", "binary_cross_entropy", seed=0)


def staircase():
    return staircase_network(np.sin, 4)


@pytest.mark.parametrize("call, error, message", [
    (lambda: neuron_formula("abc", 1, 0), TypeError, "w1 must be a number; got str 'abc'"),
    (lambda: neuron(1, 1, np.nan), ValueError, "b must be finite"),
    (lambda: neuron_formula(1, 1, 0, "softplus"), ValueError, "unknown activation 'softplus'"),
    (lambda: neuron_accuracy(1, 1, 0, X4, [0, 1, 2, 1]), ValueError, "y must hold class labels 0 or 1"),
    (lambda: neuron_accuracy(1, 1, 0, np.zeros((4, 3)), Y4),
     ValueError, r"X must be 2-D points, shape \(n, 2\)"),
    (lambda: decision_grid(object(), (-1, 1), (-1, 1)),
     TypeError, r"model must be a network with a forward\(X\)"),
    (lambda: decision_grid(xor_net(), (1, 1), (-1, 1)),
     ValueError, "xlim must be a pair .* two different numbers"),
    (lambda: decision_grid(xor_net(), (-1, 1), (-1, 1), 2.5), TypeError, "resolution must be an integer >= 2"),
    (lambda: descent_path("grad", [1.0], 0.1, 3), TypeError, "grad must be a function of w"),
    (lambda: staircase_network("sin", 4), TypeError, "f must be a function of x"),
    (lambda: approximation_error(staircase(), np.sin, (0, 0)),
     ValueError, r"interval must be \(a, b\) with a < b"),
    (lambda: classify_descent(np.zeros((3, 1)), np.zeros(2)), ValueError,
     "gaps must be one number per point of path"),
    (lambda: race_losses("valley", {"SGD": np.zeros(3)}),
     ValueError, r"paths\['SGD'\] must have shape \(k, 2\)"),
    (lambda: race_losses("valley", RACE["SGD"]), TypeError, "paths must be a dict name -> path"),
])
def test_bad_input_gets_a_message_naming_what_was_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_a_menu_name_is_taken_in_any_case_and_an_unknown_one_lists_the_choices_in_order():
    assert checks.key("XOR", {"and": 1, "xor": 2}, "dataset") == "xor"
    with pytest.raises(ValueError, match=r"unknown dataset 'nand'; expected one of \['and', 'xor'\]"):
        checks.key("nand", {"and": 1, "xor": 2}, "dataset")
    with pytest.raises(ValueError, match=r"unknown dataset 3; expected one of \['and', 'xor'\]"):
        checks.key(3, ("and", "xor"), "dataset")


def test_points_labels_and_pairs_come_back_as_the_types_the_code_needs():
    X, y = checks.labelled_points([[0, 1], [2, 3]], [1.0, 0.0])
    assert X.dtype == float and y.dtype == int and y.tolist() == [1, 0]
    assert checks.pair([2, -1], "xlim") == (2.0, -1.0)
    with pytest.raises(ValueError, match=r"interval must be \(a, b\) with a < b; got \(2.0, -1.0\)"):
        checks.pair([2, -1], "interval", increasing=True)
    assert (checks.target(1), checks.prediction(0.25)) == (1.0, 0.25)
    with pytest.raises(ValueError, match="the prediction o must be between 0 and 1"):
        checks.prediction(1.0)
    with pytest.raises(TypeError, match=r"net must be an MLP \(nn_helpers.MLP\); got str"):
        checks.network("net")
