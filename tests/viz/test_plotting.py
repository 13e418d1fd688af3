"""Plots: each draws what it says, titled and labelled, from numbers a test can check.

Pictures are checked through their artists (an image's array, a line's data, a text's
string), never through pixels. Diagram texts carry a gid ("weight label", "node", ...),
so the tests can count them.
"""
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers import MLP, datasets, examples
from nn_helpers.viz import plotting
from nn_helpers.activations import ACTIVATIONS, sigmoid
from nn_helpers.viz.diagrams import (activation_curves, mark_activation, plot_activation,
                                 plot_network)

pytestmark = pytest.mark.filterwarnings("error")


def assert_titled_and_labelled(ax):
    assert ax.get_title(), "no title"
    assert ax.get_xlabel() and ax.get_ylabel(), "axes not labelled"


def gids(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


# ---------------------------------------------------------------- decision boundaries and points

def test_decision_grid_is_the_model_output_on_the_grid_points():
    net = MLP([2, 3, 2], activation="tanh", loss="cross_entropy", seed=1)
    xx, yy, out = plotting.decision_grid(net, (-1, 2), (0, 1), resolution=7)
    assert xx.shape == yy.shape == (7, 7) and out.shape == (7, 7, 2)
    assert xx[0, 0] == -1 and xx[0, -1] == 2 and yy[0, 0] == 0 and yy[-1, 0] == 1
    for i, j in [(0, 0), (3, 5), (6, 6)]:
        np.testing.assert_allclose(out[i, j], net.forward(np.array([xx[i, j], yy[i, j]])))


def test_binary_boundary_shades_probability_and_marks_train_and_test_points():
    X, y = datasets.make_moons(60, noise=0.2, seed=0)
    X_tr, X_te, y_tr, y_te = datasets.train_test_split(X, y, test_size=0.25, seed=0)
    net = MLP([2, 4, 1], activation="tanh", loss="binary_cross_entropy", seed=0)
    net.fit(X_tr, y_tr, epochs=50, lr=0.5)
    ax = plotting.plot_decision_boundary(net, X_tr, y_tr, X_test=X_te, y_test=y_te)
    assert_titled_and_labelled(ax)
    labels = [c.get_label() for c in ax.collections if c.get_label().startswith(("train", "test"))]
    assert labels == ["train class 0", "train class 1", "test class 0", "test class 1"]
    shown = sum(len(c.get_offsets()) for c in ax.collections if c.get_label().startswith(("train", "test")))
    assert shown == len(X)


def test_multiclass_boundary_colours_each_region_by_its_class():
    X, y = datasets.make_spiral(90, n_classes=3, seed=0)
    net = MLP([2, 6, 3], activation="tanh", loss="cross_entropy", seed=0)
    ax = plotting.plot_decision_boundary(net, X, y, resolution=30, title="three classes")
    assert ax.get_title() == "three classes"
    image = ax.images[0].get_array()
    assert image.shape == (30, 30, 3) and image.min() >= 0 and image.max() <= 1


def test_plot_points_labels_axes_and_one_legend_entry_per_class():
    X, y = datasets.make_gaussians(30, n_classes=3, seed=0)
    ax = plotting.plot_points(X, y, title="blobs")
    assert_titled_and_labelled(ax)
    assert [c.get_label() for c in ax.collections] == ["class 0", "class 1", "class 2"]


def test_class_k_is_drawn_in_class_colors_k_everywhere():
    """The course's one mapping: points, shaded regions and the 0-to-1 shading all use CLASS_COLORS."""
    from matplotlib.colors import to_rgb, to_rgba
    X, y = datasets.make_spiral(90, n_classes=3, seed=0)
    ax = plotting.plot_points(X, y, title="spiral")
    for k, points in enumerate(ax.collections):
        np.testing.assert_allclose(points.get_facecolor()[0], to_rgba(plotting.CLASS_COLORS[k]))
    np.testing.assert_allclose(plotting.CLASS_CMAP(0.0)[:3], to_rgb(plotting.CLASS_COLORS[0]))
    np.testing.assert_allclose(plotting.CLASS_CMAP(1.0)[:3], to_rgb(plotting.CLASS_COLORS[1]))
    net = MLP([2, 6, 3], activation="tanh", loss="cross_entropy", seed=0)
    ax = plotting.plot_decision_boundary(net, X, y, resolution=30, title="three classes")
    labels = plotting.decision_grid(net, ax.get_xlim(), ax.get_ylim(), 30)[2].argmax(axis=-1)
    colours = np.array([to_rgb(c) for c in plotting.CLASS_COLORS])[labels]      # (30, 30, 3)
    blend = (1 - ax.images[0].get_array()) / (1 - colours)   # each pixel: white + s (colour - white)
    np.testing.assert_allclose(blend, blend[..., :1].repeat(3, axis=-1), atol=1e-9)
    from nn_helpers.viz.diagrams import NEGATIVE, POSITIVE
    assert (NEGATIVE, POSITIVE) == tuple(plotting.CLASS_COLORS[:2])     # signs shade like classes 0, 1


# ---------------------------------------------------------------- one neuron

def test_neuron_formula_shows_the_numbers_with_real_minus_signs():
    assert plotting.neuron_formula(1, 1, -1.5) == "a = sigmoid(1.0·x1 + 1.0·x2 − 1.5)"
    assert plotting.neuron_formula(-2, -0.25, 0, "tanh") == "a = tanh(−2.0·x1 − 0.25·x2 + 0.0)"


@pytest.mark.parametrize("gate, weights, expected", [
    (lambda a, b: a and b, (1, 1, -1.5), 1.0),      # AND: only (1, 1) has z = 0.5 >= 0
    (lambda a, b: a or b, (1, 1, -0.5), 1.0),       # OR
    (lambda a, b: a and b, (1, 1, -0.5), 0.5),      # the OR line gets AND's (0,1), (1,0) wrong
])
def test_neuron_accuracy_counts_z_at_least_zero_as_class_1(gate, weights, expected):
    X, y = datasets.truth_table(gate, 2)
    assert plotting.neuron_accuracy(*weights, X, y) == expected


def test_no_single_neuron_separates_xor():
    X, y = datasets.truth_table(lambda a, b: a != b, 2)
    grid = np.linspace(-5, 5, 21)
    best = max(plotting.neuron_accuracy(w1, w2, b, X, y) for w1, w2, b in itertools.product(grid, grid, grid))
    assert best == 0.75


@pytest.mark.parametrize("activation", ["step", "sigmoid", "tanh", "relu", "identity"])
def test_plot_neuron_shades_the_output_and_draws_the_line_z_equals_zero(activation):
    X, y = datasets.truth_table(lambda a, b: a and b, 2)
    ax = plotting.plot_neuron(1.0, 1.0, -1.5, activation, X, y, dataset_name="AND", resolution=11)
    assert_titled_and_labelled(ax)
    assert "100%" in ax.get_title() and f"a = {activation}(1.0·x1" in ax.get_title()
    image = ax.images[0]
    (x0, x1), (y0, y1) = image.get_extent()[:2], image.get_extent()[2:]
    xx, yy = np.meshgrid(np.linspace(x0, x1, 11), np.linspace(y0, y1, 11))
    np.testing.assert_allclose(image.get_array(), ACTIVATIONS[activation].f(xx + yy - 1.5))
    line_x, line_y = plotting._find(ax, "decision line").get_data()
    np.testing.assert_allclose(np.asarray(line_x) + np.asarray(line_y) - 1.5, 0, atol=1e-12)


def test_update_neuron_changes_the_picture_in_place():
    X, y = datasets.truth_table(lambda a, b: a and b, 2)
    ax = plotting.plot_neuron(1.0, 1.0, -1.5, "sigmoid", X, y, resolution=11)
    artists, before = len(ax.get_children()), ax.images[0].get_array().copy()
    plotting.update_neuron(ax, 1.0, 1.0, -0.5, "sigmoid", X, y)
    assert len(ax.get_children()) == artists
    assert not np.allclose(ax.images[0].get_array(), before)
    assert "50% (2 of 4 right)" in ax.get_title()      # the OR line, on AND
    with pytest.raises(ValueError, match="plot_neuron"):
        plotting.update_neuron(plt.subplots()[1], 1, 1, 0, "sigmoid", X, y)


# ---------------------------------------------------------------- activation functions

@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_plot_activation_draws_f_and_its_slope(name):
    z = np.linspace(-6, 6, 101)
    ax = plot_activation(name, z=z)
    assert_titled_and_labelled(ax)
    f_line, slope_line = gids(ax, "f")[0], gids(ax, "f'")[0]
    f, slope = activation_curves(name, z)
    np.testing.assert_allclose(f_line.get_ydata(), f)
    np.testing.assert_allclose(slope_line.get_ydata(), slope)
    act = ACTIVATIONS[name]
    if act.elementwise:
        np.testing.assert_allclose(f, act.f(z))
        np.testing.assert_allclose(slope, act.prime(z))
    else:    # softmax's two-class slice: softmax(z, 0)_1 = sigmoid(z), slope sigmoid (1 - sigmoid)
        np.testing.assert_allclose(f, sigmoid(z))
        np.testing.assert_allclose(slope, sigmoid(z) * (1 - sigmoid(z)))


def test_saturated_regions_are_where_the_slope_is_below_five_percent_of_its_peak():
    ax = plot_activation("sigmoid")
    spans = gids(ax, "saturated")
    assert len(spans) == 2                                  # both tails
    left = spans[0].get_x() + spans[0].get_width()          # sigma'(z) = 0.05 * 0.25 near |z| = 4.37
    assert -4.5 < left < -4.2
    assert len(gids(plot_activation("relu"), "saturated")) == 1          # z < 0: a dead relu
    assert gids(plot_activation("identity"), "saturated") == []
    step = plot_activation("step")
    assert any("undefined at z = 0" in t.get_text() for t in step.texts)


def test_mark_activation_moves_the_marks_in_place_and_shows_the_values():
    ax = plot_activation("tanh", mark=0.0)
    artists = len(ax.get_children())
    mark_activation(ax, "tanh", 1.0)
    assert len(ax.get_children()) == artists
    assert gids(ax, "mark f")[0].get_ydata()[0] == pytest.approx(np.tanh(1.0))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "f(1.00) = 0.762" in labels and "f'(1.00) = 0.420" in labels    # 1 - tanh(1)^2 = 0.41997
    step = plot_activation("step", mark=0)
    assert "f'(0.00) undefined" in [t.get_text() for t in step.get_legend().get_texts()]


# ---------------------------------------------------------------- network diagrams

def texts(ax, gid):
    return [t.get_text() for t in gids(ax, gid)]


def assert_no_overlap(ax, gid_list):
    """No two texts with these gids overlap on the rendered figure."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for g in gid_list for t in gids(ax, g)]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"labels overlap: {a} and {b}"


def test_mazur_diagram_writes_every_weight_bias_and_the_forward_pass():
    net, x, t = examples.mazur_example()
    ax = plot_network(net, trace=net.forward_trace(x))
    assert ax.get_title()
    assert len(gids(ax, "node")) == 6 and len(gids(ax, "bias unit")) == 2
    assert sorted(texts(ax, "weight label")) == ["0.15", "0.20", "0.25", "0.30",     # w1..w4
                                                 "0.40", "0.45", "0.50", "0.55"]     # w5..w8
    assert sorted(texts(ax, "bias label")) == ["0.35", "0.35", "0.60", "0.60"]
    trace = texts(ax, "trace")
    assert len(trace) == 6
    assert "z = 0.3775\na = 0.5933" in trace           # Mazur: net_h1 = 0.3775, out_h1 = 0.593269992
    assert "z = 1.1059\na = 0.7514" in trace           # out_o1 = 0.75136507
    captions = [t.get_text() for t in ax.texts]
    assert "input layer" in captions and "output layer\n(sigmoid)" in captions
    assert_no_overlap(ax, ["weight label", "bias label", "trace"])


def test_mazur_diagram_with_gradients_writes_them_under_the_weights():
    net, x, t = examples.mazur_example()
    dW, db = net.gradients(x, t)
    ax = plot_network(net, trace=net.forward_trace(x), gradients=(dW, db))
    assert "0.40\ng = 0.0822" in texts(ax, "weight label")     # Mazur: dE/dw5 = 0.082167041
    assert_no_overlap(ax, ["weight label", "bias label", "trace"])


def test_boolean_diagram_has_no_bias_units_and_nine_plus_three_labels():
    net, X, y = examples.boolean_example()
    ax = plot_network(net, trace=net.forward_trace(np.array([1.0, 0.0, 1.0])))
    assert len(gids(ax, "node")) == 7
    assert gids(ax, "bias unit") == [] and gids(ax, "bias label") == []
    assert len(gids(ax, "weight label")) == 12
    assert_no_overlap(ax, ["weight label", "trace"])


def test_larger_nets_show_weights_by_edge_width_and_colour():
    net = MLP([2, 8, 8, 1], activation="tanh", seed=0)
    ax = plot_network(net)
    assert len(gids(ax, "node")) == 19 and len(gids(ax, "bias unit")) == 3
    assert gids(ax, "weight label") == []
    widths = [line.get_linewidth() for line in ax.lines]
    assert len(widths) == 2 * 8 + 8 * 8 + 8 + (8 + 8 + 1) and max(widths) > 3 > 0.5 > min(widths)
    assert "edge width: size of the weight" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_wide_layers_are_cut_to_their_first_and_last_units():
    net = MLP([64, 16, 10], loss="cross_entropy", seed=0)
    ax = plot_network(net, max_nodes=10)
    assert len(gids(ax, "node")) == 10 + 10 + 10
    assert {"64 units", "16 units"} <= {t.get_text() for t in ax.texts}


def test_plot_network_rejects_what_it_cannot_draw():
    net, x, t = examples.mazur_example()
    with pytest.raises(ValueError, match="one example"):
        plot_network(net, trace=net.forward_trace(np.array([x, x])))
    with pytest.raises(ValueError, match="show_weights"):
        plot_network(net, show_weights="numbers")
    with pytest.raises(ValueError, match="shaped like"):
        plot_network(net, gradients=([np.zeros((2, 2))], [np.zeros(2)]))


# ---------------------------------------------------------------- training: curves and descent

def test_loss_curve_draws_train_and_validation_loss_and_marks_an_epoch():
    history = {"loss": [1.0, 0.5, 0.25], "val_loss": [1.1, 0.6, 0.4]}
    ax = plotting.plot_loss_curve(history, mark_epoch=1)
    assert_titled_and_labelled(ax)
    curves = {line.get_label(): list(line.get_ydata()) for line in ax.lines}
    assert curves["train loss"] == history["loss"] and curves["validation loss"] == history["val_loss"]
    assert "epoch 1" in curves


def quadratic():
    """L = w1^2 + 10 w2^2: minimum at (0, 0); gradient (2 w1, 20 w2); stable for lr < 2 / 20."""
    return (lambda w1, w2: w1 ** 2 + 10 * w2 ** 2), (lambda w: np.array([2 * w[0], 20 * w[1]]))


def test_descent_path_converges_to_the_minimum_for_a_small_step():
    _, grad = quadratic()
    start = np.array([-4.0, 1.5])
    path = plotting.descent_path(grad, start, lr=0.04, steps=200)
    assert path.shape == (201, 2)
    np.testing.assert_array_equal(path[0], start)
    np.testing.assert_allclose(path[1], start - 0.04 * grad(start))
    np.testing.assert_allclose(path[-1], [0, 0], atol=1e-6)
    np.testing.assert_array_equal(start, [-4.0, 1.5])          # the caller's array is unchanged


def test_descent_path_diverges_for_a_too_large_step():
    _, grad = quadratic()
    path = plotting.descent_path(grad, [-4.0, 1.5], lr=0.11, steps=50)   # w2 <- (1 - 2.2) w2: x1.2 a step
    assert np.all(np.isfinite(path)) and abs(path[-1, 1]) > 1000 * 1.5
    with pytest.warns(RuntimeWarning, match="diverged"):
        huge = plotting.descent_path(grad, [1.0, 1.0], lr=50.0, steps=400)
    assert np.isnan(huge[-1]).all() and np.isfinite(huge[0]).all()
    with pytest.raises(ValueError, match="shape"):
        plotting.descent_path(lambda w: np.zeros(3), [1.0, 1.0], lr=0.1, steps=2)


@pytest.mark.parametrize("elementwise", [True, False])
def test_loss_surface_contours_f_and_draws_the_path_from_start_to_end(elementwise):
    f, grad = quadratic()
    g = f if elementwise else (lambda w1, w2: float(f(w1, w2)))
    path = plotting.descent_path(grad, [-4.0, 1.5], lr=0.09, steps=30)
    ax = plotting.plot_loss_surface(g, (-5, 5), (-2, 2), path=path, resolution=25)
    assert_titled_and_labelled(ax)
    levels = ax.collections[0].levels
    assert levels[0] <= 0 and levels[-1] >= f(5, 2)
    markers = {line.get_label(): line.get_xydata() for line in ax.lines}
    np.testing.assert_allclose(markers["start"][0], path[0])
    np.testing.assert_allclose(markers["end (after 30 steps)"][0], path[-1])
    assert len(ax.texts) >= 29                               # an arrow per step


# ---------------------------------------------------------------- bad input: each check says what it expected

X4, Y4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
RUN = plotting.descent_run("1d", 0.1, 5)
RACE = plotting.race_paths("valley", 0.1, 0.5, 0.1, 5)


def xor_net():
    return MLP([2, 3, 1], "tanh", "sigmoid", "binary_cross_entropy", seed=0)


def staircase():
    return plotting.staircase_network(np.sin, 4)


def pair():
    return plt.figure().subplots(1, 2)


def bowl(a, b):
    return a ** 2 + b ** 2


@pytest.mark.parametrize("call, error, message", [
    (lambda: plotting.neuron_formula("abc", 1, 0), TypeError, "w1 must be a number; got str 'abc'"),
    (lambda: plotting.neuron(1, 1, np.nan), ValueError, "b must be finite"),
    (lambda: plotting.neuron_formula(1, 1, 0, "softplus"), ValueError, "unknown activation 'softplus'"),
    (lambda: plotting.neuron_accuracy(1, 1, 0, X4, [0, 1, 2, 1]), ValueError, "y must hold class labels 0 or 1"),
    (lambda: plotting.neuron_accuracy(1, 1, 0, np.zeros((4, 3)), Y4),
     ValueError, r"X must be 2-D points, shape \(n, 2\)"),
    (lambda: plotting.plot_points(X4, [0, 1]), ValueError, r"y must be one label per point, shape \(4,\)"),
    (lambda: plotting.plot_points(X4, Y4, edgecolor="nope"), ValueError, "edgecolor must be a matplotlib colour"),
    (lambda: plotting.plot_points(X4, Y4, marker=np.zeros((2, 3))), ValueError, "marker must be a matplotlib marker"),
    (lambda: plotting.decision_grid(object(), (-1, 1), (-1, 1)),
     TypeError, r"model must be a network with a forward\(X\)"),
    (lambda: plotting.decision_grid(xor_net(), (1, 1), (-1, 1)),
     ValueError, "xlim must be a pair .* two different numbers"),
    (lambda: plotting.decision_grid(xor_net(), (-1, 1), (-1, 1), 2.5), TypeError, "resolution must be an integer >= 2"),
    (lambda: plotting.plot_decision_boundary(xor_net(), X4, Y4, y_test=Y4), ValueError,
     "X_test and y_test must be given together"),
    (lambda: plotting.update_neuron(plt.figure().add_subplot(), 1, 1, 0, "step", X4, Y4), ValueError,
     "ax must be an Axes drawn by plot_neuron"),
    (lambda: plotting.update_neuron("ax", 1, 1, 0, "step", X4, Y4), TypeError, "ax must be a matplotlib Axes"),
    (lambda: plotting.plot_loss_curve([0.7, 0.5]), TypeError, "history must be the dict MLP.fit returns"),
    (lambda: plotting.plot_loss_curve({"accuracy": [0.5]}), ValueError, "with a 'loss' list; got keys"),
    (lambda: plotting.plot_loss_curve({"loss": [0.7, 0.5]}, mark_epoch=-1), ValueError,
     "mark_epoch must be an integer >= 0"),
    (lambda: plotting.descent_path("grad", [1.0], 0.1, 3), TypeError, "grad must be a function of w"),
    (lambda: plotting.plot_descent_path(np.full((3, 2), np.nan)),
     ValueError, "path must have at least one finite point"),
    (lambda: plotting.plot_loss_surface(bowl, (-1, 1), (-1, 1), levels=2.5), TypeError, "levels must be a number of"),
    (lambda: plotting.plot_loss_surface(bowl, (-1, 1), (-1, 1), levels=[3, 2, 1]), ValueError, "increasing values"),
    (lambda: plotting.plot_loss_surface("bowl", (-1, 1), (-1, 1)), TypeError, r"f must be a function f\(w1, w2\)"),
    (lambda: plotting.plot_losses_at(1, 0.5, grad_limit=0), ValueError, "grad_limit must be > 0"),
    (lambda: plotting.plot_losses_at(1, 0.5, [plt.figure().add_subplot()]), ValueError,
     "axes must be a list of 2 or 3 matplotlib Axes"),
    (lambda: plotting.update_losses_at(pair(), 1, 0.5), ValueError, "axes must be an Axes drawn by plot_losses_at"),
    (lambda: plotting.staircase_network("sin", 4), TypeError, "f must be a function of x"),
    (lambda: plotting.approximation_error(staircase(), np.sin, (0, 0)),
     ValueError, r"interval must be \(a, b\) with a < b"),
    (lambda: plotting.plot_approximation(xor_net(), np.sin), ValueError, "net must take one input"),
    (lambda: plotting.plot_hidden_contributions("net"), TypeError, "net must be an MLP with one input"),
    (lambda: plotting.digit_title(np.full(10, 0.1), "3"), TypeError, r"true_label must be a class 0\.\.9 or None"),
    (lambda: plotting.digit_title(np.full((2, 5), 0.1)), ValueError, "probabilities must be one row"),
    (lambda: plotting.plot_digit_prediction(np.zeros(64), np.full(10, 0.1), axes="ab"), TypeError,
     "axes must be a list of 2 matplotlib Axes"),
    (lambda: plotting.update_digit_prediction(pair(), np.zeros(64), np.full(10, 0.1)), ValueError,
     "axes must be an Axes drawn by plot_digit_prediction"),
    (lambda: plotting.classify_descent(np.zeros((3, 1)), np.zeros(2)), ValueError,
     "gaps must be one number per point of path"),
    (lambda: plotting.plot_descent_run({"lr": 0.1}, pair()), ValueError, "run must be a dict from descent_run"),
    (lambda: plotting.update_descent_run(RUN, pair()), ValueError, "axes must be an Axes drawn by plot_descent_run"),
    (lambda: plotting.race_losses("valley", {"SGD": np.zeros(3)}),
     ValueError, r"paths\['SGD'\] must have shape \(k, 2\)"),
    (lambda: plotting.race_losses("valley", RACE["SGD"]), TypeError, "paths must be a dict name -> path"),
    (lambda: plotting.plot_optimizer_race("valley", {"sgd": RACE["SGD"]}), ValueError,
     "each name in paths must be one of 'SGD', 'momentum', 'RMSProp', 'Adam'"),
    (lambda: plotting.plot_optimizer_race("valley", RACE, settings={"SGD": "η = 0.1"}), ValueError,
     r"settings must give a legend text for each path; got none for \['momentum', 'Adam'\]"),
    (lambda: plotting.update_optimizer_race(pair(), "valley", RACE), ValueError,
     "axes must be an Axes drawn by plot_optimizer_race"),
])
def test_bad_input_gets_a_message_naming_what_was_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_checks_leave_good_calls_as_they_were():
    """Titles may be any text (an empty one keeps the default); the pair of axes given is the one returned."""
    ax = plotting.plot_decision_boundary(xor_net(), X4, Y4, resolution=5, title="")
    assert ax.get_title() == "Decision boundary of [2, 3, 1]"
    ax = plotting.plot_points(X4, Y4, title=np.array([1, 2]), edgecolor="face")
    assert ax.get_title() == "[1 2]"
    axes = pair()
    assert plotting.plot_descent_run(RUN, axes) is axes and plotting.update_descent_run(RUN, axes) is axes
    axes = pair()
    assert plotting.plot_optimizer_race("valley", RACE, axes, settings={}) is axes
    assert plotting.plot_loss_curve({"loss": np.array([0.7, np.nan])}, mark_epoch=np.int64(1)).get_title()
