"""Notebook 05's helpers: the losses of one prediction (``plotting.loss_curves``, ``losses_at``,
``plot_losses_at``) and ``widgets.loss_explorer``, which moves a prediction along them."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers import losses
from nn_helpers.viz.plotting import loss_curves, losses_at, plot_losses_at
from nn_helpers.widgets.explorers import Explorer, loss_explorer

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def explorer():
    made = []
    yield lambda **kw: made.append(loss_explorer(**kw)) or made[-1]
    for e in made:
        e.close()
    plt.close("all")


def marker(e, name, panel=0):
    key = ("point " if panel == 0 else "slope point ") + name
    artist = next(a for a in e.figure.axes[panel].get_children() if a.get_gid() == key)
    return float(artist.get_xdata()[0]), float(artist.get_ydata()[0])


def table(e):
    return e.figure.axes[2].texts[0].get_text()


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


def test_bad_targets_and_predictions_are_refused():
    with pytest.raises(ValueError, match="0 or 1"):
        loss_curves(0.5, np.array([0.3]))
    _, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="between 0 and 1"):
        plot_losses_at(1, 1.5, axes)
    plt.close("all")


def test_explorer_has_its_controls_and_shows_a_png(explorer):
    e = explorer(o=0.7, t=1)
    assert isinstance(e, Explorer)
    assert set(e.controls) == {"o", "t"}
    assert (e.controls["o"].min, e.controls["o"].max) == (0.01, 0.99)
    assert bytes(e.view.value).startswith(b"\x89PNG")
    assert "prediction o = 0.70" in table(e) and "target t = 1" in table(e)
    assert marker(e, "squared error") == pytest.approx((0.7, 0.045))


def test_moving_the_slider_moves_the_marks_and_the_numbers(explorer):
    e = explorer(o=0.7, t=1)
    before = (table(e), e.view.value, marker(e, "cross-entropy"))
    e.controls["o"].value = 0.2                      # as a learner's slider does
    assert table(e) != before[0] and e.view.value != before[1]
    assert marker(e, "cross-entropy") == pytest.approx((0.2, -np.log(0.2)))
    assert marker(e, "cross-entropy", panel=1) == pytest.approx((0.2, -5.0))   # -1/0.2 = -5
    for name, (L, g) in losses_at(1, 0.2).items():
        assert f"{L:10.4f}{g:14.4f}" in table(e)     # the table prints nn_helpers.losses' numbers


def test_the_slope_panel_shows_cross_entropys_steep_slopes_at_their_true_values(explorer):
    # t = 1: dL/do = (o - t) / (o (1 - o)) = -1/o: -20 at o = 0.05, -100 at o = 0.01 (no plateau)
    e = explorer(o=0.05, t=1)
    slope_ax = e.figure.axes[1]
    assert slope_ax.get_yscale() == "symlog"
    for o in (0.05, 0.01):
        e.update(o=o)
        dot = marker(e, "cross-entropy", panel=1)
        assert dot == pytest.approx((o, -1 / o))
        low, high = slope_ax.get_ylim()
        assert low < dot[1] < high
        assert "clipped" not in slope_ax.get_title()
    assert slope_ax.get_ylim()[1] < 5          # t = 1: every slope is <= 0, the panel shows that side
    e.update(t=0, o=0.99)                       # t = 0: dL/do = 1 / (1 - o) = 100
    assert marker(e, "cross-entropy", panel=1) == pytest.approx((0.99, 100.0))
    assert slope_ax.get_ylim()[0] > -5 and slope_ax.get_ylim()[1] > 100


def test_a_slope_beyond_the_limit_is_drawn_at_the_edge_and_the_title_says_so():
    _, axes = plt.subplots(1, 2)
    plot_losses_at(1, 0.0001, axes)             # -1/0.0001 = -10000, beyond the default limit 1000
    dot = next(a for a in axes[1].lines if a.get_gid() == "slope point cross-entropy")
    assert float(dot.get_ydata()[0]) == -1000.0
    assert "clipped at ±1000" in axes[1].get_title()
    plt.close("all")


def test_toggling_the_target_redraws_the_curves_in_place(explorer):
    e = explorer(o=0.3, t=1)
    curve = next(a for a in e.figure.axes[0].lines if a.get_gid() == "curve cross-entropy")
    top_right = curve.get_ydata()[-1]
    e.update(t=0)
    assert curve in e.figure.axes[0].lines          # the same artist, new data
    assert curve.get_ydata()[-1] > top_right        # t = 0: -log(1 - o) rises at o -> 1
    assert marker(e, "absolute error") == pytest.approx((0.3, 0.3))
    assert "target t = 0" in table(e) and "(target $t$ = 0)" in e.figure.axes[0].get_title()


def test_update_refuses_values_outside_the_controls(explorer):
    e = explorer()
    with pytest.raises(ValueError, match="between 0.01 and 0.99"):
        e.update(o=1.2)
    with pytest.raises(ValueError, match="one of"):
        e.update(t=2)
