"""viz.points: class-coloured points, decision boundaries and one neuron's output, checked
through their artists (an image's array, a line's data, a collection's colours), never pixels."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers import MLP, datasets
from nn_helpers.activations import ACTIVATIONS
from nn_helpers.lessons.one_neuron import decision_grid
from nn_helpers.viz.points import plot_decision_boundary, plot_neuron, plot_points, update_neuron
from nn_helpers.viz.style import CLASS_CMAP, CLASS_COLORS, NEGATIVE, POSITIVE, find

pytestmark = pytest.mark.filterwarnings("error")


def assert_titled_and_labelled(ax):
    assert ax.get_title(), "no title"
    assert ax.get_xlabel() and ax.get_ylabel(), "axes not labelled"


# ---------------------------------------------------------------- decision boundaries and points

def test_binary_boundary_shades_probability_and_marks_train_and_test_points():
    X, y = datasets.make_moons(60, noise=0.2, seed=0)
    X_tr, X_te, y_tr, y_te = datasets.train_test_split(X, y, test_size=0.25, seed=0)
    net = MLP([2, 4, 1], activation="tanh", loss="binary_cross_entropy", seed=0)
    net.fit(X_tr, y_tr, epochs=50, lr=0.5)
    ax = plot_decision_boundary(net, X_tr, y_tr, X_test=X_te, y_test=y_te)
    assert_titled_and_labelled(ax)
    labels = [c.get_label() for c in ax.collections if c.get_label().startswith(("train", "test"))]
    assert labels == ["train class 0", "train class 1", "test class 0", "test class 1"]
    shown = sum(len(c.get_offsets()) for c in ax.collections if c.get_label().startswith(("train", "test")))
    assert shown == len(X)


def test_multiclass_boundary_colours_each_region_by_its_class():
    X, y = datasets.make_spiral(90, n_classes=3, seed=0)
    net = MLP([2, 6, 3], activation="tanh", loss="cross_entropy", seed=0)
    ax = plot_decision_boundary(net, X, y, resolution=30, title="three classes")
    assert ax.get_title() == "three classes"
    image = ax.images[0].get_array()
    assert image.shape == (30, 30, 3) and image.min() >= 0 and image.max() <= 1


def test_plot_points_labels_axes_and_one_legend_entry_per_class():
    X, y = datasets.make_gaussians(30, n_classes=3, seed=0)
    ax = plot_points(X, y, title="blobs")
    assert_titled_and_labelled(ax)
    assert [c.get_label() for c in ax.collections] == ["class 0", "class 1", "class 2"]


def test_class_k_is_drawn_in_class_colors_k_everywhere():
    """The course's one mapping: points, shaded regions and the 0-to-1 shading all use CLASS_COLORS."""
    from matplotlib.colors import to_rgb, to_rgba
    X, y = datasets.make_spiral(90, n_classes=3, seed=0)
    ax = plot_points(X, y, title="spiral")
    for k, points in enumerate(ax.collections):
        np.testing.assert_allclose(points.get_facecolor()[0], to_rgba(CLASS_COLORS[k]))
    np.testing.assert_allclose(CLASS_CMAP(0.0)[:3], to_rgb(CLASS_COLORS[0]))
    np.testing.assert_allclose(CLASS_CMAP(1.0)[:3], to_rgb(CLASS_COLORS[1]))
    net = MLP([2, 6, 3], activation="tanh", loss="cross_entropy", seed=0)
    ax = plot_decision_boundary(net, X, y, resolution=30, title="three classes")
    labels = decision_grid(net, ax.get_xlim(), ax.get_ylim(), 30)[2].argmax(axis=-1)
    colours = np.array([to_rgb(c) for c in CLASS_COLORS])[labels]      # (30, 30, 3)
    blend = (1 - ax.images[0].get_array()) / (1 - colours)   # each pixel: white + s (colour - white)
    np.testing.assert_allclose(blend, blend[..., :1].repeat(3, axis=-1), atol=1e-9)
    assert (NEGATIVE, POSITIVE) == tuple(CLASS_COLORS[:2])     # signs shade like classes 0, 1


# ---------------------------------------------------------------- one neuron

@pytest.mark.parametrize("activation", ["step", "sigmoid", "tanh", "relu", "identity"])
def test_plot_neuron_shades_the_output_and_draws_the_line_z_equals_zero(activation):
    X, y = datasets.truth_table(lambda a, b: a and b, 2)
    ax = plot_neuron(1.0, 1.0, -1.5, activation, X, y, dataset_name="AND", resolution=11)
    assert_titled_and_labelled(ax)
    assert "100%" in ax.get_title() and f"a = {activation}(1.0·x1" in ax.get_title()
    image = ax.images[0]
    (x0, x1), (y0, y1) = image.get_extent()[:2], image.get_extent()[2:]
    xx, yy = np.meshgrid(np.linspace(x0, x1, 11), np.linspace(y0, y1, 11))
    np.testing.assert_allclose(image.get_array(), ACTIVATIONS[activation].f(xx + yy - 1.5))
    line_x, line_y = find(ax, "decision line").get_data()
    np.testing.assert_allclose(np.asarray(line_x) + np.asarray(line_y) - 1.5, 0, atol=1e-12)


def test_update_neuron_changes_the_picture_in_place():
    X, y = datasets.truth_table(lambda a, b: a and b, 2)
    ax = plot_neuron(1.0, 1.0, -1.5, "sigmoid", X, y, resolution=11)
    artists, before = len(ax.get_children()), ax.images[0].get_array().copy()
    update_neuron(ax, 1.0, 1.0, -0.5, "sigmoid", X, y)
    assert len(ax.get_children()) == artists
    assert not np.allclose(ax.images[0].get_array(), before)
    assert "50% (2 of 4 right)" in ax.get_title()      # the OR line, on AND
    with pytest.raises(ValueError, match="plot_neuron"):
        update_neuron(plt.subplots()[1], 1, 1, 0, "sigmoid", X, y)
