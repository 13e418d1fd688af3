"""Widgets under stress: rapid moves and repeated training leave nothing behind; an interrupt breaks nothing.

Each explorer's control is moved 1,000 times (100 for the three explorers that redraw their
whole picture on every move, each such move costing a quarter of a second), then back to where
it started; the playground's replay box is moved 1,000 times and Train pressed 20 times.
Afterwards every control is back where it started and the picture shows exactly what it showed
before the moves (every line, point, text and image the same); there must be no new pyplot figure
(and no "More than 20 figures" warning: warnings are errors here), no new thread, the same number
of artists in the picture (nothing piles up), and less than 50 MB more memory (resident set size).
Each of the 20 trainings records the configured frames, with a finite training loss that falls,
and the same numbers every time (same seed).

The moves run the explorers' own code (their draw functions, the playground's frames) with the
rasterisation skipped, as under ipympl where the browser asks for pixels only when it can show
them; a second test renders every move to PNG/JPEG, as the inline backend does, 100 moves each.
The in-browser side (a kernel interrupt from the Kernel menu) is tests/browser/test_interrupt.py.
"""
import gc
import sys
import threading

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib._pylab_helpers import Gcf
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from benchmarks.bench_playground import rss_mb  # (resident memory now, in MB)
from nn_helpers import examples, widgets
from nn_helpers.widgets.playground import PlaygroundConfig, playground
from tests.quality.sweep_cases import digits_net, value_graph

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


# What each kind of artist shows (its data, not how matplotlib lays it out or keeps it)
SHOWN = [(Line2D, ("get_xydata",)), (Text, ("get_text",)), (AxesImage, ("get_array",)),
         (Collection, ("get_offsets", "get_array", "get_facecolor")), (Rectangle, ("get_bbox",)),
         (Axes, ("get_xlim", "get_ylim"))]


def picture(figure):
    """What the picture shows, artist by artist: lines' points, texts, images' pixels, collections'
    points, values and colours, bars, and every axes' limits."""
    shown = []
    for artist in figure.findobj(lambda a: a.get_visible()):
        for kind, reads in SHOWN:
            if isinstance(artist, kind):
                for read in reads:
                    if read == "get_facecolor" and artist.get_array() is not None:
                        continue                   # colours from the values: set when it is rendered
                    value = getattr(artist, read)()
                    value = value.bounds if read == "get_bbox" else value
                    shown.append((type(artist).__name__, read, None if value is None else np.ma.getdata(value)))
    return shown


def _equal(a, b):
    if a is None or b is None:
        return a is b
    a, b = np.asarray(a), np.asarray(b)
    numeric = a.dtype.kind in "fc" and b.dtype.kind in "fc"
    return np.array_equal(a, b, equal_nan=numeric)             # an image leaves NaN where nothing is drawn


def same_picture(a, b):
    return len(a) == len(b) and all(x[:2] == y[:2] and _equal(x[2], y[2]) for x, y in zip(a, b))


def moves(values, n):
    """The values n rapid moves go through, then back to values[0]."""
    return [values[(i + 1) % len(values)] for i in range(n)] + [values[0]]


def changes(values, n):
    """The values of those moves that change the control's value (from values[0])."""
    path = moves(values, n)
    return [b for a, b in zip([values[0]] + path, path) if a != b]


def move(control, values, n):
    """n rapid moves through values, then back to values[0]; returns how many changed the value."""
    changed = 0
    for value in moves(values, n):
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


def explorer_module():
    """The module whose ``refresh`` the explorers call after each draw (where Explorer.redraw lives)."""
    return sys.modules[widgets.Explorer.redraw.__module__]


@pytest.mark.parametrize("name", list(EXPLORERS))
def test_rapid_moves_leave_no_figures_threads_artists_or_memory_behind(name, monkeypatch):
    make, control_name, values, n = EXPLORERS[name]
    renders = []
    monkeypatch.setattr(explorer_module(), "refresh", lambda view, figure: renders.append(view))
    explorer = make()
    try:
        control = explorer.controls[control_name]
        move(control, values, len(values))                    # warm up: every picture drawn once
        settings, shown = explorer.values, picture(explorer.figure)
        before, rss_before, drawn = state(explorer.figure), rss_mb(), len(renders)
        moved = move(control, values, n)
        assert moved == len(changes(values, n)) >= n and len(renders) - drawn == moved, "one redraw a move"
        assert explorer.values == settings and control.value == values[0]
        assert same_picture(picture(explorer.figure), shown), "back where it started, the picture differs"
        assert_nothing_left_behind(before, state(explorer.figure), rss_before)
    finally:
        explorer.close()


def test_the_picture_check_sees_one_step_of_a_slider(monkeypatch):
    """The check above can fail: one step of w1 changes what the neuron explorer shows."""
    monkeypatch.setattr(explorer_module(), "refresh", lambda view, figure: None)
    explorer = widgets.neuron_explorer(w1=1.0)
    try:
        shown = picture(explorer.figure)
        assert same_picture(picture(explorer.figure), shown)
        explorer.controls["w1"].value = 1.1
        assert not same_picture(picture(explorer.figure), shown)
        explorer.controls["w1"].value = 1.0
        assert same_picture(picture(explorer.figure), shown)
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
    """The replay box is moved 1,000 times: each frame is drawn once (then the browser, or the kernel
    without one, switches pictures already drawn), and back at frame 0 the picture and caption are the
    ones first shown; then Train is pressed 20 times."""
    frames = list(range(pg.picker.max + 1))
    figure, n_axes = pg.figure, len(pg.figure.axes)
    drawn, draw = [], pg.replay._draw
    with monkeypatch.context() as patch:
        patch.setattr(pg.replay, "_draw", lambda i: (drawn.append(i), draw(i))[1])
        move(pg.picker, frames, len(frames))
        shown, label, image = picture(figure), pg.frame_label, bytes(pg.view.value)
        assert sorted(drawn) == frames[:-1]                 # the last frame was drawn by Train, the rest once each
        before, rss_before = state(figure), rss_mb()
        drawn.clear()
        moved = move(pg.picker, frames, MOVES)
        assert moved >= MOVES and drawn == []                                    # nothing drawn twice
        assert pg.picker.value == 0 and pg.frame_label == label and label.startswith("epoch 0")
        assert bytes(pg.view.value) == image, "back at frame 0, the picture differs"
        assert same_picture(picture(figure), shown)
        assert_nothing_left_behind(before, state(figure), rss_before)
    first = pg.train()
    before, rss_before = state(figure), rss_mb()
    for _ in range(TRAININGS):
        rec = pg.train()
        assert rec.n_frames == SMALL.frames and rec.epochs[0] == 0 and rec.epochs[-1] == SMALL.epochs
        assert np.all(np.isfinite(rec.train_loss)) and rec.train_loss[-1] < rec.train_loss[0]
        assert np.array_equal(rec.train_loss, first.train_loss)         # same seed, same run
        assert pg.recording is rec and pg.picker.max == pg.picker.value == SMALL.frames - 1
        assert len(pg.replay.images) == SMALL.frames                    # pictures reused, not piled up
    assert_nothing_left_behind(before, state(figure), rss_before)
    assert pg.figure is figure and len(figure.axes) == n_axes
    assert f"Trained {SMALL.epochs} epochs" in pg.status.value


def test_the_playground_rendered_replay_leaves_nothing_behind(pg):
    frames = list(range(pg.picker.max + 1))
    move(pg.picker, frames, len(frames))
    before, rss_before, image = state(pg.figure), rss_mb(), bytes(pg.view.value)
    move(pg.picker, frames, RENDERED_MOVES)
    assert bytes(pg.view.value) == image
    assert_nothing_left_behind(before, state(pg.figure), rss_before)


def test_an_interrupted_training_leaves_the_playground_usable(pg, monkeypatch):
    """A kernel interrupt is a KeyboardInterrupt raised wherever the kernel is: here, mid-training."""
    playground_widget = sys.modules[type(pg).train.__module__]      # where Train looks up record_training
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
