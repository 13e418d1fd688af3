"""viz.curves: a training run's loss curve, and the losses of one prediction with their slopes
(notebook 05)."""
import matplotlib.pyplot as plt
import pytest

from nn_helpers.viz.curves import plot_loss_curve, plot_losses_at

pytestmark = pytest.mark.filterwarnings("error")


def test_loss_curve_draws_train_and_validation_loss_and_marks_an_epoch():
    history = {"loss": [1.0, 0.5, 0.25], "val_loss": [1.1, 0.6, 0.4]}
    ax = plot_loss_curve(history, mark_epoch=1)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    curves = {line.get_label(): list(line.get_ydata()) for line in ax.lines}
    assert curves["train loss"] == history["loss"] and curves["validation loss"] == history["val_loss"]
    assert "epoch 1" in curves


def test_a_prediction_outside_0_1_is_refused():
    _, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="between 0 and 1"):
        plot_losses_at(1, 1.5, axes)
    plt.close("all")


def test_a_slope_beyond_the_limit_is_drawn_at_the_edge_and_the_title_says_so():
    _, axes = plt.subplots(1, 2)
    plot_losses_at(1, 0.0001, axes)             # -1/0.0001 = -10000, beyond the default limit 1000
    dot = next(a for a in axes[1].lines if a.get_gid() == "slope point cross-entropy")
    assert float(dot.get_ydata()[0]) == -1000.0
    assert "clipped at ±1000" in axes[1].get_title()
    plt.close("all")
