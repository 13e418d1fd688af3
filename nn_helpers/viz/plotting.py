"""Plots for the notebooks: plain functions that draw on a matplotlib ``ax`` and return it.

Each function takes ``ax=None`` (a new figure is made) and gives every picture a title and
labelled axes. The numbers behind a picture come from small functions that tests call
without drawing (``decision_grid``, ``neuron_accuracy``, ``descent_path``). Network diagrams and activation
plots are in ``nn_helpers.viz.diagrams``; the interactive explorers that move these pictures are
in ``nn_helpers.widgets.explorers``.
"""
import numbers
import warnings

import numpy as np
from matplotlib.colors import LinearSegmentedColormap, Normalize, to_rgb, to_rgba_array
from matplotlib.markers import MarkerStyle

from .. import _checks as val
from ..activations import get_activation
from ..network import MLP

# Colour-blind-safe class colours (class 0 orange, class 1 blue, as in TensorFlow Playground).
# The course's one mapping: class k is drawn in CLASS_COLORS[k] in every plot, diagram, playground
# frame and notebook (a notebook that numbers classes 1, 2, 3 uses CLASS_COLORS[1], [2], [3]).
CLASS_COLORS = ["#e8833a", "#3a7dc9", "#4daf4a", "#c44e52", "#8172b3", "#937860"]
# Class 0 -> white -> class 1: probabilities, neuron outputs, and signs (negative orange, positive blue).
CLASS_CMAP = LinearSegmentedColormap.from_list("class01", [CLASS_COLORS[0], "#ffffff", CLASS_COLORS[1]])


# ---------------------------------------------------------------- checks of what a learner passes in
# Each public function runs these once, on entry, before it draws; the private drawing code it
# then calls (shared with the update_* functions a slider calls) works on checked values.

def _is_axes(value):
    from matplotlib.axes import Axes        # here, not at the top: importing plotting stays light
    return isinstance(value, Axes)


def _axes(ax, figsize=(5, 4.5)):
    if ax is not None and not _is_axes(ax):
        raise TypeError(f"ax must be a matplotlib Axes (e.g. from plt.subplots()) or None; "
                        f"got {type(ax).__name__} {ax!r:.60}")
    if ax is None:
        import matplotlib.pyplot as plt
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _axes_list(axes, name, counts=(2,)):
    """axes as a list of matplotlib Axes, as many as one of ``counts`` (a pair from plt.subplots(1, 2))."""
    what = f"a list of {' or '.join(map(str, counts))} matplotlib Axes (e.g. from plt.subplots(1, {counts[0]}))"
    if (not isinstance(axes, (list, tuple, np.ndarray)) or np.ndim(axes) != 1
            or not all(_is_axes(a) for a in axes)):
        raise TypeError(f"{name} must be {what}; got {type(axes).__name__} {axes!r:.60}")
    if len(axes) not in counts:
        raise ValueError(f"{name} must be {what}; got {len(axes)}")
    return list(axes)


def _find(ax, gid):
    """The artist that a function here tagged with ``gid`` on ax, or None."""
    return next((a for a in ax.get_children() if a.get_gid() == gid), None)


def _drawn(ax, name, by, *gids):
    """The artists tagged ``gids`` on ax, which must be an Axes that the function ``by`` drew."""
    if not _is_axes(ax):
        raise TypeError(f"{name} must be a matplotlib Axes drawn by {by}; got {type(ax).__name__} {ax!r:.60}")
    artists = [_find(ax, gid) for gid in gids]
    missing = [gid for gid, artist in zip(gids, artists) if artist is None]
    if missing:
        raise ValueError(f"{name} must be an Axes drawn by {by}; got one without its {missing[0]!r}")
    return artists


def _drawn_list(axes, name, by, gids, counts=(2,)):
    """axes (a list, ``_axes_list``) that ``by`` drew: axes[i] carries gids[i]."""
    axes = _axes_list(axes, name, counts)
    for ax, gid in zip(axes, gids):
        _drawn(ax, name, by, gid)
    return axes


def _blank(text):
    """True for no title: None or the empty string (any other value is shown as text)."""
    return text is None or (isinstance(text, str) and not text)


def _model(model, name="model"):
    """model if it has a forward(X) method (an MLP, or a learner's own network)."""
    if not callable(getattr(model, "forward", None)):
        raise TypeError(f"{name} must be a network with a forward(X) method, e.g. an MLP; "
                        f"got {type(model).__name__} {model!r:.60}")
    return model


def _one_input_net(net, name="net"):
    """net if it is an MLP with one input and one output (a curve y = net(x))."""
    val.instance(net, MLP, name, "an MLP with one input, e.g. from staircase_network(f, k)")
    if net.sizes[0] != 1 or net.sizes[-1] != 1:
        raise ValueError(f"{name} must take one input and give one output (sizes [1, ..., 1]); "
                         f"got sizes {net.sizes}")
    return net


def _interval(value, name, increasing=False):
    """value as a pair (a, b) of finite floats with a != b (a < b if ``increasing``)."""
    what = "(a, b) with a < b" if increasing else "a pair (low, high) of two different numbers"
    pair = val.as_float_array(value, name)
    if pair.shape != (2,):
        raise ValueError(f"{name} must be {what}; got {value!r:.60}")
    a, b = float(pair[0]), float(pair[1])
    if (a >= b) if increasing else (a == b):
        raise ValueError(f"{name} must be {what}; got {(a, b)}")
    return a, b


def _resolution(resolution):
    return val.positive_int(resolution, "resolution", minimum=2)


def _weights(w1, w2, b):
    """The neuron's w1, w2, b as floats."""
    return val.real_number(w1, "w1"), val.real_number(w2, "w2"), val.real_number(b, "b")


def _points(X, name="X"):
    """X as a float array (n, 2), n >= 1: one 2-D point a row."""
    X = val.as_float_array(X, name)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(f"{name} must be 2-D points, shape (n, 2), one point a row; got shape {X.shape}")
    return X


def _labels(y, n, name="y", binary=False):
    """y as an int array (n,) of class labels, whole numbers (0 or 1 if ``binary``)."""
    y = val.as_float_array(y, name)
    if y.shape != (n,):
        raise ValueError(f"{name} must be one label per point, shape ({n},); got shape {y.shape}")
    if np.any(y != np.round(y)) or (binary and not np.isin(y, (0, 1)).all()):
        expected = "0 or 1" if binary else "whole numbers such as 0, 1, 2"
        raise ValueError(f"{name} must hold class labels {expected}; got {np.unique(y)[:6]}")
    return y.astype(int)


def _labelled_points(X, y, binary=False):
    X = _points(X)
    return X, _labels(y, len(X), binary=binary)


def _path(path, name="path"):
    """path as a float array (k, 2) of its finite rows (a diverged descent ends in NaN rows)."""
    points = val.numeric_array(path, name)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"{name} must have shape (k, 2), one point a row; got {points.shape}")
    finite = points[np.all(np.isfinite(points), axis=1)]
    if len(finite) == 0:
        raise ValueError(f"{name} must have at least one finite point; got {len(points)} row(s) of NaN or inf")
    return finite


def _style(value, name, check, example):
    """value if matplotlib takes it (``check(value)`` raises nothing), else a ValueError with an example."""
    try:
        check(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a matplotlib {example}; got {value!r:.60}") from None
    return value


# ---------------------------------------------------------------- points and decision boundaries

def decision_grid(model, xlim, ylim, resolution=100):
    """The model's output on a resolution x resolution grid over the rectangle xlim x ylim.

    model : anything with ``forward(X)`` mapping (n, 2) to (n, k).
    Returns xx, yy (resolution, resolution) and out (resolution, resolution, k).
    """
    return _grid(_model(model), _interval(xlim, "xlim"), _interval(ylim, "ylim"), _resolution(resolution))


def _grid(model, xlim, ylim, resolution):
    xx, yy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    out = model.forward(np.c_[xx.ravel(), yy.ravel()])
    return xx, yy, out.reshape(resolution, resolution, -1)


def _limits(*arrays, margin=0.5):
    pts = np.vstack([a for a in arrays if a is not None])
    lo, hi = pts.min(axis=0) - margin, pts.max(axis=0) + margin
    return (lo[0], hi[0]), (lo[1], hi[1])


def plot_points(X, y, ax=None, marker="o", label_prefix="", edgecolor="white", size=28, title=None):
    """Scatter 2-D points coloured by their int label; one legend entry per class.

    X : (n, 2), y : (n,) int labels.  Labels the axes x1, x2 if they have no labels yet.
    """
    X, y = _labelled_points(X, y)
    _style(marker, "marker", MarkerStyle, "marker such as 'o', '^' or 's'")
    if not (isinstance(edgecolor, str) and edgecolor == "face"):
        _style(edgecolor, "edgecolor", to_rgba_array, "colour such as 'white', 'black' or '#3a7dc9'")
    ax = _axes(ax)
    _scatter(ax, X, y, marker, label_prefix, edgecolor, size)
    if not _blank(title):
        ax.set_title(title)
    return ax


def _scatter(ax, X, y, marker="o", label_prefix="", edgecolor="white", size=28):
    """plot_points without the checks: X (n, 2) and int labels y (n,) already checked."""
    for c in np.unique(y):
        pts = X[y == c]
        ax.scatter(pts[:, 0], pts[:, 1], s=size, marker=marker, color=CLASS_COLORS[int(c) % 6],
                   edgecolor=edgecolor, linewidth=0.8, label=f"{label_prefix}class {int(c)}", zorder=3)
    if not ax.get_xlabel() and not ax.get_ylabel():
        ax.set(xlabel="$x_1$", ylabel="$x_2$")


def plot_decision_boundary(model, X, y, ax=None, X_test=None, y_test=None, resolution=100,
                           title=None):
    """Shade the plane by the model's prediction and draw the border between classes.

    One output unit: shading is the probability of class 1, the border is the 0.5 contour.
    k > 1 outputs: each region takes its class colour, paler where the model is less sure.
    Train points are circles, test points (optional) are triangles with a black edge.
    X : (n, 2), y : (n,) int labels.  Returns ax.
    """
    model = _model(model)
    X, y = _labelled_points(X, y)
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (test points and their labels); "
                         f"got {'only X_test' if y_test is None else 'only y_test'}")
    if X_test is not None:
        X_test = _points(X_test, "X_test")
        y_test = _labels(y_test, len(X_test), "y_test")
    resolution = _resolution(resolution)
    ax = _axes(ax)
    xlim, ylim = _limits(X, X_test)
    xx, yy, out = _grid(model, xlim, ylim, resolution)
    if out.shape[-1] == 1:
        p = out[..., 0]
        ax.contourf(xx, yy, p, levels=np.linspace(0, 1, 11), cmap=CLASS_CMAP, alpha=0.55)
        if p.min() < 0.5 < p.max():                      # else there is no border to draw
            ax.contour(xx, yy, p, levels=[0.5], colors="k", linewidths=1.5)
    else:
        labels, conf = out.argmax(axis=-1), out.max(axis=-1)
        rgb = np.array([to_rgb(CLASS_COLORS[k % 6]) for k in range(out.shape[-1])])[labels]
        strength = 0.25 + 0.45 * (conf - conf.min()) / max(np.ptp(conf), 1e-12)
        image = 1 - strength[..., None] * (1 - rgb)          # blend with white
        ax.imshow(image, origin="lower", extent=(*xlim, *ylim), aspect="auto", interpolation="bilinear")
        if len(np.unique(labels)) > 1:
            ax.contour(xx, yy, labels, levels=np.arange(out.shape[-1]) + 0.5, colors="k", linewidths=1)
    _scatter(ax, X, y, label_prefix="train ")
    if X_test is not None:
        _scatter(ax, X_test, y_test, marker="^", label_prefix="test ", edgecolor="black", size=36)
    ax.set(xlim=xlim, ylim=ylim, xlabel="$x_1$", ylabel="$x_2$")
    if _blank(title):
        title = f"Decision boundary of {getattr(model, 'sizes', 'the model')}"
    ax.set_title(title)
    return ax


# ---------------------------------------------------------------- one neuron

def neuron(w1, w2, b, activation="sigmoid"):
    """The single neuron a = f(w1 x1 + w2 x2 + b) as a 2-1 MLP (no hidden layer)."""
    return _neuron(*_weights(w1, w2, b), activation)


def _neuron(w1, w2, b, activation):
    return MLP([2, 1], output_activation=activation,
               weights=[np.array([[w1, w2]], dtype=float)], biases=[np.array([b], dtype=float)])


def neuron_formula(w1, w2, b, activation="sigmoid"):
    """The neuron as text with its numbers, e.g. "a = sigmoid(1.0·x1 + 1.0·x2 − 1.5)"."""
    return _formula(*_weights(w1, w2, b), get_activation(activation).name)


def _formula(w1, w2, b, activation):
    def num(v):
        return f"{abs(v):.1f}" if np.isclose(v, round(v, 1)) else f"{abs(v):.2f}"
    minus = "\N{MINUS SIGN}"
    w1_text = ("" if w1 >= 0 else minus) + num(w1)
    return (f"a = {activation}({w1_text}·x1 {'+' if w2 >= 0 else minus} {num(w2)}·x2 "
            f"{'+' if b >= 0 else minus} {num(b)})")


def neuron_accuracy(w1, w2, b, X, y):
    """Fraction of points the neuron classifies right: class 1 where z = w1 x1 + w2 x2 + b >= 0.

    (That is output a >= 0.5 for step and sigmoid, a >= 0 for tanh: every activation here
    puts its threshold at z = 0, the decision line.)  X : (n, 2), y : (n,) 0/1 labels.
    """
    return _accuracy(*_weights(w1, w2, b), *_labelled_points(X, y, binary=True))


def _accuracy(w1, w2, b, X, y):
    z = X @ np.array([w1, w2], dtype=float) + b
    return float(np.mean((z >= 0).astype(int) == y))


def best_line(X, y, directions=1800):
    """The straight line that gets the most points right, by brute force: (w1, w2, b, accuracy).

    For each of ``directions`` directions u = (cos t, sin t), t evenly spaced in [0, pi), sort the
    points by u . x and try a cut between every two neighbours with distinct u . x (and before
    the first, after the last), class 1 on either side.  The best cut's line w1 x1 + w2 x2 + b = 0
    passes midway between its neighbours; accuracy is ``neuron_accuracy(w1, w2, b, X, y)``.
    X : (n, 2), y : (n,) 0/1 labels.  directions : int >= 1.
    """
    X, y = _labelled_points(X, y, binary=True)
    directions = val.positive_int(directions, "directions")
    best, line = -1, None
    for angle in np.linspace(0.0, np.pi, directions, endpoint=False):
        u = np.array([np.cos(angle), np.sin(angle)])
        projection = X @ u                                                # (n,): u . x per point
        order = np.argsort(projection, kind="stable")
        p, ys = projection[order], y[order]                               # sorted along u
        # high[i]: points right when the cut falls before sorted point i and class 1 is after it
        high = np.r_[0, np.cumsum(ys == 0)] + np.r_[np.cumsum(ys[::-1] == 1)[::-1], 0]   # (n + 1,)
        valid = np.r_[True, p[1:] > p[:-1], True]                         # no cut between equal values
        right = np.where(valid, np.maximum(high, len(y) - high), -1)      # class 1 after, or before
        i = int(np.argmax(right))
        if right[i] > best:
            cut = (p[0] - 1.0 if i == 0 else p[-1] + 1.0 if i == len(p) else (p[i - 1] + p[i]) / 2)
            sign = 1.0 if high[i] >= len(y) - high[i] else -1.0
            best, line = right[i], (sign * u[0], sign * u[1], -sign * cut)
    w1, w2, b = (float(v) for v in line)
    return w1, w2, b, _accuracy(w1, w2, b, X, y)


def _decision_line(w1, w2, b, xlim, ylim):
    """Two points of the line w1 x1 + w2 x2 + b = 0 spanning the box (empty if w1 = w2 = 0)."""
    if abs(w2) >= abs(w1) and w2 != 0:
        x1 = np.array(xlim, dtype=float)
        return x1, -(w1 * x1 + b) / w2
    if w1 != 0:
        x2 = np.array(ylim, dtype=float)
        return -(w2 * x2 + b) / w1, x2
    return np.array([]), np.array([])


def plot_neuron(w1, w2, b, activation, X, y, ax=None, dataset_name="data", resolution=120):
    """One neuron's output a = f(w1 x1 + w2 x2 + b) shaded over the input plane.

    Draws the output as an image (orange low, white at f(0), blue high, with a colour bar),
    the decision line z = 0, the points X (n, 2) coloured by their 0/1 labels y (n,), and a
    title with the formula and the accuracy.  ``update_neuron`` redraws it in place.  Returns ax.
    """
    weights, act = _weights(w1, w2, b), get_activation(activation)
    X, y = _labelled_points(X, y, binary=True)
    resolution = _resolution(resolution)
    ax = _axes(ax, figsize=(5.5, 4.8))
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
    image, line = _drawn(ax, "ax", "plot_neuron", "neuron output", "decision line")
    weights, act = _weights(w1, w2, b), get_activation(activation)
    return _redraw_neuron(ax, image, line, *weights, act, *_labelled_points(X, y, binary=True), dataset_name)


def _redraw_neuron(ax, image, line, w1, w2, b, act, X, y, dataset_name):
    (x0, x1), (y0, y1) = image.get_extent()[:2], image.get_extent()[2:]
    a = _grid(_neuron(w1, w2, b, act.name), (x0, x1), (y0, y1), image.get_array().shape[0])[2][..., 0]
    biggest = max(np.abs(a).max(), 1e-6)                  # unbounded outputs: white at a = 0
    lo, hi = {"step": (0, 1), "sigmoid": (0, 1), "tanh": (-1, 1)}.get(act.name, (-biggest, biggest))
    image.set_data(a)
    image.set_norm(Normalize(lo, hi))
    line.set_data(*_decision_line(w1, w2, b, (x0, x1), (y0, y1)))
    acc = _accuracy(w1, w2, b, X, y)
    ax.set_title(f"{_formula(w1, w2, b, act.name)}\n{dataset_name}: accuracy {acc:.0%} "
                 f"({round(acc * len(y))} of {len(y)} right)", fontsize=10)
    return ax


# ---------------------------------------------------------------- training: loss curves and surfaces

def plot_loss_curve(history, ax=None, label="train loss", title="Loss during training", mark_epoch=None):
    """Loss per epoch from ``MLP.fit``'s history (and val_loss if present). Returns ax.

    mark_epoch : int or None; marks that epoch on the curves (e.g. the playground's current epoch).
    """
    losses = _history(history)
    if mark_epoch is not None:
        mark_epoch = val.positive_int(mark_epoch, "mark_epoch", minimum=0)
    ax = _axes(ax, figsize=(5, 3.5))
    curves = [("loss", label, CLASS_COLORS[1]), ("val_loss", "validation loss", CLASS_COLORS[0])]
    for key, text, color in curves:
        if len(losses[key]):
            ax.plot(losses[key], label=text, color=color)
    if mark_epoch is not None:
        ax.axvline(mark_epoch, color="0.4", linestyle=":", linewidth=1, label=f"epoch {mark_epoch}")
        for key, _, color in curves:
            if mark_epoch < len(losses[key]):
                ax.plot([mark_epoch], [losses[key][mark_epoch]], "o", color=color, zorder=4)
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    ax.legend()
    return ax


def _history(history):
    """The loss and val_loss lists of MLP.fit's history as 1-D float arrays (empty when absent)."""
    val.instance(history, dict, "history", "the dict MLP.fit returns, e.g. {'loss': [0.7, 0.5, ...]}")
    if "loss" not in history:
        raise ValueError(f"history must be the dict MLP.fit returns, with a 'loss' list; got keys {list(history)[:6]}")
    losses = {}
    for key in ("loss", "val_loss"):
        values = val.numeric_array([] if history.get(key) is None else history[key], f"history[{key!r}]")
        if values.ndim != 1:
            raise ValueError(f"history[{key!r}] must be one loss per epoch, shape (epochs,); got shape {values.shape}")
        losses[key] = values
    return losses


def descent_path(grad, start, lr, steps):
    """Plain gradient descent w <- w - lr grad(w) from ``start``; every point visited.

    grad : function of w (d,) returning the gradient (d,).  start : (d,).  lr : the step size
    (eta).  Returns an ndarray (steps + 1, d): row 0 is start, row t the point after t steps.
    If the points overflow (a too large lr), a RuntimeWarning says so and the rest are NaN.
    """
    grad = val.function(grad, "grad", "a function of w returning the gradient, e.g. lambda w: 2 * w")
    w = val.as_float_array(start, "start")
    if w.ndim != 1:
        raise ValueError(f"start must be one point, shape (d,); got shape {w.shape}")
    lr = val.real_number(lr, "lr", positive=True)
    steps = val.positive_int(steps, "steps", minimum=0)
    path = np.full((steps + 1, w.size), np.nan)
    path[0] = w
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(steps):
            g = np.asarray(grad(path[t]), dtype=float)
            if g.shape != w.shape:
                raise ValueError(f"grad(w) must return shape {w.shape} like w; got {g.shape}")
            path[t + 1] = path[t] - lr * g
            if not np.all(np.isfinite(path[t + 1])):
                path[t + 1] = np.nan
                warnings.warn(f"gradient descent diverged at step {t + 1} (lr={lr:g}): the points "
                              f"overflowed; the rest of the path is NaN. Try a smaller lr.",
                              RuntimeWarning, stacklevel=2)
                break
    return path


def plot_descent_path(path, ax=None, label="gradient descent", color="#c44e52"):
    """A descent path (k, 2) as markers joined by arrows, its start and end marked. Returns ax.

    Rows that are NaN (a diverged descent) are left out; the end is then the last finite point.
    """
    path = _path(path)
    ax = _axes(ax)
    _draw_path(ax, path, label, color)
    return ax


def _draw_path(ax, path, label="gradient descent", color="#c44e52"):
    """plot_descent_path without the checks: path (k, 2), its finite rows only."""
    ax.plot(path[:, 0], path[:, 1], ".", color=color, markersize=5, label=label, zorder=4)
    every = max(1, len(path) // 30)                        # at most ~30 arrows
    for p, q in zip(path[:-1:every], path[every::every]):
        ax.annotate("", xy=q, xytext=p, zorder=4,
                    arrowprops=dict(arrowstyle="-|>", color=color, linewidth=1.2, shrinkA=0, shrinkB=0))
    ax.plot(*path[0], "o", color="white", markeredgecolor="black", markersize=9, label="start", zorder=5)
    ax.plot(*path[-1], "*", color=color, markeredgecolor="black", markersize=14,
            label=f"end (after {len(path) - 1} steps)", zorder=5)


def _levels(levels):
    """levels as contourf takes them: a count (int >= 1) or increasing values."""
    what = "a number of contour levels (an int >= 1) or a list of increasing values"
    if not isinstance(levels, (list, tuple, np.ndarray)):
        if isinstance(levels, bool) or not isinstance(levels, numbers.Integral):
            raise TypeError(f"levels must be {what}; got {type(levels).__name__} {levels!r:.60}")
        if levels < 1:
            raise ValueError(f"levels must be {what}; got {levels}")
        return levels
    values = val.as_float_array(levels, "levels")
    if values.ndim != 1 or values.size == 0 or np.any(np.diff(values) <= 0):
        raise ValueError(f"levels must be {what}; got {levels!r:.60}")
    return levels


def plot_loss_surface(f, xlim, ylim, ax=None, path=None, levels=30, resolution=120,
                      title="Loss surface", xlabel="$w_1$", ylabel="$w_2$"):
    """Contours of a function f(w1, w2) over the box xlim x ylim, with an optional descent path.

    f : called once on the grid arrays (resolution, resolution) if it works elementwise on
    arrays, else point by point.  path : (k, 2) points, e.g. from ``descent_path``.  Returns ax.
    """
    f = val.function(f, "f", "a function f(w1, w2) returning the loss")
    xlim, ylim = _interval(xlim, "xlim"), _interval(ylim, "ylim")
    path = None if path is None else _path(path)
    levels, resolution = _levels(levels), _resolution(resolution)
    ax = _axes(ax, figsize=(5.5, 4.5))
    W1, W2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    try:
        L = np.asarray(f(W1, W2), dtype=float)
    except (TypeError, ValueError):
        L = None
    if L is None or L.shape != W1.shape:                   # f takes numbers, not arrays
        L = np.vectorize(lambda a, b: float(f(a, b)))(W1, W2)
    filled = ax.contourf(W1, W2, L, levels=levels, cmap="viridis")
    ax.contour(W1, W2, L, levels=filled.levels, colors="white", linewidths=0.4, alpha=0.6)
    ax.figure.colorbar(filled, ax=ax, label="loss")
    if path is not None:
        _draw_path(ax, path)
        ax.legend(loc="upper right", fontsize=8)
    ax.set(xlim=xlim, ylim=ylim, xlabel=xlabel, ylabel=ylabel, title=title)
    return ax


# ---------------------------------------------------------------- losses of one prediction (notebook 05)

# name -> (formula for a legend, colour); the losses of one prediction o for a target t.
ONE_PREDICTION_LOSSES = {"squared error": ("½(t − o)²", CLASS_COLORS[1]),
                         "absolute error": ("|t − o|", CLASS_COLORS[0]),
                         "cross-entropy": ("−[t log o + (1 − t) log(1 − o)]", CLASS_COLORS[3])}


def _target(t):
    t = val.real_number(t, "t")
    if t not in (0.0, 1.0):
        raise ValueError(f"the target t must be 0 or 1; got {t:g}")
    return t


def _prediction(o):
    o = val.real_number(o, "o")
    if not 0 < o < 1:
        raise ValueError(f"the prediction o must be between 0 and 1 (a probability); got {o:g}")
    return o


def loss_curves(t, o):
    """Each loss of ``ONE_PREDICTION_LOSSES`` and its slope dL/do, for the target t (0 or 1) and
    every prediction in o (ndarray (m,), values in (0, 1)).  Returns a dict name -> (L, dL/do),
    two ndarrays (m,); the same numbers as ``losses.squared_error``, ``losses.mae`` and
    ``losses.binary_cross_entropy`` (and their ``_grad``) give for one sample with one output."""
    t = _target(t)
    o = np.clip(val.as_float_array(o, "o"), 1e-15, 1 - 1e-15)
    return {"squared error": (0.5 * (t - o) ** 2, o - t),
            "absolute error": (np.abs(t - o), np.sign(o - t)),
            "cross-entropy": (-(t * np.log(o) + (1 - t) * np.log(1 - o)), (o - t) / (o * (1 - o)))}


def losses_at(t, o):
    """Each loss of one prediction o for the target t, and its slope dL/do, from ``nn_helpers.losses``
    (squared_error, mae, binary_cross_entropy and their gradients, for one sample with one output).
    Returns a dict name -> (loss, slope), two floats."""
    from .. import losses
    y, y_hat = np.array([_target(t)]), np.array([val.real_number(o, "o")])
    pairs = {"squared error": (losses.squared_error, losses.squared_error_grad),
             "absolute error": (losses.mae, losses.mae_grad),
             "cross-entropy": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad)}
    return {name: (value(y, y_hat), float(grad(y, y_hat)[0])) for name, (value, grad) in pairs.items()}


def _loss_table(t, o):
    rows = [f"target t = {t:g},  prediction o = {o:.2f}", f"{'':16s}{'loss L':>10s}{'slope dL/do':>14s}"]
    for name, (L, g) in losses_at(t, o).items():
        rows.append(f"{name:16s}{L:10.4f}{g:14.4f}")
    return "\n".join(rows)


def plot_losses_at(t, o, axes=None, grad_limit=1000.0):
    """Three losses of one prediction against o in (0, 1) for the target t, and their slopes.

    axes : a pair (loss_ax, grad_ax), or None for a new figure; a third axes, if given, gets a
    table of each loss and its slope at the prediction o (in (0, 1)), which is marked on every
    curve.  The slope axis is symmetric-logarithmic (linear from -1 to 1, logarithmic beyond, up
    to +-grad_limit), so cross-entropy's slope, which grows without bound as o nears the wrong
    end, is drawn at its true value; only slopes beyond +-grad_limit (for the default, o within
    0.001 of 0 or 1) are drawn at the edge, and the title then says so.  Returns the axes.
    """
    t, o, grad_limit = _target(t), _prediction(o), val.real_number(grad_limit, "grad_limit", positive=True)
    if axes is None:
        import matplotlib.pyplot as plt
        _, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    given, axes = axes, _axes_list(axes, "axes", (2, 3))
    grid = np.linspace(0.001, 0.999, 400)
    for name, (L, g) in loss_curves(t, grid).items():
        formula, color = ONE_PREDICTION_LOSSES[name]
        axes[0].plot(grid, L, color=color, label=f"{name}  {formula}", gid=f"curve {name}")
        axes[1].plot(grid, np.clip(g, -grad_limit, grad_limit), color=color, label=name, gid=f"slope {name}")
        for ax, key in ((axes[0], "point"), (axes[1], "slope point")):
            ax.plot([], [], "o", color=color, markeredgecolor="black", zorder=4, gid=f"{key} {name}")
    for ax in axes[:2]:
        ax.axvline(o, color="0.4", linestyle=":", linewidth=1, gid="o line")
        ax.set_xlim(0, 1)
    axes[0].set(ylim=(0, 4.8), xlabel="prediction $o$", ylabel="loss $L$")
    axes[1].set_yscale("symlog", linthresh=1.0, linscale=1.0)
    ticks = [v for v in 10.0 ** np.arange(0, 7) if v <= grad_limit]
    axes[1].set_yticks([-v for v in ticks[::-1]] + [0.0] + ticks, minor=False)
    axes[1].yaxis.set_major_formatter(lambda v, _: f"{v:g}".replace("-", "−"))
    axes[1].set(xlabel="prediction $o$", ylabel="slope $dL/do$")
    axes[1].axhline(0, color="0.6", linewidth=0.8)
    axes[0].legend(loc="upper center", fontsize=8)
    axes[1].legend(loc="upper left", fontsize=8)
    if len(axes) > 2:
        axes[2].set_axis_off()
        axes[2].text(0.5, 0.5, "", family="monospace", fontsize=10, ha="center", va="center",
                     multialignment="left", transform=axes[2].transAxes, gid="table")
    _move_losses_at(axes, t, o, grad_limit)
    return given


def update_losses_at(axes, t, o, grad_limit=1000.0):
    """Move the marks of ``plot_losses_at`` to the target t and the prediction o, in place."""
    t, o, grad_limit = _target(t), _prediction(o), val.real_number(grad_limit, "grad_limit", positive=True)
    _move_losses_at(_drawn_list(axes, "axes", "plot_losses_at", ("curve squared error", "slope squared error",
                                                                 "table"), counts=(2, 3)), t, o, grad_limit)
    return axes


def _move_losses_at(axes, t, o, grad_limit):
    grid = np.linspace(0.001, 0.999, 400)
    for name, (L, g) in loss_curves(t, grid).items():
        _find(axes[0], f"curve {name}").set_ydata(L)
        _find(axes[1], f"slope {name}").set_ydata(np.clip(g, -grad_limit, grad_limit))
    clipped = False
    for name, (L, g) in loss_curves(t, np.array([o])).items():
        _find(axes[0], f"point {name}").set_data([o], L)
        _find(axes[1], f"slope point {name}").set_data([o], np.clip(g, -grad_limit, grad_limit))
        clipped = clipped or bool(np.abs(g[0]) > grad_limit)
    for ax in axes[:2]:
        _find(ax, "o line").set_xdata([o, o])
    axes[0].set_title(f"Each loss against the prediction $o$ (target $t$ = {t:g})")
    axes[1].set_title("Its slope $dL/do$ (log scale beyond ±1)"
                      + (f"\n(the dot is clipped at ±{grad_limit:g})" if clipped else ""))
    # every slope has the sign of o - t: show that side of zero, and put the legend on the other
    axes[1].set_ylim((-grad_limit * 1.5, 3.0) if t == 1 else (-3.0, grad_limit * 1.5))
    axes[1].get_legend().set_loc("lower right" if t == 1 else "upper left")
    if len(axes) > 2:
        _find(axes[2], "table").set_text(_loss_table(t, o))


# ---------------------------------------------------------------- universal approximation (notebook 01)

APPROXIMATION_TARGETS = {                   # name -> (label, f): the curves notebook 01 approximates
    "sin": ("sin(x)", np.sin),
    "abs": ("|x|", np.abs),
    "bump": ("exp(−2x²)", lambda x: np.exp(-2.0 * np.square(x))),
    "step": ("a jump at x = 0.5 (not continuous)", lambda x: (np.asarray(x) >= 0.5).astype(float)),
}


_CURVE = "a function of x that works on arrays, e.g. np.sin"


def approximation_target(name):
    """(label, f) of a target curve by name: "sin", "abs", "bump" or "step"; f maps arrays to arrays."""
    key = name.lower() if isinstance(name, str) else None
    if key not in APPROXIMATION_TARGETS:
        raise ValueError(f"unknown target {name!r}; expected one of {list(APPROXIMATION_TARGETS)}")
    return APPROXIMATION_TARGETS[key]


def staircase_network(f, units, interval=(-3.0, 3.0), steepness=100.0):
    """A 1-k-1 sigmoid network whose output is a staircase through f (universal approximation, built).

    The interval [a, b] is cut into k + 1 equal pieces of width d = (b - a) / (k + 1), centred at
    c_0 .. c_k.  Hidden unit j = 1..k is a steep step a_j = sigmoid(w (x - m_j)) at the border
    m_j = a + j d (weight w = steepness, bias -w m_j); its output weight is the jump
    f(c_j) - f(c_{j-1}) and the output bias is f(c_0).  So on piece i the output is about
    f(c_0) + (the first i jumps) = f(c_i).
    f : function on arrays.  units : k >= 1.  Returns an MLP([1, k, 1], activation="sigmoid",
    output_activation="identity", loss="mse").
    """
    f = val.function(f, "f", _CURVE)
    k = val.positive_int(units, "units")
    w = val.real_number(steepness, "steepness", positive=True)
    a, b = _interval(interval, "interval", increasing=True)
    d = (b - a) / (k + 1)
    centres = a + d * (np.arange(k + 1) + 0.5)               # (k + 1,)
    borders = a + d * np.arange(1, k + 1)                     # (k,)
    levels = np.asarray(f(centres), dtype=float)              # f(c_0) .. f(c_k)
    W1, b1 = np.full((k, 1), w), -w * borders                 # (k, 1), (k,)
    W2, b2 = np.diff(levels)[None, :], levels[:1]             # (1, k), (1,)
    return MLP([1, k, 1], activation="sigmoid", output_activation="identity", loss="mse",
               weights=[W1, W2], biases=[b1, b2])


def approximation_error(net, f, interval=(-3.0, 3.0), n=1201):
    """The largest gap max |f(x) - net(x)| over n evenly spaced x in the interval (a 1-input net)."""
    net, f = _model(net, "net"), val.function(f, "f", _CURVE)
    x = np.linspace(*_interval(interval, "interval", increasing=True), val.positive_int(n, "n"))
    return float(np.max(np.abs(np.asarray(f(x), dtype=float) - net.forward(x[:, None])[:, 0])))


def plot_approximation(net, f, interval=(-3.0, 3.0), ax=None, target_label="target f(x)", title=None):
    """The target f (grey) and a 1-input network's output (blue) over the interval; the title
    gives the number of hidden units and the largest gap.  Returns ax."""
    net, f = _one_input_net(net), val.function(f, "f", _CURVE)
    interval = _interval(interval, "interval", increasing=True)
    ax = _axes(ax, figsize=(6, 3.8))
    x = np.linspace(*interval, 1201)
    ax.plot(x, f(x), color="0.55", linewidth=4, alpha=0.6, label=target_label, gid="target")
    ax.plot(x, net.forward(x[:, None])[:, 0], color=CLASS_COLORS[1], linewidth=1.8,
            label="network output", gid="network")
    if _blank(title):
        k = net.sizes[1] if len(net.sizes) > 2 else 0
        title = f"{k} hidden unit{'s' * (k != 1)}: largest gap {approximation_error(net, f, interval):.3f}"
    ax.set(xlabel="input x", ylabel="output", xlim=interval, title=title)
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_hidden_contributions(net, interval=(-3.0, 3.0), ax=None, title=None):
    """Each hidden unit's share of a 1-k-1 network's output, v_j a_j(x) (its activation times its
    output weight), one thin line per unit; the output is their sum plus the output bias.  Returns ax."""
    if len(_one_input_net(net).sizes) != 3:
        raise ValueError(f"plot_hidden_contributions needs a 1-k-1 network; got sizes {net.sizes}")
    interval = _interval(interval, "interval", increasing=True)
    ax = _axes(ax, figsize=(6, 2.6))
    x = np.linspace(*interval, 1201)
    shares = net.forward_trace(x[:, None])["a"][1] * net.weights[1][0]     # (n, k)
    colors = [CLASS_COLORS[1] if v >= 0 else CLASS_COLORS[0] for v in net.weights[1][0]]
    for j in range(shares.shape[1]):
        ax.plot(x, shares[:, j], color=colors[j], linewidth=1.2, alpha=0.8, gid="unit")
    ax.axhline(0, color="0.6", linewidth=0.8)
    if _blank(title):
        title = "each hidden unit times its output weight (blue up, orange down)"
    ax.set(xlabel="input x", ylabel="$v_j a_j(x)$", xlim=interval, title=title)
    return ax


# ---------------------------------------------------------------- digits: one image and its probabilities (notebook 09)

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
    ax_img, ax_bar = _axes_list(axes, "axes")
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
    ax_img, ax_bar = _drawn_list(axes, "axes", "plot_digit_prediction", ("digit",))
    if len(ax_bar.patches) != p.size:
        raise ValueError(f"probabilities must have one value per bar drawn ({len(ax_bar.patches)}); got {p.size}")
    _show_digit(ax_img, ax_bar, image, p, true_label, name)
    return axes


def _show_digit(ax_img, ax_bar, image, p, true_label, name):
    k = int(np.argmax(p))
    _find(ax_img, "digit").set_data(image)
    ax_img.set_title(name, fontsize=9)
    ax_bar.set_title(_digit_title(p, true_label), fontsize=9,
                     color="black" if true_label in (None, k) else CLASS_COLORS[3])
    for c, bar in enumerate(ax_bar.patches):
        bar.set_height(p[c])
        right = true_label is None or k == true_label
        bar.set_facecolor((CLASS_COLORS[2] if right else CLASS_COLORS[3]) if c == k else "0.7")
        bar.set_edgecolor("black" if c == true_label else "none")
    for text in [t for t in ax_bar.texts if t.get_gid() == "prob"]:
        text.remove()
    ax_bar.text(k, min(p[k], 1.0) + 0.02, f"{p[k]:.2f}", ha="center", va="bottom", fontsize=8, gid="prob")


# ---------------------------------------------------------------- learning rates (notebook 08)

# name -> the surface's formula, loss E(w) (w : (..., d), elementwise over leading axes), its
# gradient, its smallest value, where descent starts, and the box the pictures show.
DESCENT_SURFACES = {
    "1d": {"formula": "E(w) = (w − 3)² + 1",
            "loss": lambda w: (w[..., 0] - 3.0) ** 2 + 1.0,
            "grad": lambda w: 2.0 * (w - 3.0),
            "minimum": 1.0, "start": (-1.0,), "xlim": (-3.0, 9.0), "ylim": (0.0, 40.0)},
    "2d": {"formula": "E(w) = w₁² + 10 w₂²",
            "loss": lambda w: w[..., 0] ** 2 + 10.0 * w[..., 1] ** 2,
            "grad": lambda w: np.array([2.0, 20.0]) * w,
            "minimum": 0.0, "start": (-9.0, 1.5), "xlim": (-10.0, 10.0), "ylim": (-3.0, 3.0)},
}
DESCENT_REGIMES = ("converges", "oscillates", "diverges")


def classify_descent(path, gaps):
    """Name what a descent did: "converges", "oscillates" or "diverges", and say it in a sentence.

    path : (k, d) points (rows may be NaN after an overflow); gaps : (k,) E(w_t) - E_min >= 0.
    Diverges: the gap grew (or overflowed). Oscillates: some coordinate's steps flip sign more
    often than not (it jumps across the valley). Otherwise converges. Returns (regime, detail).
    """
    path, gaps = val.numeric_array(path, "path"), val.numeric_array(gaps, "gaps")
    if path.ndim == 1:                                         # one weight: a column
        path = path[:, None]
    if path.ndim != 2 or len(path) == 0:
        raise ValueError(f"path must be the points of a descent, shape (k, d), one a row; got shape {path.shape}")
    if gaps.shape != (len(path),):
        raise ValueError(f"gaps must be one number per point of path, shape ({len(path)},); got shape {gaps.shape}")
    steps = len(gaps) - 1
    if not np.all(np.isfinite(gaps)) or gaps[-1] > gaps[0] * (1 + 1e-9):
        return "diverges", "the loss grows at every step: the learning rate is too large"
    left = gaps[-1] / gaps[0] if gaps[0] > 0 else 0.0
    moves = np.diff(path, axis=0)                              # (steps, d)
    signs = np.sign(np.where(np.abs(moves) > 1e-12, moves, 0.0))
    flips = (signs[1:] * signs[:-1] < 0).sum(axis=0)           # per coordinate
    moving = (signs[1:] * signs[:-1] != 0).sum(axis=0)
    fell = f"the loss gap fell from {gaps[0]:.3g} to {gaps[-1]:.3g} in {steps} steps"
    if np.any((moving > 0) & (flips > moving / 2)):
        if left >= 1 - 1e-9:
            return "oscillates", "it jumps from side to side forever, never closer to the minimum"
        return "oscillates", f"it jumps back and forth across the valley; {fell}"
    if left > 0.01:
        return "converges", f"slowly: {fell}"
    return "converges", fell


def descent_run(surface, lr, steps):
    """Gradient descent on one of ``DESCENT_SURFACES`` (by name), from its start.

    Returns a dict: ``path`` (steps + 1, d) from ``descent_path``, ``loss`` (steps + 1,) E at
    each point, ``gap`` (steps + 1,) E - E_min, ``regime`` and ``detail`` (``classify_descent``),
    and ``surface``, ``lr``, ``steps``. Overflow gives NaN rows, without a warning.
    """
    if not isinstance(surface, str) or surface not in DESCENT_SURFACES:
        raise ValueError(f"unknown surface {surface!r}; expected one of {list(DESCENT_SURFACES)}")
    s = DESCENT_SURFACES[surface]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)    # an overflow is reported as "diverges"
        path = descent_path(s["grad"], s["start"], lr, steps)
        with np.errstate(over="ignore", invalid="ignore"):
            loss = s["loss"](path)
    gap = loss - s["minimum"]
    regime, detail = classify_descent(path, gap)
    return {"surface": surface, "lr": float(lr), "steps": int(steps), "path": path, "loss": loss,
            "gap": gap, "regime": regime, "detail": detail}


REGIME_COLORS = {"converges": "#2b8a3e", "oscillates": "#d9822b", "diverges": "#c92a2a"}


def _run_title(run):
    return f"learning rate η = {run['lr']:.3g}: {run['regime']}"


def _run(run):
    """run if it is a dict from ``descent_run``."""
    what = "a dict from descent_run(surface, lr, steps)"
    val.instance(run, dict, "run", what)
    missing = [key for key in ("surface", "lr", "steps", "path", "loss", "gap", "regime", "detail") if key not in run]
    if missing:
        raise ValueError(f"run must be {what}; got one without {missing}")
    val.choice(run["surface"], list(DESCENT_SURFACES), "run['surface']")
    val.choice(run["regime"], list(REGIME_COLORS), "run['regime']")
    return run


def plot_descent_run(run, axes):
    """Draw a ``descent_run`` on two axes: the path on the surface (1-D: the curve E(w) with the
    points (w_t, E(w_t)); 2-D: contours with the path), and the loss gap E - E_min per step on a
    log scale; the run's verdict is the first axes' title and its detail the figure's suptitle.
    The artists that change carry gids, so ``update_descent_run`` moves them. Returns axes."""
    run = _run(run)
    ax, ax_gap = _axes_list(axes, "axes")
    s = DESCENT_SURFACES[run["surface"]]
    color = REGIME_COLORS[run["regime"]]
    if run["path"].shape[1] == 1:
        w = np.linspace(*s["xlim"], 400)
        ax.plot(w, s["loss"](w[:, None]), color="0.3", linewidth=1.5, label=s["formula"])
        ax.plot([3.0], [s["minimum"]], "*", color="black", markersize=12, label="minimum", zorder=5)
        ax.plot([], [], "o-", color=color, markersize=4, linewidth=1, gid="path", label="path $w_t$")
        ax.set(xlim=s["xlim"], ylim=s["ylim"], xlabel="weight $w$", ylabel="loss $E(w)$")
    else:
        plot_loss_surface(lambda a, b: s["loss"](np.stack([a, b], axis=-1)), s["xlim"], s["ylim"], ax,
                          levels=np.linspace(0, 14, 22) ** 2, title=s["formula"])   # evenly spaced ellipses
        ax.plot([0.0], [0.0], "*", color="white", markeredgecolor="black", markersize=13,
                label="minimum", zorder=5)
        ax.plot([], [], "o-", color=color, markersize=3.5, linewidth=1, gid="path", label="path $w_t$")
    start = np.array(s["start"])
    start_xy = (start[0], s["loss"](start)) if start.size == 1 else start
    ax.plot(*start_xy, "o", color="white", markeredgecolor="black", markersize=9, label="start", zorder=6)
    ax.legend(loc="upper right", fontsize=8)
    ax_gap.semilogy([], [], "o-", color=color, markersize=3, linewidth=1, gid="gap")
    ax_gap.set(xlabel="step t", ylabel="loss gap $E(w_t) - E_{min}$ (log scale)")
    ax_gap.set_title("How far the loss is from its minimum", fontsize=10.5)
    ax_gap.grid(True, which="major", alpha=0.3)
    _show_run(run, ax, ax_gap)
    return axes


def update_descent_run(run, axes):
    """Show another run of the same surface on axes drawn by ``plot_descent_run`` (in place)."""
    _show_run(_run(run), *_drawn_list(axes, "axes", "plot_descent_run", ("path", "gap")))
    return axes


def _show_run(run, ax, ax_gap):
    color = REGIME_COLORS[run["regime"]]
    path = run["path"]
    line = _find(ax, "path")
    if path.shape[1] == 1:
        line.set_data(path[:, 0], run["loss"])
    else:
        line.set_data(path[:, 0], path[:, 1])
    line.set_color(color)
    legend = ax.get_legend()
    for handle, text in zip(legend.legend_handles if legend else [], legend.get_texts() if legend else []):
        if text.get_text().startswith("path"):
            handle.set_color(color)
    ax.set_title(f"{DESCENT_SURFACES[run['surface']]['formula']}:  {_run_title(run)}", color=color,
                 fontsize=10.5, weight="bold")
    finite = np.isfinite(run["gap"])
    gap = np.maximum(run["gap"][finite], 1e-16)                # E - E_min = 0 cannot be drawn on a log axis
    gap_line = _find(ax_gap, "gap")
    gap_line.set_data(np.arange(len(run["gap"]))[finite], gap)
    gap_line.set_color(color)
    ax_gap.set_xlim(-0.5, max(run["steps"], 1) + 0.5)
    lo, hi = gap.min(), gap.max()
    ax_gap.set_ylim(max(lo, 1e-16) / 3, hi * 3)
    ax.figure.suptitle(f"η = {run['lr']:.3g}: " + run["detail"], fontsize=10, color=color)


# ---------------------------------------------------------------- optimizers race (notebook 10)

def _valley(w1, w2):
    return 0.05 * w1 ** 2 + w2 ** 2


def _valley_grad(w):
    return np.array([0.1 * w[0], 2.0 * w[1]])


def _rosenbrock(w1, w2):
    return (1 - w1) ** 2 + 100 * (w2 - w1 ** 2) ** 2


def _rosenbrock_grad(w):
    w1, w2 = w
    return np.array([-2 * (1 - w1) - 400 * w1 * (w2 - w1 ** 2), 200 * (w2 - w1 ** 2)])


# name -> the surface E(w1, w2), its gradient, a start, the box drawn, contour levels, good settings.
OPTIMIZER_SURFACES = {
    "valley": {"label": "valley E = 0.05 w1² + w2²", "f": _valley, "grad": _valley_grad,
               "start": (-9.0, 2.0), "xlim": (-10.0, 10.0), "ylim": (-3.0, 3.0), "minimum": (0.0, 0.0),
               "levels": np.linspace(0, 14, 29), "defaults": {"lr": 0.8, "beta": 0.5, "adam_lr": 0.3}},
    "rosenbrock": {"label": "Rosenbrock E = (1 − w1)² + 100 (w2 − w1²)²", "f": _rosenbrock,
                   "grad": _rosenbrock_grad, "start": (-1.5, 2.0), "xlim": (-2.0, 2.0), "ylim": (-1.0, 3.0),
                   "minimum": (1.0, 1.0), "levels": [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2500],
                   "defaults": {"lr": 0.001, "beta": 0.9, "adam_lr": 0.1}},
}
RACE_COLORS = {"SGD": CLASS_COLORS[3], "momentum": CLASS_COLORS[1], "RMSProp": CLASS_COLORS[2],
               "Adam": CLASS_COLORS[0]}


def optimizer_surface(name):
    """The dict of a race surface by name ("valley" or "rosenbrock"): label, f(w1, w2), grad(w),
    start, xlim, ylim, minimum, levels and default settings (lr, beta, adam_lr)."""
    key = name.lower() if isinstance(name, str) else None
    if key not in OPTIMIZER_SURFACES:
        raise ValueError(f"unknown surface {name!r}; expected one of {list(OPTIMIZER_SURFACES)}")
    return OPTIMIZER_SURFACES[key]


def race_paths(surface, lr, beta, adam_lr, steps):
    """The paths of SGD (lr), momentum (lr, beta) and Adam (adam_lr) from the surface's start,
    ``steps`` steps each (``optimizers.optimize_path``).  Returns a dict name -> ndarray
    (steps + 1, 2); a diverged path ends in NaN rows (no warning: the picture says "diverged")."""
    from ..optimizers import SGD, Adam, Momentum, optimize_path
    s = optimizer_surface(surface)
    runs = {"SGD": SGD(lr), "momentum": Momentum(lr, beta), "Adam": Adam(adam_lr)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return {name: optimize_path(opt, s["grad"], s["start"], steps) for name, opt in runs.items()}


def _race_paths(paths, drawn=False):
    """paths as a dict name -> float array (k, 2), NaN rows allowed (a diverged run); with ``drawn``
    the names must be those ``plot_optimizer_race`` draws (``RACE_COLORS``)."""
    val.instance(paths, dict, "paths", "a dict name -> path (k, 2), e.g. from race_paths(...)")
    if not paths:
        raise ValueError("paths must hold at least one path (a dict name -> path (k, 2)); got {}")
    checked = {}
    for name, path in paths.items():
        if drawn:
            val.choice(name, list(RACE_COLORS), "each name in paths")
        checked[name] = points = val.numeric_array(path, f"paths[{name!r}]")
        if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
            raise ValueError(f"paths[{name!r}] must have shape (k, 2), one point a row; got shape {points.shape}")
    return checked


def race_losses(surface, paths):
    """E at every point of each path: a dict name -> ndarray (steps + 1,) (NaN after a divergence)."""
    return _race_losses(optimizer_surface(surface), _race_paths(paths))


def _race_losses(s, paths):
    with np.errstate(over="ignore", invalid="ignore"):
        return {name: s["f"](p[:, 0], p[:, 1]) for name, p in paths.items()}


def _race_label(name, loss, settings):
    finite = loss[np.isfinite(loss)]
    end = "diverged" if len(finite) < len(loss) else f"E = {finite[-1]:.2g}"
    return f"{name} ({settings[name]}): {end}"


def plot_optimizer_race(surface, paths, axes=None, settings=None):
    """Left: the surface's contours with each optimizer's path; right: E against the step (log scale).

    surface : a name of ``OPTIMIZER_SURFACES``.  paths : dict name -> (k, 2), from ``race_paths``.
    axes : a pair (surface_ax, loss_ax), or None for a new figure.  settings : dict name -> text
    for the legend (e.g. "η = 0.3"); ``update_optimizer_race`` redraws the paths in place.  Returns the axes.
    """
    s, paths = optimizer_surface(surface), _race_paths(paths, drawn=True)
    settings = _race_settings(settings, paths)
    if axes is None:
        import matplotlib.pyplot as plt
        _, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained", width_ratios=[1.25, 1])
    given, axes = axes, _axes_list(axes, "axes")
    plot_loss_surface(s["f"], s["xlim"], s["ylim"], axes[0], levels=s["levels"],
                      title=f"Paths on the {s['label']}")
    axes[0].plot(*s["start"], "o", color="white", markeredgecolor="black", markersize=9, zorder=5,
                 label="start")
    axes[0].plot(*s["minimum"], "X", color="white", markeredgecolor="black", markersize=10, zorder=5,
                 label="minimum")
    for name, color in RACE_COLORS.items():
        axes[0].plot([], [], "o-", color=color, markersize=3, linewidth=1.2, zorder=4, gid=f"path {name}")
        axes[0].plot([], [], "*", color=color, markeredgecolor="black", markersize=13, zorder=6,
                     gid=f"end {name}")
        axes[1].plot([], [], color=color, linewidth=1.8, gid=f"loss {name}")
    axes[1].set(yscale="log", xlabel="step", ylabel="loss E (log scale)", title="Loss after each step")
    axes[1].grid(True, which="major", alpha=0.3)
    _show_race(axes, s, paths, settings)
    return given


def update_optimizer_race(axes, surface, paths, settings=None):
    """Put new paths (dict name -> (k, 2)) on a ``plot_optimizer_race`` picture, in place. Returns axes."""
    s, paths = optimizer_surface(surface), _race_paths(paths, drawn=True)
    settings = _race_settings(settings, paths)
    _show_race(_drawn_list(axes, "axes", "plot_optimizer_race", ("path SGD", "loss SGD")), s, paths, settings)
    return axes


def _race_settings(settings, paths):
    """settings (dict name -> legend text) with a text for every path; None or {}: the names."""
    if settings is None or (isinstance(settings, dict) and not settings):
        return {name: name for name in paths}
    val.instance(settings, dict, "settings", "a dict name -> legend text, e.g. {'SGD': 'η = 0.8'}, or None")
    missing = [name for name in paths if name not in settings]
    if missing:
        raise ValueError(f"settings must give a legend text for each path; got none for {missing}")
    return settings


def _show_race(axes, s, paths, settings):
    losses = _race_losses(s, paths)
    top = 1.0
    for name, path in paths.items():
        finite = path[np.all(np.isfinite(path), axis=1)]
        _find(axes[0], f"path {name}").set_data(finite[:, 0], finite[:, 1])
        _find(axes[0], f"end {name}").set_data(finite[-1:, 0], finite[-1:, 1])
        loss = losses[name]
        line = _find(axes[1], f"loss {name}")
        line.set_data(np.arange(len(loss)), np.clip(loss, 1e-16, None))
        line.set_label(_race_label(name, loss, settings))
        if np.isfinite(loss).any():
            top = max(top, np.nanmax(loss[np.isfinite(loss)]))
    steps = max(len(p) for p in paths.values()) - 1
    axes[1].set_xlim(0, max(steps, 1))
    finite_losses = np.concatenate([v[np.isfinite(v)] for v in losses.values()])
    low = max(finite_losses.min(), 1e-16) if finite_losses.size else 1e-3
    axes[1].set_ylim(low / 3, min(top, 1e12) * 3)
    axes[1].legend(loc="lower left", fontsize=8)
    axes[0].legend(loc="upper right", fontsize=8, ncols=2)
