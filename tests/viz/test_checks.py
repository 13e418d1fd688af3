"""Bad input to a picture gets a message naming what was expected and what came; good input is
drawn as before.  And the style's helpers: one Axes made or checked, artists found by gid."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nn_helpers import MLP
from nn_helpers.lessons.approximation import staircase_network
from nn_helpers.lessons.descent import descent_run, race_paths
from nn_helpers.viz import style
from nn_helpers.viz.approximation import plot_approximation, plot_hidden_contributions
from nn_helpers.viz.curves import plot_loss_curve, plot_losses_at, update_losses_at
from nn_helpers.viz.descent import (plot_descent_path, plot_descent_run, plot_loss_surface, plot_optimizer_race,
                                    update_descent_run, update_optimizer_race)
from nn_helpers.viz.digits import digit_title, plot_digit_prediction, update_digit_prediction
from nn_helpers.viz.points import plot_decision_boundary, plot_points, update_neuron

pytestmark = pytest.mark.filterwarnings("error")

X4, Y4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]), np.array([0, 1, 1, 0])
RUN = descent_run("1d", 0.1, 5)
RACE = race_paths("valley", 0.1, 0.5, 0.1, 5)


def xor_net():
    return MLP([2, 3, 1], "tanh", "sigmoid", "binary_cross_entropy", seed=0)


def pair():
    return plt.figure().subplots(1, 2)


def bowl(a, b):
    return a ** 2 + b ** 2


@pytest.mark.parametrize("call, error, message", [
    (lambda: plot_points(X4, [0, 1]), ValueError, r"y must be one label per point, shape \(4,\)"),
    (lambda: plot_points(X4, Y4, edgecolor="nope"), ValueError, "edgecolor must be a matplotlib colour"),
    (lambda: plot_points(X4, Y4, marker=np.zeros((2, 3))), ValueError, "marker must be a matplotlib marker"),
    (lambda: plot_decision_boundary(xor_net(), X4, Y4, y_test=Y4), ValueError,
     "X_test and y_test must be given together"),
    (lambda: update_neuron(plt.figure().add_subplot(), 1, 1, 0, "step", X4, Y4), ValueError,
     "ax must be an Axes drawn by plot_neuron"),
    (lambda: update_neuron("ax", 1, 1, 0, "step", X4, Y4), TypeError, "ax must be a matplotlib Axes"),
    (lambda: plot_loss_curve([0.7, 0.5]), TypeError, "history must be the dict MLP.fit returns"),
    (lambda: plot_loss_curve({"accuracy": [0.5]}), ValueError, "with a 'loss' list; got keys"),
    (lambda: plot_loss_curve({"loss": [0.7, 0.5]}, mark_epoch=-1), ValueError,
     "mark_epoch must be an integer >= 0"),
    (lambda: plot_descent_path(np.full((3, 2), np.nan)),
     ValueError, "path must have at least one finite point"),
    (lambda: plot_loss_surface(bowl, (-1, 1), (-1, 1), levels=2.5), TypeError, "levels must be a number of"),
    (lambda: plot_loss_surface(bowl, (-1, 1), (-1, 1), levels=[3, 2, 1]), ValueError, "increasing values"),
    (lambda: plot_loss_surface("bowl", (-1, 1), (-1, 1)), TypeError, r"f must be a function f\(w1, w2\)"),
    (lambda: plot_losses_at(1, 0.5, grad_limit=0), ValueError, "grad_limit must be > 0"),
    (lambda: plot_losses_at(1, 0.5, [plt.figure().add_subplot()]), ValueError,
     "axes must be a list of 2 or 3 matplotlib Axes"),
    (lambda: update_losses_at(pair(), 1, 0.5), ValueError, "axes must be an Axes drawn by plot_losses_at"),
    (lambda: plot_approximation(xor_net(), np.sin), ValueError, "net must take one input"),
    (lambda: plot_approximation(staircase_network(np.sin, 4), "sin"), TypeError, "f must be a function of x"),
    (lambda: plot_hidden_contributions("net"), TypeError, "net must be an MLP with one input"),
    (lambda: digit_title(np.full(10, 0.1), "3"), TypeError, r"true_label must be a class 0\.\.9 or None"),
    (lambda: digit_title(np.full((2, 5), 0.1)), ValueError, "probabilities must be one row"),
    (lambda: plot_digit_prediction(np.zeros(64), np.full(10, 0.1), axes="ab"), TypeError,
     "axes must be a list of 2 matplotlib Axes"),
    (lambda: update_digit_prediction(pair(), np.zeros(64), np.full(10, 0.1)), ValueError,
     "axes must be an Axes drawn by plot_digit_prediction"),
    (lambda: plot_descent_run({"lr": 0.1}, pair()), ValueError, "run must be a dict from descent_run"),
    (lambda: update_descent_run(RUN, pair()), ValueError, "axes must be an Axes drawn by plot_descent_run"),
    (lambda: plot_optimizer_race("valley", {"sgd": RACE["SGD"]}), ValueError,
     "each name in paths must be one of 'SGD', 'momentum', 'RMSProp', 'Adam'"),
    (lambda: plot_optimizer_race("valley", RACE, settings={"SGD": "η = 0.1"}), ValueError,
     r"settings must give a legend text for each path; got none for \['momentum', 'Adam'\]"),
    (lambda: update_optimizer_race(pair(), "valley", RACE), ValueError,
     "axes must be an Axes drawn by plot_optimizer_race"),
])
def test_bad_input_gets_a_message_naming_what_was_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_the_checks_leave_good_calls_as_they_were():
    """Titles may be any text (an empty one keeps the default); the pair of axes given is the one returned."""
    ax = plot_decision_boundary(xor_net(), X4, Y4, resolution=5, title="")
    assert ax.get_title() == "Decision boundary of [2, 3, 1]"
    ax = plot_points(X4, Y4, title=np.array([1, 2]), edgecolor="face")
    assert ax.get_title() == "[1 2]"
    axes = pair()
    assert plot_descent_run(RUN, axes) is axes and update_descent_run(RUN, axes) is axes
    axes = pair()
    assert plot_optimizer_race("valley", RACE, axes, settings={}) is axes
    assert plot_loss_curve({"loss": np.array([0.7, np.nan])}, mark_epoch=np.int64(1)).get_title()


# ---------------------------------------------------------------- the style's axes helpers

def test_new_axes_makes_one_or_checks_the_one_given():
    ax = Figure().add_subplot()
    assert style.new_axes(ax) is ax and not plt.get_fignums()
    made = style.new_axes(None, figsize=(3, 2))
    assert plt.get_fignums() and tuple(made.figure.get_size_inches()) == (3, 2)
    with pytest.raises(TypeError, match="ax must be a matplotlib Axes .* or None; got str 'ax'"):
        style.new_axes("ax")
    with pytest.raises(ValueError, match=r"axes must be a list of 2 matplotlib Axes .*; got 3"):
        style.axes_list(Figure().subplots(1, 3), "axes")


def test_find_and_drawn_get_an_artist_back_by_its_gid():
    ax = Figure().add_subplot()
    line, = ax.plot([0, 1], [0, 1], gid="path")
    assert style.find(ax, "path") is line and style.find(ax, "gap") is None
    assert style.drawn(ax, "ax", "plot_x", "path") == [line]
    with pytest.raises(ValueError, match="ax must be an Axes drawn by plot_x; got one without its 'gap'"):
        style.drawn(ax, "ax", "plot_x", "path", "gap")


def test_no_title_is_none_or_empty_text_and_anything_else_is_shown():
    assert style.title_or(None, "default") == style.title_or("", "default") == "default"
    assert style.title_or("mine", "default") == "mine" and style.title_or(0, "default") == 0


def test_the_palette_has_one_colour_per_class_and_signs_shade_like_classes_0_and_1():
    assert len(set(style.CLASS_COLORS)) == len(style.CLASS_COLORS) == 6
    assert (style.NEGATIVE, style.POSITIVE) == tuple(style.CLASS_COLORS[:2])
    assert set(style.RACE_COLORS.values()) <= set(style.CLASS_COLORS)
    assert style.check_colour("#3a7dc9") == "#3a7dc9" and style.check_marker("^") == "^"
