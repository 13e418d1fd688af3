"""viz.slopes: an activation and its slope with the saturated regions shaded (notebook 03), and a
secant against the tangent (notebook 06)."""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nn_helpers.activations import ACTIVATIONS
from nn_helpers.lessons.slopes import activation_curves
from nn_helpers.viz.slopes import mark_activation, plot_activation, plot_slope

pytestmark = pytest.mark.filterwarnings("error")


def ax():
    return Figure().add_subplot()


def gids(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_plot_activation_draws_f_and_its_slope(name):
    z = np.linspace(-6, 6, 101)
    ax = plot_activation(name, z=z)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    f_line, slope_line = gids(ax, "f")[0], gids(ax, "f'")[0]
    f, slope = activation_curves(name, z)
    np.testing.assert_allclose(f_line.get_ydata(), f)
    np.testing.assert_allclose(slope_line.get_ydata(), slope)
    # (that these are each activation and its slope: tests/lessons/test_slopes.py)


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


def test_plot_slope_forward_and_central_secants():
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, name="x²")
    labels = ax.get_legend_handles_labels()[1]
    assert "secant, slope (f(x+h) − f(x)) / h = 6.1000" in labels          # (9.61 - 9) / 0.1
    assert "tangent, slope f'(x) = 6.0000" in labels
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, method="central")
    assert "secant, slope (f(x+h) − f(x−h)) / 2h = 6.0000" in ax.get_legend_handles_labels()[1]
    secant = [line for line in ax.lines if line.get_gid() == "secant"][0]
    x, y = secant.get_data()
    assert np.allclose(np.diff(y) / np.diff(x), 6.0)
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "f(x)" and "x = 3" in ax.get_title()
    with pytest.raises(ValueError, match="method"):
        plot_slope(np.sin, 0.0, 0.1, method="backward")


# ---------------------------------------------------------------- what they are given

def test_activation_arguments():
    with pytest.raises(TypeError, match="z must be numeric .*; got str 'abc'"):
        activation_curves("tanh", "abc")
    with pytest.raises(ValueError, match=r"z must be a 1-D array of at least 2 numbers; got shape \(\)"):
        plot_activation("tanh", ax(), z=2.5)
    with pytest.raises(ValueError, match="z must be sorted"):
        plot_activation("tanh", ax(), z=[1.0, 0.0, 2.0])
    with pytest.raises(TypeError, match="mark must be a number; got str 'abc'"):
        plot_activation("tanh", ax(), mark="abc")
    picture = plot_activation("tanh", ax())
    with pytest.raises(TypeError, match="ax must be the Axes of a plot_activation picture; got NoneType"):
        mark_activation(None, "tanh", 0.5)
    with pytest.raises(ValueError, match="z0 must be finite; got nan"):
        mark_activation(picture, "tanh", float("nan"))


def test_slope_arguments():
    with pytest.raises(TypeError, match=r"f must be a function of an ndarray \(e.g. np.sin\); got str 'abc'"):
        plot_slope("abc", 1.0, 0.5)
    with pytest.raises(TypeError, match="f_prime must be a function"):
        plot_slope(np.sin, 1.0, 0.5, f_prime=2.5)
    with pytest.raises(TypeError, match="x must be a number; got dict"):
        plot_slope(np.sin, {"a": 1}, 0.5)
    with pytest.raises(ValueError, match="h must be > 0; got -7.0"):
        plot_slope(np.sin, 1.0, -7)
    with pytest.raises(ValueError, match="method must be one of 'forward', 'central'"):
        plot_slope(np.sin, 1.0, 0.5, method="backward")
    with pytest.raises(ValueError, match=r"xlim must be \(low, high\) with low < high; got \(4, -4\)"):
        plot_slope(np.sin, 1.0, 0.5, xlim=(4, -4))
    assert not plt.get_fignums()
