"""One handwritten digit and the network's verdict on it (notebook 09): the 8x8 image beside one
bar per class (the probabilities), green where the prediction is right, red where it is wrong.
"""
import numbers

import numpy as np

from .. import _checks as val
from .style import CLASS_COLORS, axes_list, drawn_list, find

RIGHT, WRONG = CLASS_COLORS[2], CLASS_COLORS[3]          # the predicted class's bar: green or red


def _probabilities(probabilities):
    p = val.as_float_array(probabilities, "probabilities")
    if p.ndim != 1 or p.size < 2:
        raise ValueError(f"probabilities must be one row of class probabilities, shape (K,); got {p.shape}")
    return p


def _true_label(true_label, n_classes):
    """true_label as an int class 0..n_classes - 1, or None."""
    if true_label is None:
        return None
    expected = f"true_label must be a class 0..{n_classes - 1} or None"
    if isinstance(true_label, bool) or not isinstance(true_label, numbers.Integral):
        raise TypeError(f"{expected}; got {type(true_label).__name__} {true_label!r:.60}")
    if not 0 <= true_label < n_classes:
        raise ValueError(f"{expected}; got {true_label!r}")
    return int(true_label)


def _digit_parts(image, probabilities, true_label):
    image = val.as_float_array(image, "image")
    if image.size != 64:
        raise ValueError(f"image must be one 8x8 digit, shape (64,) or (8, 8); got {image.shape}")
    p = _probabilities(probabilities)
    return image.reshape(8, 8), p, _true_label(true_label, p.size)


def digit_title(probabilities, true_label=None):
    """One line: "true 3, predicted 3 (97.1%): right" (or "WRONG"; only the prediction when None)."""
    p = _probabilities(probabilities)
    return _digit_title(p, _true_label(true_label, p.size))


def _digit_title(p, true_label):
    k = int(np.argmax(p))
    if true_label is None:
        return f"predicted {k} ({100 * p[k]:.1f}%)"
    verdict = "right" if k == true_label else "WRONG"
    return f"true {true_label}, predicted {k} ({100 * p[k]:.1f}%): {verdict}"


def plot_digit_prediction(image, probabilities, true_label=None, axes=None, name="digit"):
    """An 8x8 digit (left, titled ``name``) and the network's probability for each class (right,
    one bar a class, titled with ``digit_title``).

    image : (64,) or (8, 8), pixels in [0, 1] (dark = ink).  probabilities : (K,), e.g. a softmax
    row.  The predicted class's bar is green when it equals true_label, red when not; the true
    class's bar is outlined.  axes : a pair (ax_image, ax_bars), or None for a new figure.
    Returns the pair of axes (``update_digit_prediction`` redraws them in place).
    """
    image, p, true_label = _digit_parts(image, probabilities, true_label)
    if axes is None:
        import matplotlib.pyplot as plt
        _, axes = plt.subplots(1, 2, figsize=(6.4, 2.8), width_ratios=[1, 1.6], layout="constrained")
    ax_img, ax_bar = axes_list(axes, "axes")
    ax_img.imshow(image, cmap="gray_r", vmin=0, vmax=1, gid="digit")
    ax_img.set_xticks([])
    ax_img.set_yticks([])
    ax_bar.bar(np.arange(p.size), np.zeros(p.size), color="0.7", edgecolor="none", linewidth=2)
    ax_bar.set(xticks=np.arange(p.size), ylim=(0, 1.1), xlabel="class (digit)", ylabel="probability")
    _show_digit(ax_img, ax_bar, image, p, true_label, name)
    return axes


def update_digit_prediction(axes, image, probabilities, true_label=None, name="digit"):
    """Redraw ``plot_digit_prediction``'s pair of axes for another digit, in place."""
    image, p, true_label = _digit_parts(image, probabilities, true_label)
    ax_img, ax_bar = drawn_list(axes, "axes", "plot_digit_prediction", ("digit",))
    if len(ax_bar.patches) != p.size:
        raise ValueError(f"probabilities must have one value per bar drawn ({len(ax_bar.patches)}); got {p.size}")
    _show_digit(ax_img, ax_bar, image, p, true_label, name)
    return axes


def _show_digit(ax_img, ax_bar, image, p, true_label, name):
    k = int(np.argmax(p))
    find(ax_img, "digit").set_data(image)
    ax_img.set_title(name, fontsize=9)
    ax_bar.set_title(_digit_title(p, true_label), fontsize=9, color="black" if true_label in (None, k) else WRONG)
    for c, bar in enumerate(ax_bar.patches):
        bar.set_height(p[c])
        right = true_label is None or k == true_label
        bar.set_facecolor((RIGHT if right else WRONG) if c == k else "0.7")
        bar.set_edgecolor("black" if c == true_label else "none")
    for text in [t for t in ax_bar.texts if t.get_gid() == "prob"]:
        text.remove()
    ax_bar.text(k, min(p[k], 1.0) + 0.02, f"{p[k]:.2f}", ha="center", va="bottom", fontsize=8, gid="prob")


__all__ = ["digit_title", "plot_digit_prediction", "update_digit_prediction"]
