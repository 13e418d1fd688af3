"""2-D points and what a model makes of the plane: class-coloured points, a model's decision
boundary, and one neuron's output shaded with its decision line (notebooks 00 to 03).

The numbers come from ``nn_helpers.lessons.one_neuron`` (``decision_grid``, ``neuron``,
``neuron_accuracy``, ``decision_line``, ``neuron_formula``); these functions only draw them.
"""
import numpy as np
from matplotlib.colors import to_rgb

from ..activations import get_activation
from .. import _checks as val
from ..lessons.one_neuron import decision_grid, decision_line, neuron, neuron_accuracy, neuron_formula
from .style import (CLASS_CMAP, check_colour, check_marker, class_color, class_marker, class_size_scale, drawn,
                    new_axes, title_or)


def _limits(*arrays, margin=0.5):
    """The box around every point of the arrays (each (n, 2); None skipped), ``margin`` wider on each side."""
    pts = np.vstack([a for a in arrays if a is not None])
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    return (lo[0], hi[0]), (lo[1], hi[1])


def plot_points(X, y, ax=None, marker=None, label_prefix="", edgecolor="white", size=28, title=None):
    """Scatter 2-D points, class k in colour ``CLASS_COLORS[k]`` and marker ``CLASS_MARKERS[k]``;
    one legend entry per class (its colour and its shape).

    X : (n, 2), y : (n,) int labels.  marker : None (each class its own shape, every shape with the
    area of a circle of ``size`` points^2) or one matplotlib marker for every class (then only the
    colour tells the classes apart).  edgecolor : the points' edge ("white"; the playground draws
    test points with "black").  Labels the axes x1, x2 if they have no labels yet.  Returns ax.
    """
    X, y = val.labelled_points(X, y)
    size = val.positive_real(size, "size")
    if marker is not None:
        check_marker(marker)
    if not (isinstance(edgecolor, str) and edgecolor == "face"):
        check_colour(edgecolor, "edgecolor")
    ax = new_axes(ax)
    _scatter(ax, X, y, marker, label_prefix, edgecolor, size)
    if title_or(title, None) is not None:
        ax.set_title(title)
    return ax


def _scatter(ax, X, y, marker=None, label_prefix="", edgecolor="white", size=28):
    """plot_points without the checks: X (n, 2) and int labels y (n,) already checked."""
    for c in np.unique(y):
        pts = X[y == c]
        shape, area = (class_marker(c), size * class_size_scale(c)) if marker is None else (marker, size)
        ax.scatter(pts[:, 0], pts[:, 1], s=area, marker=shape, color=class_color(c),
                   edgecolor=edgecolor, linewidth=0.8, label=f"{label_prefix}class {int(c)}", zorder=3)
    if not ax.get_xlabel() and not ax.get_ylabel():
        ax.set(xlabel="$x_1$", ylabel="$x_2$")


def plot_decision_boundary(model, X, y, ax=None, X_test=None, y_test=None, resolution=100,
                           title=None):
    """Shade the plane by the model's prediction and draw the border between classes.

    One output unit: shading is the probability of class 1, the border is the 0.5 contour.
    k > 1 outputs: each region takes its class colour, paler where the model is less sure.
    Points of class k have colour k and marker k (``plot_points``); train points have a white
    edge, test points (optional) are larger, with a black edge.
    X : (n, 2), y : (n,) int labels.  Returns ax.
    """
    model = val.model(model)
    X, y = val.labelled_points(X, y)
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (test points and their labels); "
                         f"got {'only X_test' if y_test is None else 'only y_test'}")
    if X_test is not None:
        X_test = val.points(X_test, "X_test")
        y_test = val.labels(y_test, len(X_test), "y_test")
    resolution = val.resolution(resolution)
    ax = new_axes(ax)
    xlim, ylim = _limits(X, X_test)
    xx, yy, out = decision_grid(model, xlim, ylim, resolution)
    if out.shape[-1] == 1:
        p = out[..., 0]
        ax.contourf(xx, yy, p, levels=np.linspace(0, 1, 11), cmap=CLASS_CMAP, alpha=0.55)
        if p.min() < 0.5 < p.max():                      # else there is no border to draw
            ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5)
    else:
        labels, conf = out.argmax(axis=-1), out.max(axis=-1)
        rgb = np.array([to_rgb(class_color(k)) for k in range(out.shape[-1])])[labels]
        strength = 0.25 + 0.45 * (conf - conf.min()) / max(np.ptp(conf), 1e-12)
        image = 1 - strength[..., None] * (1 - rgb)          # blend with white
        ax.imshow(image, origin="lower", extent=(*xlim, *ylim), aspect="auto", interpolation="bilinear")
        if len(np.unique(labels)) > 1:
            ax.contour(xx, yy, labels, levels=np.arange(out.shape[-1]) + 0.5, colors="k", linewidths=1)
    _scatter(ax, X, y, label_prefix="train ")
    if X_test is not None:
        _scatter(ax, X_test, y_test, label_prefix="test ", edgecolor="black", size=40)
    ax.set(xlim=xlim, ylim=ylim, xlabel="$x_1$", ylabel="$x_2$")
    ax.set_title(title_or(title, f"Decision boundary of {getattr(model, 'sizes', 'the model')}"))
    return ax


# ---------------------------------------------------------------- one neuron

def plot_neuron(w1, w2, b, activation, X, y, ax=None, dataset_name="data", resolution=120):
    """One neuron's output a = f(w1 x1 + w2 x2 + b) shaded over the input plane.

    Draws the output as an image (orange low, white at f(0), blue high, with a colour bar),
    the decision line z = 0, the points X (n, 2) by their 0/1 labels y (n,) (class 0 orange
    circles, class 1 blue squares), and a
    title with the formula and the accuracy.  ``update_neuron`` redraws it in place.  Returns ax.
    """
    weights, act = val.neuron_weights(w1, w2, b), get_activation(activation)
    X, y = val.labelled_points(X, y, binary=True)
    resolution = val.resolution(resolution)
    ax = new_axes(ax, figsize=(5.5, 4.8))
    xlim, ylim = _limits(X, margin=0.5)
    image = ax.imshow(np.zeros((resolution, resolution)), origin="lower", extent=(*xlim, *ylim), aspect="auto",
                      cmap=CLASS_CMAP, interpolation="bilinear", alpha=0.7, gid="neuron output")
    line, = ax.plot([], [], color="k", linewidth=2, label="decision line z = 0", gid="decision line")
    _scatter(ax, X, y, size=140 if len(X) <= 16 else 28, edgecolor="black")
    ax.figure.colorbar(ax.images[-1], ax=ax, label="neuron output a")
    ax.set(xlim=xlim, ylim=ylim, xlabel="$x_1$", ylabel="$x_2$")
    if np.isin(X, (0, 1)).all():                           # a truth table: ticks at 0 and 1 only
        ax.set(xticks=[0, 1], yticks=[0, 1])
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncols=3, fontsize=8, frameon=False)
    return _redraw_neuron(ax, image, line, *weights, act, X, y, dataset_name)


def update_neuron(ax, w1, w2, b, activation, X, y, dataset_name="data"):
    """Redraw a ``plot_neuron`` picture in place for new weights or activation (fast: for sliders).

    Updates the image, its colour range, the decision line and the title; X, y must be the
    points the picture was drawn with.  Returns ax.
    """
    image, line = drawn(ax, "ax", "plot_neuron", "neuron output", "decision line")
    weights, act = val.neuron_weights(w1, w2, b), get_activation(activation)
    return _redraw_neuron(ax, image, line, *weights, act, *val.labelled_points(X, y, binary=True),
                          dataset_name)


def _redraw_neuron(ax, image, line, w1, w2, b, act, X, y, dataset_name):
    xlim, ylim = image.get_extent()[:2], image.get_extent()[2:]
    a = decision_grid(neuron(w1, w2, b, act.name), xlim, ylim, image.get_array().shape[0])[2][..., 0]
    biggest = max(np.abs(a).max(), 1e-6)                  # unbounded outputs: white at a = 0
    lo, hi = {"step": (0, 1), "sigmoid": (0, 1), "tanh": (-1, 1)}.get(act.name, (-biggest, biggest))
    image.set_data(a)
    if image.get_clim() != (lo, hi):                     # same limits: the colour bar stays as it is
        image.set_clim(lo, hi)
    line.set_data(*decision_line(w1, w2, b, xlim, ylim))
    acc = neuron_accuracy(w1, w2, b, X, y)
    ax.set_title(f"{neuron_formula(w1, w2, b, act.name)}\n{dataset_name}: accuracy {acc:.0%} "
                 f"({round(acc * len(y))} of {len(y)} right)", fontsize=10)
    return ax


__all__ = ["plot_decision_boundary", "plot_neuron", "plot_points", "update_neuron"]
