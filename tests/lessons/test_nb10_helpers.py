"""Notebook 10's helpers: the optimizer race (surfaces, paths, picture) and its explorer.

On the valley E = 0.05 w1^2 + w2^2 from (-9, 2), 40 steps: SGD (lr 0.8) ends near E = 0.0051,
momentum (lr 0.8, beta 0.5) near 2e-8, Adam (lr 0.3) near 0.009.
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers.viz.plotting import (OPTIMIZER_SURFACES, optimizer_surface, plot_optimizer_race,
                                 race_losses, race_paths, update_optimizer_race)
from nn_helpers.widgets.explorers import optimizer_explorer

pytestmark = pytest.mark.filterwarnings("error")


@pytest.mark.parametrize("name", list(OPTIMIZER_SURFACES))
def test_surface_gradients_match_finite_differences_and_the_minimum_is_zero(name):
    s = optimizer_surface(name)
    assert s["f"](*s["minimum"]) == 0
    rng = np.random.default_rng(0)
    for w in rng.uniform(-1.5, 1.5, size=(5, 2)):
        h = 1e-6
        numeric = [(s["f"](*(w + h * e)) - s["f"](*(w - h * e))) / (2 * h) for e in np.eye(2)]
        assert s["grad"](w) == pytest.approx(numeric, rel=1e-6, abs=1e-6)


def test_race_on_the_valley_gives_the_documented_numbers():
    paths = race_paths("valley", lr=0.8, beta=0.5, adam_lr=0.3, steps=40)
    losses = race_losses("valley", paths)
    assert {k: p.shape for k, p in paths.items()} == {k: (41, 2) for k in ("SGD", "momentum", "Adam")}
    assert losses["SGD"][-1] == pytest.approx(0.0051, rel=0.05)
    assert losses["momentum"][-1] < 1e-7
    assert losses["Adam"][-1] == pytest.approx(0.0092, rel=0.05)     # Adam does not win on a quadratic


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


def test_explorer_moves_like_its_sliders_and_a_new_surface_brings_its_settings():
    explorer = optimizer_explorer()
    assert explorer.values == {"lr": 0.8, "beta": 0.5, "adam_lr": 0.3, "steps": 40, "surface": "valley"}
    assert len(explorer.view.value) > 1000                     # a PNG was rendered
    explorer.update(steps=10, beta=0.9)
    line = next(a for a in explorer.figure.axes[0].get_lines() if a.get_gid() == "path momentum")
    assert len(line.get_xdata()) == 11
    explorer.controls["surface"].value = "rosenbrock"           # as if chosen by hand
    assert explorer.values["lr"] == pytest.approx(0.001) and explorer.values["adam_lr"] == pytest.approx(0.1)
    assert "Rosenbrock" in explorer.figure.axes[0].get_title()
    explorer.close()


@pytest.mark.parametrize("kwargs, message", [
    ({"surface": "bowl"}, "unknown surface"), ({"lr": 5.0}, "lr must be one of"), ({"adam_lr": 0.25}, "adam_lr must be one of"),
    ({"beta": 1.5}, "beta must be between"), ({"steps": 0}, "steps"), ({"steps": 500}, "steps must be"),
])
def test_explorer_rejects_bad_settings(kwargs, message):
    with pytest.raises((ValueError, TypeError), match=message):
        optimizer_explorer(**kwargs)
