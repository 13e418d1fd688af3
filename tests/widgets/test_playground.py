"""The training playground: its config string, data, recorded training, frames and widget.

Everything runs without a browser: the widget uses the "static" backend (each frame goes to a
JPEG in an ipywidgets.Image), so setting a control's value from Python runs exactly the code a
key press or a click runs in JupyterLab; what the browser does itself (a link, ▶) is done
here by hand, the way the browser does it (tests/browser/ checks it in a real browser).
"""
import ast
import asyncio
import base64
import builtins
import dataclasses
import io
import pathlib
import re
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from nn_helpers.widgets.playground import config as playground_config
from nn_helpers.activations import softmax
from nn_helpers.widgets.playground import (PlaygroundConfig, make_data, playground, record_training,
                                           replay_html, snapshot_figure)
from nn_helpers.widgets.playground.figure import LAYOUTS
from nn_helpers.widgets.playground.training import decision_margins, frame_view, hidden_space, network_spec

# Small and quick: 60 epochs, 12 frames, 100 points.
SMALL = PlaygroundConfig(n_samples=100, epochs=60, frames=12, lr=0.3)


def record(config):
    X_train, X_test, y_train, y_test = make_data(config)
    return record_training(config, X_train, y_train, X_test, y_test)


@pytest.fixture(scope="module")
def moons():
    return record(SMALL)


@pytest.fixture
def pg():
    widget = playground(SMALL, backend="static")
    yield widget
    widget.close()


# ---------------------------------------------------------------------- the config string
def test_config_string_round_trips_every_field():
    config = PlaygroundConfig(dataset="spiral", n_classes=3, noise=0.1 + 0.2, hidden=(), lr=0.007,
                              batch_size=None, l2=0.003, epochs=17, frames=5, seed=2**32 - 1,
                              points=((0.125, -1.5, 2), (1 / 3, 0.0, 0)))
    text = config.to_string()
    assert ";hidden=;" in text and "batch_size=full" in text and "points=0.125:-1.5:2," in text
    assert PlaygroundConfig.from_string(text) == config
    assert PlaygroundConfig.from_string(PlaygroundConfig().to_string()) == PlaygroundConfig()


def test_config_string_may_leave_out_keys_and_space_things_out():
    assert PlaygroundConfig.from_string(" dataset = xor ; seed=3; ") == PlaygroundConfig(dataset="xor", seed=3)
    assert PlaygroundConfig.from_string("") == PlaygroundConfig()


@pytest.mark.parametrize("text, fragment", [
    ("garbage", "expected key=value"),
    ("dataset=moons;colour=red", "unknown key 'colour'"),
    ("noise=7", "noise must be a number from 0 to 1; got 7.0"),
    ("__import__('os')", "expected key=value"),
    ("seed=__import__('os').system('echo hacked')", "seed must be an integer"),
    ("lr=nan", "lr must be a number"),
    ("lr=1e999", "lr must be a number"),
    ("hidden=8,x", "hidden (units per layer, like 8,8) must be an integer"),
    ("hidden=8,8,8,8,8", "number of layers must be an integer from 0 to 4; got 5"),
    ("hidden=0", "hidden[0] (units) must be an integer from 1 to 16; got 0"),
    ("seed=1.5", "seed must be an integer"),
    ("epochs=0", "epochs must be an integer from 1 to 5000; got 0"),
    ("dataset=moons;dataset=xor", "dataset is given twice"),
    ("dataset=mnist", "dataset must be one of 'moons', 'circles', 'xor', 'spiral', 'gaussians'; got 'mnist'"),
    ("n_classes=3", "moons has 2 classes"),
    ("points=1:2", "points are x1:x2:label"),
    ("points=1:2:5", "points[0] label (its class) must be an integer from 0 to 1; got 5"),
    ("points=9:0:1", "coordinate must be a number from -5 to 5"),
    ("batch_size=half", "batch_size must be an integer"),
    ("seed=" + "9" * 9000, "config string too long"),
])
def test_malformed_config_strings_say_what_is_wrong(text, fragment):
    with pytest.raises(ValueError) as err:
        PlaygroundConfig.from_string(text)
    assert fragment in str(err.value)


def test_config_strings_are_parsed_never_evaluated(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the config string was evaluated")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    monkeypatch.setattr(builtins, "__import__", forbidden, raising=True)
    for text in ["__import__('os')", "seed=__import__('os').getpid()", "dataset=(lambda: 1)()",
                 "lr=0.1;seed=0"]:
        try:
            PlaygroundConfig.from_string(text)
        except ValueError:
            pass


def test_config_checks_types_and_ranges_on_creation():
    with pytest.raises(TypeError, match="epochs must be an integer from 1 to 5000; got float 10.5"):
        PlaygroundConfig(epochs=10.5)
    with pytest.raises(TypeError, match="hidden must be a sequence"):
        PlaygroundConfig(hidden=8)
    with pytest.raises(ValueError, match="activation must be one of"):
        PlaygroundConfig(activation="softmax")
    with pytest.raises(ValueError, match="test_ratio must be a number from 0.1 to 0.9"):
        PlaygroundConfig(test_ratio=0.95)
    assert PlaygroundConfig(hidden=[4, np.int64(2)]).hidden == (4, 2)   # normalized to a tuple of int
    assert PlaygroundConfig(noise=0.05 * 6).noise == 0.3                # 2 decimals, like its box
    with pytest.raises(dataclasses.FrozenInstanceError):
        PlaygroundConfig().seed = 1


# ---------------------------------------------------------------------- data and training
def test_make_data_is_deterministic_by_seed_and_adds_drawn_points():
    a, b = make_data(SMALL), make_data(SMALL)
    for x, y in zip(a, b):
        np.testing.assert_array_equal(x, y)
    assert not np.array_equal(make_data(SMALL.replace(seed=1))[0], a[0])
    drawn = SMALL.replace(points=((0.5, 0.25, 1),))
    X_train, X_test, y_train, y_test = make_data(drawn, extra_points=[(-1.0, 2.0, 0)])
    assert len(X_train) == len(a[0]) + 2                # 70 train points + 2 drawn ones
    np.testing.assert_array_equal(X_train[-2:], [[0.5, 0.25], [-1.0, 2.0]])
    np.testing.assert_array_equal(y_train[-2:], [1, 0])
    np.testing.assert_array_equal(X_test, a[1])        # the test set never changes
    with pytest.raises(ValueError, match=r"label \(its class\) must be an integer from 0 to 1; got 2"):
        make_data(SMALL, extra_points=[(0, 0, 2)])


def test_record_training_keeps_the_frames_asked_for(moons):
    assert moons.n_frames == 12
    assert moons.epochs[0] == 0 and moons.epochs[-1] == 60           # untrained ... trained
    assert len(moons.train_loss) == len(moons.test_loss) == 61       # epochs 0..60
    assert moons.diverged_at is None
    # frame 0 is the untrained network: its loss is the loss at epoch 0
    net = moons.network(0)
    assert net.loss(moons.X_train, moons.y_train) == pytest.approx(moons.train_loss[0])


def test_record_training_is_deterministic_and_learns_the_moons(moons):
    again = record(SMALL)
    for W1, W2 in zip(moons.weights[-1], again.weights[-1]):
        np.testing.assert_array_equal(W1, W2)
    np.testing.assert_array_equal(moons.train_loss, again.train_loss)
    assert moons.train_loss[-1] < 0.5 * moons.train_loss[0]
    assert frame_view(moons, -1).test_accuracy >= 0.9


def test_fewer_epochs_than_frames_give_one_frame_per_epoch():
    rec = record(SMALL.replace(epochs=5, frames=60))
    np.testing.assert_array_equal(rec.epochs, [0, 1, 2, 3, 4, 5])


def test_progress_reports_every_frame():
    calls = []
    config = SMALL.replace(epochs=10, frames=4)
    X_train, X_test, y_train, y_test = make_data(config)
    record_training(config, X_train, y_train, X_test, y_test, progress=lambda *a: calls.append(a))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_divergence_is_caught_and_recorded():
    config = SMALL.replace(activation="identity", lr=5.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # fit's RuntimeWarning must not escape
        rec = record(config)
    assert rec.diverged_at is not None and rec.diverged_at < 5
    assert rec.epochs[-1] == rec.diverged_at           # the last finite weights, still drawable
    assert len(rec.train_loss) == rec.diverged_at + 1 and np.isfinite(rec.train_loss).all()
    assert np.isfinite(frame_view(rec, -1).output).all()


# ---------------------------------------------------------------------- what a frame shows
def test_frame_view_shapes(moons):
    view = frame_view(moons, 3, resolution=20)
    assert view.epoch == moons.epochs[3]
    assert view.output.shape == (20, 20, 1)
    assert [h.shape for h in view.hidden] == [(20, 20, 8), (20, 20, 8)]
    assert view.space.train.shape == (len(moons.X_train), 2)
    with pytest.raises(IndexError):
        frame_view(moons, moons.n_frames)


def test_hidden_space_decides_exactly_like_the_network(moons):
    # 8 units, 2 classes: the x axis runs along the output weights w, so the output is
    # exactly sigmoid(A @ p + c) at each point's coordinates p, and A = [[|w|, 0]].
    for i in (0, -1):
        space = hidden_space(moons, i)
        A, c = space.logits
        np.testing.assert_allclose(space.test @ A.T + c, moons.network(i).forward_trace(
            moons.X_test)["z"][-1], atol=1e-12)
        np.testing.assert_allclose(A[0], [np.linalg.norm(moons.weights[i][-1]), 0], atol=1e-12)


def test_hidden_space_for_three_classes_is_exact_too():
    spiral = record(PlaygroundConfig(dataset="spiral", n_classes=3, n_samples=90, epochs=20, frames=3))
    space = hidden_space(spiral, -1)
    A, c = space.logits
    np.testing.assert_allclose(softmax(space.train @ A.T + c),
                               spiral.network(-1).forward(spiral.X_train), atol=1e-12)


def test_hidden_space_with_two_units_shows_them_as_they_are():
    rec = record(SMALL.replace(hidden=(4, 2), epochs=10, frames=3))
    space = hidden_space(rec, -1)
    np.testing.assert_allclose(space.train, rec.network(-1).forward_trace(rec.X_train)["a"][2])
    assert space.xlabel == "unit 1 of hidden layer 2"


def test_more_classes_and_no_hidden_layer():
    spiral = record(PlaygroundConfig(dataset="spiral", n_classes=3, n_samples=90, epochs=20, frames=3))
    view = frame_view(spiral, -1, resolution=10)
    assert view.output.shape == (10, 10, 3)
    np.testing.assert_allclose(view.output.sum(axis=-1), 1.0)
    line = record(SMALL.replace(hidden=(), epochs=5, frames=2))
    assert frame_view(line, -1).space is None and frame_view(line, -1).hidden == []
    for rec in (spiral, line):
        snapshot_figure(rec).canvas.draw()             # every panel copes


def test_hidden_space_output_is_the_network_output():
    """The shading of the hidden-space panel: the output activation network_spec chose, applied
    to A @ p + c, gives the network's own output at every point's coordinates p."""
    spiral = record(PlaygroundConfig(dataset="spiral", n_classes=3, n_samples=90, epochs=20, frames=3))
    line = record(SMALL.replace(epochs=10, frames=3))
    for rec in (spiral, line):
        space = hidden_space(rec, -1)
        assert space.output_activation == network_spec(rec.config)["output_activation"]
        np.testing.assert_allclose(space.output(space.test), rec.network(-1).forward(rec.X_test), atol=1e-12)
        assert space.output(np.zeros((4, 5, 2))).shape == (4, 5, rec.network(-1).sizes[-1])
    with pytest.raises(ValueError, match=r"coordinates in this plane, shape \(\.\.\., 2\); got shape \(3, 3\)"):
        space.output(np.zeros((3, 3)))
    five = record(PlaygroundConfig(dataset="gaussians", n_classes=5, hidden=(6,), n_samples=100,
                                   epochs=5, frames=2))
    space = hidden_space(five, -1)
    assert space.logits is None and space.output(space.train) is None     # no exact view: nothing to shade


def test_decision_margins_are_zero_where_the_decision_changes():
    [margin] = decision_margins(np.array([[0.2], [0.5], [0.7]]))           # one unit: p - 0.5
    np.testing.assert_allclose(margin, [-0.3, 0.0, 0.2])
    margins = decision_margins(np.array([[0.5, 0.3, 0.2], [0.4, 0.4, 0.2]]))
    np.testing.assert_allclose(margins, [[0.2, 0.0], [-0.2, 0.0], [-0.3, -0.2]])   # a tie: zero for both
    out = frame_view(record(PlaygroundConfig(dataset="spiral", n_classes=3, n_samples=90, epochs=20,
                                             frames=2)), -1, resolution=12).output
    winners = np.argmax(np.stack(decision_margins(out)), axis=0)
    np.testing.assert_array_equal(winners, out.argmax(axis=-1))            # the class that wins
    with pytest.raises(ValueError, match=r"output must have shape \(\.\.\., k\), k >= 1 outputs; got shape \(0"):
        decision_margins(np.zeros(0))
    with pytest.raises(TypeError, match="output must be numeric"):
        decision_margins("abc")


def test_the_picture_names_the_network_network_spec_builds():
    spiral = record(PlaygroundConfig(dataset="spiral", n_classes=3, n_samples=90, epochs=5, frames=2))
    texts = [t.get_text() for t in snapshot_figure(spiral).texts]
    assert any(t.startswith("spiral · 2-8-8-3 tanh · learning rate 0.03") for t in texts), texts


MODULES = ("config", "training", "figure", "replay", "widget")


def playground_imports(source):
    """Which of MODULES, and which of matplotlib, ipywidgets and nn_helpers' private names, a
    module's source imports (read with ast, not run)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            found.update(m for m in MODULES if module == m or module.endswith(f"playground.{m}"))
            found.update({"matplotlib", "ipywidgets"} & {module.split(".")[0]})
            found.update(f"private {a.name}" for a in node.names
                         if a.name.startswith("_") and a.name != "_checks")
        elif isinstance(node, ast.Import):
            found.update({"matplotlib", "ipywidgets"} & {a.name.split(".")[0] for a in node.names})
    return found


def test_arrows_go_one_way_widget_figure_training_config():
    """No circle: each module imports only those below it; the maths knows no drawing or widget."""
    allowed = {"config": set(), "training": {"config"}, "figure": {"config", "training", "matplotlib"},
               "replay": {"training", "figure", "matplotlib", "ipywidgets"},
               "widget": {"config", "training", "figure", "replay", "matplotlib", "ipywidgets"}}
    folder = pathlib.Path(playground_config.__file__).parent
    for module in MODULES:
        assert playground_imports((folder / f"{module}.py").read_text()) <= allowed[module], module
    # the check can fail: the old training.py imported the widget, the old figure.py a private name
    assert "widget" in playground_imports("def playground():\n    from .widget import Playground\n")
    assert "private _orthonormal" in playground_imports("from .training import _orthonormal\n")


def test_config_ranges_take_numpy_numbers_and_refuse_huge_ones():
    assert PlaygroundConfig(epochs=np.int64(7), lr=np.float32(0.5)) == PlaygroundConfig(epochs=7, lr=0.5)
    with pytest.raises(ValueError, match="epochs must be an integer from 1 to 5000; got 0$"):
        PlaygroundConfig(epochs=np.int64(0))
    with pytest.raises(ValueError, match="lr must be a number from 1e-05 to 100; got 1000000"):
        PlaygroundConfig(lr=10**400)                  # no OverflowError on the way
    with pytest.raises(TypeError, match=r"label \(its class\) must be an integer from 0 to 1; got float 0.5"):
        PlaygroundConfig(points=((0.0, 0.0, 0.5),))


# ---------------------------------------------------------------------- the widget
def test_show_frame_changes_the_pictures(pg):
    panels = pg.replay.panels
    last_picture = bytes(pg.view.value)
    pg.picker.value = 0                                # what a key press on the replay picker does
    first = (panels.image.get_array().copy(), panels.neurons.get_array().copy(),
             panels.space_points[0][0].get_offsets().copy(), bytes(pg.view.value))
    assert pg.frame_label.startswith("epoch 0 of 60 · accuracy: train ")
    pg.picker.value = 6
    sixth = (panels.image.get_array(), panels.neurons.get_array(),
             panels.space_points[0][0].get_offsets(), bytes(pg.view.value))
    for a, b in zip(first, sixth):
        assert not np.array_equal(a, b)
    view = pg.show_frame(-1)                           # what a script does
    assert view.epoch == 60 and pg.picker.value == pg.picker.max == SMALL.frames - 1
    assert bytes(pg.view.value) == last_picture not in (first[-1], sixth[-1])
    assert pg.frame_label == (f"epoch 60 of 60 · accuracy: train {view.train_accuracy:.0%}, "
                              f"test {view.test_accuracy:.0%}")


def test_each_frame_is_drawn_once_then_the_browser_switches_the_pictures(pg, monkeypatch):
    replay = pg.replay
    assert replay.drawn.count(True) == 1 and not replay.linked      # the last frame, drawn at once
    assert replay.pictures.selected_index == pg.picker.value == SMALL.frames - 1
    pg.picker.value = 3                                # not drawn yet: the kernel draws it, shows it
    assert replay.drawn[3] and replay.pictures.selected_index == replay.captions.selected_index == 3
    replay.render_all()
    assert all(replay.drawn) and replay.linked
    links = {(link.source[0], link.target) for link in replay._links}
    assert links == {(pg.picker, (replay.pictures, "selected_index")), (pg.picker, (replay.captions, "selected_index"))}
    assert "nn-replay-ready" in replay.pictures._dom_classes
    pictures = [bytes(image.value) for image in replay.images]
    assert len(set(pictures)) == len(pictures)         # one picture per frame, all different
    drawn = []
    monkeypatch.setattr(replay, "_draw", drawn.append)
    for i in (0, 7, 11, 2):
        pg.picker.value = i                            # the browser switches; the kernel draws nothing
    assert drawn == []
    monkeypatch.undo()
    pg.controls["seed"].value = 4
    pg.train()                                         # a new recording: drawn anew, unlinked
    assert replay.drawn.count(True) == 1 and not replay.linked and replay._links == []
    assert "nn-replay-ready" not in replay.pictures._dom_classes


def test_frames_are_drawn_in_the_background_once_a_browser_shows_the_playground():
    async def scenario():
        pg = playground(SMALL, backend="static")      # a kernel: an event loop is running
        for _ in range(20):
            await asyncio.sleep(0.001)
        assert pg.replay.drawn.count(True) == 1        # nobody looks (nbclient, nbval): nothing drawn
        pg.replay._seen.value = 1                      # what the browser's link does when it shows it
        for _ in range(200):
            await asyncio.sleep(0.005)
            if pg.replay.linked:
                break
        assert all(pg.replay.drawn) and pg.replay.linked
        pg.close()
    asyncio.run(scenario())


def test_play_is_a_labelled_button_that_drives_the_hidden_player(pg):
    """▶ is a ToggleButton a screen reader can name; the Play widget, hidden, keeps the time."""
    assert pg.play_button.description == "Play" and pg.play.layout.display == "none"
    linked = {(link.source, link.target) for link in pg._links}
    assert linked == {((pg.play_button, "value"), (pg.play, "playing")),
                      ((pg.play, "value"), (pg.picker, "value"))}
    pg.play_button.value = True                        # what a click does (the link then plays)
    assert (pg.play_button.description, pg.play_button.icon) == ("Pause", "pause")
    pg.play_button.value = False
    assert pg.play_button.description == "Play"


def test_every_control_is_labelled_and_every_picture_described(pg):
    """Every control a native, labelled form field; no ipywidgets slider (its handle has no name a
    screen reader could read: axe's aria-input-field-name)."""
    import ipywidgets as w
    for name, control in pg.controls.items():
        assert control.description, name
    everything, stack = [], [pg.widget]
    while stack:
        widget = stack.pop()
        everything.append(widget)
        stack.extend(getattr(widget, "children", ()))
    assert not [x for x in everything if isinstance(x, (w.IntSlider, w.FloatSlider, w.SelectionSlider))]
    assert pg.picker.description == "replay" and pg.point_class.description == "your points"
    assert pg.train_button.description == "Train" and pg.config_text.description == "setup"
    pg.replay.render_all()
    for image, view in zip(pg.replay.images, range(len(pg.replay.images))):
        assert image.tooltip.startswith("The network at epoch") and "accuracy on the training" in image.tooltip


def test_the_picture_fills_its_width_up_to_its_own_size(pg):
    width, height = pg.figure.canvas.get_width_height()
    assert pg.replay.pictures.layout.width == "100%" and pg.replay.pictures.layout.max_width == f"{width}px"
    image = pg.view
    assert (image.width, image.height) == (str(width), str(height))   # its box before it decodes
    assert image.layout.width == "100%" and image.layout.height == "auto"
    assert width >= 1200                                  # room to grow on a projector


def test_a_page_without_the_kernel_shows_a_sentence_and_the_picture(pg):
    """What the notebook stores: JupyterLab shows the first type it can draw when the widget's
    model is gone (before the notebook runs), viewers and exports the same (checked in a real
    JupyterLab by tests/browser/test_playground.py)."""
    bundle = pg._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "text/html", "image/jpeg", "text/plain"}
    assert "run the notebook to use it" in bundle["text/plain"]
    page = bundle["text/html"]
    assert page.startswith("<p><i>Training playground: an interactive widget. Run the notebook")
    alt = re.search(r'<img src="data:image/jpeg;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)">$', page)
    assert alt and alt.group(1) == bundle["image/jpeg"] and alt.group(2).startswith("The network at epoch 60 of 60")
    still = Image.open(io.BytesIO(base64.b64decode(bundle["image/jpeg"])))
    assert still.size[0] == 630 and len(bundle["image/jpeg"]) < 80_000


@pytest.fixture
def agg_after():
    """Importing ipympl selects it as pyplot's backend: give the next tests of this process Agg back."""
    yield
    plt.switch_backend("Agg")


def test_a_click_on_the_pad_adds_a_point(agg_after):
    pg = playground(SMALL, backend="ipympl")

    class Click:                                       # what matplotlib passes to the handler
        inaxes, xdata, ydata = pg._pad_panels.ax, 0.12345, -0.5

    pg.point_class.value = 1
    pg.on_click(Click)
    assert pg.config.points == ((0.123, -0.5, 1),)
    np.testing.assert_array_equal(pg._pad_panels.drawn[1].get_offsets(), [[0.123, -0.5]])
    assert "points=0.123:-0.5:1" in pg.config_text.value and "1 point drawn by you" in pg.status.value
    Click.inaxes = None                                # clicks beside the plane are ignored
    pg.on_click(Click)
    assert len(pg.config.points) == 1
    rec = pg.train()
    np.testing.assert_array_equal(rec.X_train[-1], [0.123, -0.5])
    np.testing.assert_array_equal(pg.replay.panels.drawn[1].get_offsets(), [[0.123, -0.5]])
    pg.close()
    assert playground(SMALL, backend="static").pad is None        # no live canvas: no pad


def test_divergence_shows_a_message_not_a_blank_plot(pg):
    pg.controls["activation"].value = "identity"
    pg.controls["lr"].value = 10.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pg.train()
    message = f"diverged at epoch {pg.recording.diverged_at}"
    assert message in pg.status.value
    assert any(message in t.get_text() for ax in pg.figure.axes for t in ax.texts)
    assert pg.replay.panels.image.get_array().std() > 0     # the untrained network is still drawn


def test_many_replay_moves_and_trainings_leave_no_figures_behind(pg):
    before = plt.get_fignums()
    figure, n_axes = pg.figure, len(pg.figure.axes)
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # includes "More than 20 figures"
        for i in range(200):
            pg.picker.value = (7 * i) % (pg.picker.max + 1)
        for _ in range(3):
            pg.train()
    assert plt.get_fignums() == before
    assert pg.figure is figure and len(figure.axes) == n_axes


def test_classroom_hides_controls():
    pg = playground(SMALL.replace(epochs=5, frames=2), classroom=("noise", "seed", "config"),
                    backend="static")
    assert pg.controls["noise"].layout.display == "none"
    assert pg.controls["seed"].layout.display == "none"
    assert pg.config_row.layout.display == "none"
    assert pg.controls["lr"].layout.display != "none"
    pg.close()
    pg = playground(SMALL.replace(epochs=5, frames=2), classroom=("hidden", "activation"),
                    backend="static")
    network_column = pg.widget.children[0].children[1]
    assert network_column.layout.display == "none"        # nothing left to show in it
    pg.close()
    with pytest.raises(ValueError, match="classroom must name controls"):
        playground(SMALL, classroom=("colour",), backend="static")


def test_loading_a_setup_string(pg):
    pg.load("dataset=xor;hidden=4;epochs=20;frames=5;seed=3")
    assert pg.controls["dataset"].value == "xor" and pg.controls["hidden"].value == "4"
    assert pg.recording.config == PlaygroundConfig(dataset="xor", hidden=(4,), epochs=20, frames=5, seed=3)
    status = pg.status.value
    pg.load("lr=__import__('os')")
    # said under the Load button, where the learner looks (the status line is by Train)
    assert "Could not load that setup: config string: lr must be a number" in pg.load_message.value
    assert pg.status.value == status
    assert pg.recording.config.dataset == "xor"         # nothing changed
    row, message = pg.config_row.children[:2]
    assert message is pg.load_message and pg.load_message not in pg.widget.children
    pg.load("dataset=moons;epochs=5;frames=2")
    assert pg.load_message.value == ""


def test_bad_control_values_are_reported_not_raised(pg):
    pg.controls["hidden"].value = "8, eight"
    assert pg.train() is None
    assert "hidden layers: write units per layer" in pg.status.value
    pg.controls["hidden"].value = "3,2"
    assert pg.train().config.hidden == (3, 2)


def test_the_playground_colours_classes_as_every_other_plot_does():
    """One mapping for the whole course: class k in plotting.CLASS_COLORS[k]."""
    from matplotlib.colors import to_rgb

    from nn_helpers.widgets.playground import figure as pf
    from nn_helpers.viz import CLASS_CMAP, CLASS_COLORS
    assert pf.CMAP is CLASS_CMAP
    np.testing.assert_allclose(pf.CMAP(0.0)[:3], to_rgb(CLASS_COLORS[0]))      # p(class 1) = 0
    np.testing.assert_allclose(pf.CMAP(1.0)[:3], to_rgb(CLASS_COLORS[1]))      # p(class 1) = 1
    sure = np.eye(3)[None]                                # one pixel per class, (1, 3, 3), certain
    np.testing.assert_allclose(pf.class_image(sure)[0],
                               [1 - 0.6 * (1 - np.array(to_rgb(c))) for c in CLASS_COLORS[:3]])


def test_drawing_helpers_say_what_they_expected(moons):
    from nn_helpers.widgets.playground import figure as pf
    with pytest.raises(TypeError, match=r"output must be an ndarray of numbers, shape \(rows, columns, .*; got list"):
        pf.class_image([[0.5]])
    with pytest.raises(ValueError, match=r"output must have shape \(rows, columns, units\), .*; got \(0,\)"):
        pf.class_image(np.zeros(0))
    grid = np.linspace(0, 1, 16).reshape(4, 4, 1)
    with pytest.raises(ValueError, match=r"xs must hold the grid's 4 coordinates, shape \(4,\); got shape \(\)"):
        pf.boundary_segments(grid, 2.5, np.linspace(0, 1, 4))
    with pytest.raises(TypeError, match="ys must be numeric"):
        pf.boundary_segments(grid, np.linspace(0, 1, 4), "abc")
    with pytest.raises(TypeError, match="hidden must be a list of .* arrays, one per hidden layer; got dict"):
        pf.neuron_mosaic({"a": 1}, "tanh")
    with pytest.raises(ValueError, match=r"hidden's maps must all be \(res, res, units\)"):
        pf.neuron_mosaic([np.zeros((4, 4, 2)), np.zeros((6, 6, 2))], "tanh")
    with pytest.raises(ValueError, match="activation must be one of 'tanh', 'relu'"):
        pf.neuron_mosaic([np.zeros((4, 4, 2))], "softplus")
    with pytest.raises(TypeError, match="step must be an integer >= 1; got NoneType None"):
        pf.neuron_mosaic([np.zeros((4, 4, 2))], "tanh", step=None)
    with pytest.raises(ValueError, match="gap must be from 0 to 1"):
        pf.neuron_mosaic([np.zeros((4, 4, 2))], "tanh", gap=1e6)
    with pytest.raises(TypeError, match="rec must be a Recording"):
        pf.space_limits("moons")
    with pytest.raises(ValueError, match="pad must be >= 0; got -7.0"):
        pf.space_limits(moons, pad=-7)
    with pytest.raises(TypeError, match="blit must be True or False; got ndarray"):
        pf.PlaygroundFigure(pf.new_figure(), moons, blit=np.zeros(3))
    panels = pf.PlaygroundFigure(pf.new_figure(), moons)
    with pytest.raises(TypeError, match="points must be a sequence"):
        panels.set_drawn(None)
    with pytest.raises(ValueError, match=r"points\[0\] label \(its class\) must be an integer from 0 to 1; got 7"):
        panels.set_drawn([(0.1, 0.2, 7)])


# ---------------------------------------------------------------------- static fallback
def test_snapshot_and_replay_for_pages_without_widgets(moons):
    before = plt.get_fignums()
    fig = snapshot_figure(moons, frame=5)
    assert len(fig.axes) == 4                          # boundary, space, loss, neurons
    html = replay_html(moons, n_frames=4)
    assert html.count("data:image/jpeg;base64") == 4 and len(html) < 400_000
    assert "font-awesome" not in html and 'class="fa ' not in html      # works offline: no icon font
    assert re.search(r'title="Play" aria-label="Play" onclick="[^"]+">\s*\u25b6</button>', html)
    assert plt.get_fignums() == before


def smallest_text_px(fig, dpi):
    """The smallest text the figure draws, in pixels: points * dpi / 72 (tick labels included)."""
    fig.canvas.draw()
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text()]
    return min(sizes) * dpi / 72


def test_replays_and_snapshots_have_text_of_at_least_10_px(moons):
    from nn_helpers.widgets.playground.figure import STATIC_DPI
    for layout in ("full", "compact"):
        assert smallest_text_px(snapshot_figure(moons, layout=layout), STATIC_DPI) >= 10, layout
    # the check can fail: 72 dpi, what notebook 08 used, draws 7 px text
    assert smallest_text_px(snapshot_figure(moons, layout="compact", dpi=72), 72) < 10
    html = replay_html(moons, n_frames=2)
    jpeg = base64.b64decode(re.sub(r"[^A-Za-z0-9+/=]", "", re.search(
        r'frames\[0\] = "data:image/jpeg;base64,(.*?)"', html, re.S).group(1)))
    width = Image.open(io.BytesIO(jpeg)).size[0]
    assert width == round(LAYOUTS["compact"]["figsize"][0] * STATIC_DPI)    # drawn at STATIC_DPI
