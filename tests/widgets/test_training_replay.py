"""00's training replay and 09's progress bar: the two widgets that, before this, were plain
ipywidgets (an ``interact`` and an ``IntProgress``) and showed a raw repr before a run."""
import ipywidgets
import pytest

from nn_helpers import MLP, datasets, widgets


@pytest.fixture(scope="module")
def trained():
    """A 2-4-1 network's copies at epochs 0, 10 and 40 of a training on 60 moons points."""
    X, y = datasets.make_moons(n_samples=60, noise=0.2, seed=0)
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="binary_cross_entropy", seed=0)
    copies = {0: net.copy()}
    net.fit(X, y, epochs=40, lr=0.5, seed=0, callback=lambda e, n: copies.__setitem__(e + 1, n.copy()),
            callback_every=10)
    return {e: copies[e] for e in (0, 10, 40)}, X, y


def test_the_replay_steps_through_the_kept_epochs_and_titles_each_with_its_accuracy(trained):
    snapshots, X, y = trained
    replay = widgets.training_replay(snapshots, X[:40], y[:40], X_test=X[40:], y_test=y[40:])
    try:
        slider = replay.controls["epoch"]
        assert list(slider.options) == [0, 10, 40] and slider.value == 0
        for epoch in (40, 10):
            replay.update(epoch=epoch)
            accuracy = snapshots[epoch].accuracy(X[40:], y[40:])
            assert replay.figure.axes[0].get_title() == f"after {epoch} epochs: test accuracy {accuracy:.1%}"
        assert replay.describe().startswith("Still of the training replay: after 10 epochs")
        with pytest.raises(ValueError, match="epoch"):
            replay.update(epoch=5)                            # not a kept epoch
    finally:
        replay.close()


def test_without_test_points_the_title_gives_the_training_accuracy(trained):
    snapshots, X, y = trained
    replay = widgets.training_replay({3: snapshots[40]}, X, y)
    assert replay.figure.axes[0].get_title() == f"after 3 epochs: training accuracy {snapshots[40].accuracy(X, y):.1%}"
    replay.close()


@pytest.mark.parametrize("snapshots, error", [({}, TypeError), ([1, 2], TypeError), ({-1: None}, ValueError),
                                              ({"a": None}, ValueError), ({0: "net"}, TypeError)])
def test_bad_snapshots_are_named(trained, snapshots, error):
    _, X, y = trained
    with pytest.raises(error, match="snapshots"):
        widgets.training_replay(snapshots, X, y)


def test_test_points_come_with_their_labels(trained):
    snapshots, X, y = trained
    with pytest.raises(ValueError, match="together"):
        widgets.training_replay(snapshots, X, y, X_test=X)


def test_before_a_run_the_replay_is_a_still_and_a_sentence(trained):
    snapshots, X, y = trained
    data = widgets.training_replay(snapshots, X, y)._repr_mimebundle_()
    assert data["text/plain"].startswith("Run the notebook to move this: a still of the training replay")
    assert '<img src="data:image/png;base64,' in data["text/html"]


def test_the_progress_bar_label_follows_its_value():
    bar = widgets.ProgressBar(100, "epoch")
    assert (bar.value, bar.max, bar.description) == (0, 100, "epoch 0")
    bar.value = 37
    assert bar.description == "epoch 37"
    with pytest.raises(ValueError, match="total"):
        widgets.ProgressBar(0)
    with pytest.raises(TypeError, match="label"):
        widgets.ProgressBar(5, label=" ")


def test_before_a_run_the_progress_bar_is_a_drawn_bar_and_a_sentence_not_its_repr():
    bar = widgets.ProgressBar(100, "epoch")
    data = bar._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/plain"].startswith("Run the notebook to move this: a progress bar that counts the 100 epochs")
    assert "IntProgress(" not in data["text/plain"] + data["text/html"]
    assert '<img src="data:image/png;base64,' in data["text/html"] and 'alt="A progress bar at epoch 0 of 100"' in data["text/html"]
    assert "IntProgress(" in ipywidgets.IntProgress()._repr_mimebundle_()["text/plain"]   # what it replaces
