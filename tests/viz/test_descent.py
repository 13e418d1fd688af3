"""viz.descent: a descent path on a loss surface, one run with its verdict (notebook 08), and the
optimizer race (notebook 10)."""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.lessons.descent import (DESCENT_SURFACES, descent_path, descent_run, optimizer_surface, race_losses,
                                        race_paths)
from nn_helpers.viz.descent import plot_descent_run, plot_loss_surface, plot_optimizer_race, update_optimizer_race

pytestmark = pytest.mark.filterwarnings("error")


def quadratic():
    """L = w1^2 + 10 w2^2: minimum at (0, 0); gradient (2 w1, 20 w2); stable for lr < 2 / 20."""
    return (lambda w1, w2: w1 ** 2 + 10 * w2 ** 2), (lambda w: np.array([2 * w[0], 20 * w[1]]))


@pytest.mark.parametrize("elementwise", [True, False])
def test_loss_surface_contours_f_and_draws_the_path_from_start_to_end(elementwise):
    f, grad = quadratic()
    g = f if elementwise else (lambda w1, w2: float(f(w1, w2)))
    path = descent_path(grad, [-4.0, 1.5], lr=0.09, steps=30)
    ax = plot_loss_surface(g, (-5, 5), (-2, 2), path=path, resolution=25)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    levels = ax.collections[0].levels
    assert levels[0] <= 0 and levels[-1] >= f(5, 2)
    markers = {line.get_label(): line.get_xydata() for line in ax.lines}
    np.testing.assert_allclose(markers["start"][0], path[0])
    np.testing.assert_allclose(markers["end (after 30 steps)"][0], path[-1])
    assert len(ax.texts) >= 29                               # an arrow per step


# ---------------------------------------------------------------- one run (notebook 08)

@pytest.mark.parametrize("surface", list(DESCENT_SURFACES))
def test_plot_has_labelled_axes_and_the_regime_in_the_title(surface):
    fig, axes = plt.subplots(1, 2)
    plot_descent_run(descent_run(surface, 0.95 if surface == "1d" else 0.09, 20), axes)
    assert "oscillates" in axes[0].get_title()
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes)


# ---------------------------------------------------------------- the optimizer race (notebook 10)

def test_a_diverging_race_is_quiet_and_drawn_as_diverged():
    paths = race_paths("rosenbrock", lr=0.5, beta=0.9, adam_lr=0.1, steps=30)
    assert np.isnan(paths["SGD"][-1]).all()
    axes = plot_optimizer_race("rosenbrock", paths)
    labels = [t.get_text() for t in axes[1].get_legend().get_texts()]
    assert any("SGD" in t and "diverged" in t for t in labels)
    plt.close("all")


def test_the_race_draws_an_rmsprop_path_beside_the_three_of_race_paths():
    """Notebook 10 adds RMSProp (lr 0.3, beta 0.9) to the valley race: it ends near E = 0.00115."""
    from nn_helpers.optimizers import RMSProp, optimize_path
    s = optimizer_surface("valley")
    paths = race_paths("valley", 0.8, 0.5, 0.3, 40)
    paths["RMSProp"] = optimize_path(RMSProp(0.3, beta=0.9), s["grad"], s["start"], 40)
    assert race_losses("valley", paths)["RMSProp"][-1] == pytest.approx(0.00115, rel=0.01)
    settings = {"SGD": "a", "momentum": "b", "RMSProp": "c", "Adam": "d"}
    axes = plot_optimizer_race("valley", paths, settings=settings)
    line = next(a for a in axes[0].get_lines() if a.get_gid() == "path RMSProp")
    assert len(line.get_xdata()) == 41
    labels = [t.get_text() for t in axes[1].get_legend().get_texts()]
    assert [label.split(" (")[0] for label in labels] == ["SGD", "momentum", "RMSProp", "Adam"]
    plt.close("all")


def test_a_race_of_three_shows_no_empty_rmsprop_entry():
    axes = plot_optimizer_race("valley", race_paths("valley", 0.8, 0.5, 0.3, 40))
    labels = [t.get_text() for t in axes[1].get_legend().get_texts()]
    assert len(labels) == 3 and not any("RMSProp" in label for label in labels)
    plt.close("all")


def test_picture_has_titles_labels_and_updates_in_place():
    paths = race_paths("valley", 0.8, 0.5, 0.3, 40)
    axes = plot_optimizer_race("valley", paths, settings={"SGD": "a", "momentum": "b", "Adam": "c"})
    for ax in axes:
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    line = next(a for a in axes[0].get_lines() if a.get_gid() == "path SGD")
    n_artists = len(axes[0].get_children())
    update_optimizer_race(axes, "valley", race_paths("valley", 0.1, 0.5, 0.3, 10))
    assert len(line.get_xdata()) == 11 and len(axes[0].get_children()) == n_artists
    plt.close("all")
