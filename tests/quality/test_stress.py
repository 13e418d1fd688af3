"""Widgets under stress: rapid moves and repeated training leave nothing behind; an interrupt breaks nothing.

Each explorer's control is moved 1,000 times (100 for the three explorers that redraw their
whole picture on every move, each such move costing a quarter of a second), then back to where
it started; the playground's replay slider is moved 1,000 times and Train pressed 20 times.
Afterwards there must be no new pyplot figure (and no "More than 20 figures" warning: warnings
are errors here), no new thread, the same number of artists in the picture (nothing piles up),
and less than 50 MB more memory (resident set size).

The moves run the explorers' own code (their draw functions, the playground's frames) with the
rasterisation skipped, as under ipympl where the browser asks for pixels only when it can show
them; a second test renders every move to PNG/JPEG, as the inline backend does, 100 moves each.
The in-browser side (a kernel interrupt from the Kernel menu) is tests/browser/test_interrupt.py.
"""
import gc
import threading

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib._pylab_helpers import Gcf

from benchmarks.bench_playground import rss_mb  # (resident memory now, in MB)
from nn_helpers import examples
from nn_helpers.widgets import explorers as widgets
from nn_helpers.widgets.playground.training import PlaygroundConfig, playground
from tests.quality.test_reliability import digits_net, value_graph

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("error")]

MOVES, FEW_MOVES, RENDERED_MOVES, TRAININGS = 1000, 100, 100, 20
MAX_GROWTH_MB = 50
SMALL = PlaygroundConfig(n_samples=100, epochs=40, frames=12, lr=0.3)


def boolean_forward_explorer():
    net, X, _ = examples.boolean_example()
    return widgets.forward_explorer(net, X[3])


# name -> (make the explorer, the control to move, the values it cycles through, how many moves)
EXPLORERS = {
    "neuron": (widgets.neuron_explorer, "w1", np.round(np.arange(-3, 3, 0.1), 1), MOVES),
    "activation": (widgets.activation_explorer, "z", np.round(np.arange(-3, 3, 0.1), 1), MOVES),
    "loss": (widgets.loss_explorer, "o", np.round(np.arange(0.05, 0.95, 0.01), 2), MOVES),
    "backprop_stepper": (lambda: widgets.backprop_stepper(*examples.mazur_example()), "step", list(range(1, 9)),
                         MOVES),
    "forward": (boolean_forward_explorer, "x1", [0, 1], MOVES),
    "digit": (lambda: widgets.digit_explorer(digits_net(), np.random.default_rng(0).uniform(0, 1, (20, 64))),
              "index", list(range(20)), MOVES),
    "learning_rate": (widgets.learning_rate_explorer, "lr", np.round(np.arange(0.01, 0.5, 0.01), 2), MOVES),
    "optimizer": (widgets.optimizer_explorer, "steps", list(range(1, 60)), MOVES),
    # these redraw their whole picture on every move (new axes, new layout): fewer moves
    "slope": (widgets.slope_explorer, "x", np.round(np.arange(-2, 2, 0.1), 1), FEW_MOVES),
    "backprop_explorer": (lambda: widgets.backprop_explorer(value_graph()), "step", list(range(5)), FEW_MOVES),
    "approximation": (widgets.approximation_explorer, "units", list(range(1, 20)), FEW_MOVES),
}


def state(figure):
    """What must not change after the moves: open pyplot figures, threads, and the picture's artists."""
    gc.collect()
    return {"pyplot figures": plt.get_fignums(), "figure managers": Gcf.get_num_fig_managers(),
            "threads": threading.active_count(), "artists": len(figure.findobj())}


def move(control, values, n):
    """n rapid moves through values, then back to values[0]; returns how many changed the value."""
    changed = 0
    for value in [values[(i + 1) % len(values)] for i in range(n)] + [values[0]]:
        changed += control.value != value
        control.value = value
    return changed


def assert_nothing_left_behind(before, after, rss_before):
    grown = rss_mb() - rss_before
    assert after == before, f"before {before}, after {after}"
    assert grown < MAX_GROWTH_MB, f"memory grew by {grown:.0f} MB"


@pytest.fixture(autouse=True)
def _close_all():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_rapid_moves_leave_no_figures_threads_artists_or_memory_behind(name, monkeypatch):
    make, control_name, values, n = EXPLORERS[name]
    renders = []
    monkeypatch.setattr(widgets, "refresh", lambda view, figure: renders.append(view))
    explorer = make()
    try:
        control = explorer.controls[control_name]
        move(control, values, len(values))                    # warm up: every picture drawn once
        before, rss_before, drawn = state(explorer.figure), rss_mb(), len(renders)
        moved = move(control, values, n)
        assert moved >= n and len(renders) - drawn == moved, "every move redraws the picture"
        assert_nothing_left_behind(before, state(explorer.figure), rss_before)
    finally:
        explorer.close()


@pytest.mark.parametrize("name", ["neuron", "learning_rate"])
def test_rapid_moves_rendered_to_png_leave_nothing_behind(name):
    make, control_name, values, _ = EXPLORERS[name]
    explorer = make()
    try:
        control = explorer.controls[control_name]
        move(control, values, len(values))
        before, rss_before = state(explorer.figure), rss_mb()
        first_png = explorer.view.value
        move(control, values, RENDERED_MOVES)
        assert explorer.view.value == first_png               # back where it started, pixel for pixel
        assert_nothing_left_behind(before, state(explorer.figure), rss_before)
    finally:
        explorer.close()


@pytest.fixture
def pg():
    widget = playground(SMALL, backend="static")
    yield widget
    widget.close()


def test_the_playground_survives_1000_replay_moves_and_20_trainings(pg, monkeypatch):
    frames = list(range(pg.slider.max + 1))
    figure, n_axes = pg.figure, len(pg.figure.axes)
    drawn = []
    with monkeypatch.context() as patch:
        patch.setattr(pg, "_draw", lambda: drawn.append(1))
        move(pg.slider, frames, len(frames))
        before, rss_before = state(figure), rss_mb()
        move(pg.slider, frames, MOVES)
        assert len(drawn) >= MOVES
        assert_nothing_left_behind(before, state(figure), rss_before)
    pg.train()
    before, rss_before = state(figure), rss_mb()
    for _ in range(TRAININGS):
        assert pg.train() is not None
    assert_nothing_left_behind(before, state(figure), rss_before)
    assert pg.figure is figure and len(figure.axes) == n_axes
    assert "Trained 40 epochs" in pg.status.value


def test_the_playground_rendered_replay_leaves_nothing_behind(pg):
    frames = list(range(pg.slider.max + 1))
    move(pg.slider, frames, len(frames))
    before, rss_before, image = state(pg.figure), rss_mb(), pg.view.value
    move(pg.slider, frames, RENDERED_MOVES)
    assert pg.view.value == image
    assert_nothing_left_behind(before, state(pg.figure), rss_before)


def test_an_interrupted_training_leaves_the_playground_usable(pg, monkeypatch):
    """A kernel interrupt is a KeyboardInterrupt raised wherever the kernel is: here, mid-training."""
    from nn_helpers.widgets.playground import widget as playground_widget
    shown = pg.recording
    real = playground_widget.record_training

    def interrupted(*args, progress=None, **kwargs):
        def progress_then_interrupt(done, total):
            progress(done, total)
            if done == 3:
                raise KeyboardInterrupt
        return real(*args, progress=progress_then_interrupt, **kwargs)

    pg.controls["seed"].value = 5
    monkeypatch.setattr(playground_widget, "record_training", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pg.train()
    assert not pg.train_button.disabled and pg.train_button.description == "Train"
    assert pg.recording is shown                               # the last finished training stays on show
    assert "interrupted" in pg.status.value.lower()
    assert pg.show_frame(0).epoch == 0                         # the replay slider still works
    monkeypatch.setattr(playground_widget, "record_training", real)
    assert pg.train().config.seed == 5                         # and Train works again
    assert "Trained" in pg.status.value
