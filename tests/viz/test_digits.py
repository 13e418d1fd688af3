"""viz.digits: one digit with its class probabilities (notebook 09).

The picture's numbers are read back from the artists: the image array, the bar heights (the
probabilities), the bar colours (green = right, red = wrong), the title (the verdict).
"""
import numpy as np
import pytest
from matplotlib.colors import to_hex

from nn_helpers.viz.digits import digit_title, plot_digit_prediction, update_digit_prediction
from nn_helpers.viz.style import CLASS_COLORS

pytestmark = pytest.mark.filterwarnings("error")


GREEN, RED = CLASS_COLORS[2], CLASS_COLORS[3]


def bars(ax):
    return np.array([b.get_height() for b in ax.patches]), [to_hex(b.get_facecolor()) for b in ax.patches]


def test_digit_title_says_right_or_wrong():
    p = np.array([0.1, 0.7, 0.2])
    assert digit_title(p, 1) == "true 1, predicted 1 (70.0%): right"
    assert digit_title(p, 2) == "true 2, predicted 1 (70.0%): WRONG"
    assert digit_title(p) == "predicted 1 (70.0%)"


def test_plot_shows_the_image_and_the_probabilities():
    image = np.linspace(0, 1, 64)
    p = np.full(10, 0.02)
    p[3] = 0.82
    ax_img, ax_bar = plot_digit_prediction(image, p, 3, name="image 5")
    assert np.array_equal(ax_img.images[0].get_array(), image.reshape(8, 8))
    heights, colours = bars(ax_bar)
    assert heights == pytest.approx(p)
    assert colours[3] == GREEN and colours.count(GREEN) == 1
    assert ax_img.get_title() == "image 5"
    assert ax_bar.get_title() == "true 3, predicted 3 (82.0%): right"
    assert ax_bar.get_xlabel() and ax_bar.get_ylabel()


def test_update_redraws_in_place_and_marks_a_mistake():
    axes = plot_digit_prediction(np.zeros(64), np.eye(10)[0], 0)
    p = np.full(10, 0.05)
    p[7] = 0.55
    update_digit_prediction(axes, np.ones((8, 8)), p, 1, name="image 9")
    heights, colours = bars(axes[1])
    assert len(axes[1].patches) == 10 and heights == pytest.approx(p)
    assert colours[7] == RED
    assert to_hex(axes[1].patches[1].get_edgecolor()) == "#000000"     # the true class, outlined
    assert "WRONG" in axes[1].get_title()
    assert len([t for t in axes[1].texts if t.get_gid() == "prob"]) == 1
    assert np.array_equal(axes[0].images[0].get_array(), np.ones((8, 8)))


@pytest.mark.parametrize("image, p, label, problem", [
    (np.zeros(63), np.eye(10)[0], 0, "8x8"),
    (np.zeros(64), np.zeros((2, 10)), 0, "one row"),
    (np.zeros(64), np.eye(10)[0], 10, "true_label"),
])
def test_bad_inputs_are_refused(image, p, label, problem):
    with pytest.raises(ValueError, match=problem):
        plot_digit_prediction(image, p, label)
