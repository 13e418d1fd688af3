"""lessons.one_neuron: one neuron a = f(w1 x1 + w2 x2 + b) on 2-D points: its formula, its accuracy,
its decision line, the best line any neuron can draw, the grid a model is shaded on, and the
data sets notebook 02 tries it on."""
import itertools

import numpy as np
import pytest

from nn_helpers import MLP, datasets
from nn_helpers.lessons.one_neuron import (NEURON_DATASETS, best_line, decision_grid, decision_line, neuron,
                                       neuron_accuracy, neuron_data, neuron_formula)

pytestmark = pytest.mark.filterwarnings("error")


# ---------------------------------------------------------------- the grid a model is shaded on

def test_decision_grid_is_the_model_output_on_the_grid_points():
    net = MLP([2, 3, 2], activation="tanh", loss="cross_entropy", seed=1)
    xx, yy, out = decision_grid(net, (-1, 2), (0, 1), resolution=7)
    assert xx.shape == yy.shape == (7, 7) and out.shape == (7, 7, 2)
    assert xx[0, 0] == -1 and xx[0, -1] == 2 and yy[0, 0] == 0 and yy[-1, 0] == 1
    for i, j in [(0, 0), (3, 5), (6, 6)]:
        np.testing.assert_allclose(out[i, j], net.forward(np.array([xx[i, j], yy[i, j]])))


# ---------------------------------------------------------------- one neuron

def test_neuron_formula_shows_the_numbers_with_real_minus_signs():
    assert neuron_formula(1, 1, -1.5) == "a = sigmoid(1.0·x1 + 1.0·x2 − 1.5)"
    assert neuron_formula(-2, -0.25, 0, "tanh") == "a = tanh(−2.0·x1 − 0.25·x2 + 0.0)"


@pytest.mark.parametrize("gate, weights, expected", [
    (lambda a, b: a and b, (1, 1, -1.5), 1.0),      # AND: only (1, 1) has z = 0.5 >= 0
    (lambda a, b: a or b, (1, 1, -0.5), 1.0),       # OR
    (lambda a, b: a and b, (1, 1, -0.5), 0.5),      # the OR line gets AND's (0,1), (1,0) wrong
])
def test_neuron_accuracy_counts_z_at_least_zero_as_class_1(gate, weights, expected):
    X, y = datasets.truth_table(gate, 2)
    assert neuron_accuracy(*weights, X, y) == expected


def test_no_single_neuron_separates_xor():
    X, y = datasets.truth_table(lambda a, b: a != b, 2)
    grid = np.linspace(-5, 5, 21)
    best = max(neuron_accuracy(w1, w2, b, X, y) for w1, w2, b in itertools.product(grid, grid, grid))
    assert best == 0.75


def test_the_neuron_is_a_2_1_mlp_with_the_given_weights():
    net = neuron(2.0, -1.0, 0.5, "tanh")
    assert isinstance(net, MLP) and net.sizes == [2, 1] and net.output.name == "tanh"
    # z = 2 x1 - x2 + 0.5 at (1, 3): 2 - 3 + 0.5 = -0.5, a = tanh(-0.5)
    assert net.forward(np.array([1.0, 3.0]))[0] == pytest.approx(np.tanh(-0.5))


@pytest.mark.parametrize("w1, w2, b", [(1.0, 1.0, -1.5), (-2.0, 0.5, 0.3), (0.0, 3.0, -1.0), (4.0, 0.0, 2.0)])
def test_the_decision_line_is_where_z_is_zero_and_spans_the_box(w1, w2, b):
    x1, x2 = decision_line(w1, w2, b, (-1, 2), (-3, 3))
    np.testing.assert_allclose(w1 * x1 + w2 * x2 + b, 0, atol=1e-12)
    # solved for x2 when |w2| >= |w1| (its ends at the box's left and right), else for x1
    assert list(x1 if abs(w2) >= abs(w1) else x2) == ([-1, 2] if abs(w2) >= abs(w1) else [-3, 3])


def test_a_neuron_with_no_weights_has_no_decision_line():
    x1, x2 = decision_line(0, 0, 1.0, (0, 1), (0, 1))
    assert x1.size == x2.size == 0
    with pytest.raises(ValueError, match="xlim must be a pair"):
        decision_line(1, 1, 0, (1, 1), (0, 1))


# ---------------------------------------------------------------- the best line (notebook 01)

def test_best_line_separates_separable_data_and_its_line_scores_what_it_says():
    X = np.array([[0.0, 0.0], [1.0, 0.2], [0.3, 1.0], [3.0, 3.0], [4.0, 2.5], [2.6, 4.0]])
    y = np.array([0, 0, 0, 1, 1, 1])
    w1, w2, b, accuracy = best_line(X, y)
    assert accuracy == 1.0 == neuron_accuracy(w1, w2, b, X, y)


def test_best_line_on_the_four_xor_corners_cuts_off_one_corner():
    # no line splits {(0,0), (1,1)} from {(0,1), (1,0)}; cutting off one corner gets 3 of 4 right
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    w1, w2, b, accuracy = best_line(X, np.array([0, 1, 1, 0]), directions=36)
    assert accuracy == 0.75 == neuron_accuracy(w1, w2, b, X, np.array([0, 1, 1, 0]))


def test_best_line_on_evenly_spread_xor_gets_two_thirds():
    # a line cutting a right triangle with legs 4/3 off one corner of [-1, 1]^2 gets 2/3 of the
    # area right (area right: L^2/2 + 2 - 2 (L - 1)^2 for legs L, largest at L = 4/3: 8/3 of 4)
    g = (np.arange(60) + 0.5) / 30 - 1                           # 60 x 60 grid, none on an axis
    X = np.array([(p, q) for p in g for q in g])
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    assert abs(best_line(X, y, directions=180)[3] - 2 / 3) < 0.005


def test_best_line_is_never_beaten_by_a_random_line():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    best = best_line(X, y, directions=360)[3]
    for w1, w2, b in rng.normal(size=(200, 3)):
        assert neuron_accuracy(w1, w2, b, X, y) <= best + 1 / 40   # + one point: 360 directions


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(directions=0), ValueError, "directions"),
    (dict(directions=2.5), TypeError, "directions"),
])
def test_bad_best_line_arguments_say_what_is_wrong(kwargs, error, message):
    with pytest.raises(error, match=message):
        best_line(np.zeros((3, 2)), np.array([0, 1, 0]), **kwargs)


# ---------------------------------------------------------------- the data sets of notebook 02

@pytest.mark.parametrize("name, labels", [("and", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0])])
def test_the_gates_are_the_four_corners_with_their_truth_table(name, labels):
    X, y = neuron_data(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, labels)


def test_the_moons_are_200_seeded_points_and_unknown_names_are_refused():
    X, y = neuron_data("moons")
    assert X.shape == (200, 2) and set(np.unique(y)) == {0, 1}
    np.testing.assert_array_equal(X, datasets.make_moons(n_samples=200, noise=0.15, seed=0)[0])
    assert list(NEURON_DATASETS) == ["and", "or", "xor", "moons"]
    with pytest.raises(ValueError, match=r"unknown dataset 'nand'; expected one of \['and', 'or', 'xor', 'moons'\]"):
        neuron_data("nand")
