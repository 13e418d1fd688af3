"""The explorers of training, one ``Explorer`` each (see ``nn_helpers.widgets.base``; the others
are in ``explorers``), by notebook:

``training_replay``         00  a network's decision boundary, epoch by epoch, from copies kept in training
``learning_rate_explorer``  08  the learning rate: gradient descent converges, oscillates or diverges
``digit_explorer``          09  the digits, one at a time, with the network's probabilities
``optimizer_explorer``      10  SGD, momentum and Adam racing on a valley and on Rosenbrock's banana

As in ``explorers``: each function checks its arguments, builds its controls and a
``draw(figure, **values)`` that calls the plain functions of ``lessons`` and ``viz``.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .. import _checks as val
from ..lessons.descent import DESCENT_SURFACES, OPTIMIZER_SURFACES, descent_run, optimizer_surface, race_paths
from ..network import MLP
from ..viz.descent import plot_descent_run, plot_optimizer_race, update_descent_run, update_optimizer_race
from ..viz.digits import plot_digit_prediction, update_digit_prediction
from ..viz.points import plot_decision_boundary
from .base import Explorer, set_control

# the learning rates the race's sliders offer: a 1-2-5 scale, plus the valley's 0.3 and 0.8
LEARNING_RATES = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5,
                  0.8, 1.0, 1.2, 1.5, 2.0)


def _colour_bars_first(figure):
    """Draw the figure's colour bars before its other Axes (they do not overlap, so the picture is
    the same): an Axes whose limits change at each move is redrawn whole, and with nothing drawn
    after it, no other artist has to be checked against it (see ``frames.FrameCanvas``)."""
    for ax in figure.axes:
        if ax.get_label() == "<colorbar>":
            ax.set_zorder(-1)


# ---------------------------------------------------------------- a training replayed (notebook 00)

def training_replay(snapshots, X, y, X_test=None, y_test=None):
    """An epoch slider over copies of a network kept while it trained: the picture
    (``viz.plot_decision_boundary``) shows the copy's decision boundary over the points, its title
    the epoch and the accuracy (on the test points when given, else on the training points).

    snapshots : {epoch: MLP}, e.g. filled by ``fit``'s callback with ``net.copy()``.
    X : (n, 2) training points, y : (n,) their labels; X_test, y_test : test points, optional.
    Returns an ``Explorer`` (its slider starts at the first epoch).
    """
    if not isinstance(snapshots, dict) or not snapshots:
        raise TypeError("snapshots must be a non-empty dict {epoch: network}, e.g. filled with "
                        f"net.copy() in fit's callback; got {type(snapshots).__name__} {snapshots!r:.60}")
    for epoch, net in snapshots.items():
        if isinstance(epoch, bool) or not isinstance(epoch, (int, np.integer)) or epoch < 0:
            raise ValueError(f"snapshots' keys must be epochs, whole numbers >= 0; got {epoch!r}")
        val.instance(net, MLP, f"snapshots[{epoch}]", "an MLP (a copy kept while training: net.copy())")
    X, y = val.labelled_points(X, y)
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (test points and their labels)")
    if X_test is not None:
        X_test = val.points(X_test, "X_test")
        y_test = val.labels(y_test, len(X_test), "y_test")
    X_scored, y_scored, where = (X, y, "training") if X_test is None else (X_test, y_test, "test")
    epochs = sorted(int(e) for e in snapshots)
    controls = {"epoch": widgets.SelectionSlider(options=epochs, value=epochs[0], description="epoch",
                                                 continuous_update=True)}

    def draw(figure, epoch):
        net = snapshots[epoch]
        figure.clear()
        plot_decision_boundary(net, X, y, figure.subplots(), X_test=X_test, y_test=y_test,
                               title=f"after {epoch} epochs: {where} accuracy {net.accuracy(X_scored, y_scored):.1%}")
        return True

    return Explorer(Figure(figsize=(5.5, 4.5), dpi=90), controls, draw, columns=[["epoch"]],
                    name="training replay")


# ---------------------------------------------------------------- learning rates (notebook 08)

def learning_rate_explorer(lr=0.3, steps=20, surface="1d"):
    """A learning-rate slider (log scale, 0.001 to about 2, each key press a factor 10^0.1 = 1.26:
    0.1, 0.126, ... 1), a steps slider and a 1-D / 2-D
    choice (surface "1d" or "2d"): the picture (``viz.plot_descent_run``) shows gradient
    descent's path on the surface (``lessons.DESCENT_SURFACES``: (w - 3)² + 1, or the elongated
    bowl w1² + 10 w2²) and the loss gap per step, its title saying whether descent converges,
    oscillates or diverges (``lessons.descent_run``).  ``explorer.current["run"]`` is the run on
    show.  Returns an ``Explorer``."""
    surface = val.key(surface, DESCENT_SURFACES, "surface")
    lr = val.real_number(lr, "lr", positive=True)
    if not 0.001 <= lr <= 10 ** 0.3:
        raise ValueError(f"lr must be between 0.001 and {10 ** 0.3:.3g}; got {lr:g}")
    steps = val.positive_int(steps, "steps")
    if steps > 60:
        raise ValueError(f"steps must be between 1 and 60; got {steps}")
    controls = {"lr": widgets.FloatLogSlider(value=lr, base=10, min=-3, max=0.3, step=0.1,
                                             description="η (lr)", continuous_update=True,
                                             readout_format=".3g"),
                "steps": widgets.IntSlider(value=steps, min=1, max=60, description="steps",
                                           continuous_update=True),
                "surface": widgets.ToggleButtons(options=[("1-D", "1d"), ("2-D", "2d")], value=surface,
                                                 description="surface", style={"button_width": "64px"})}
    current = {}

    def draw(figure, lr, steps, surface):
        run = descent_run(surface, lr, steps)
        fresh = current.get("run") is None or current["run"]["surface"] != surface
        current["run"] = run
        if fresh:                                        # another surface: draw afresh
            figure.clear()
            plot_descent_run(run, figure.subplots(1, 2, width_ratios=[1.25, 1]))
            _colour_bars_first(figure)
            return True
        update_descent_run(run, [ax for ax in figure.axes if ax.get_label() != "<colorbar>"])
        return False

    explorer = Explorer(Figure(figsize=(10.5, 4.2), dpi=90), controls, draw,
                        columns=[["lr", "steps"], ["surface"]], name="learning-rate explorer")
    explorer.current = current
    return explorer


# ---------------------------------------------------------------- handwritten digits (notebook 09)

def digit_explorer(net, X, y=None, index=0):
    """A slider over the 8x8 digits X (one a row, shape (n, 64)): the picture
    (``viz.plot_digit_prediction``) shows the image, the network's probability for each
    class as bars, and whether the prediction is right (when labels y, shape (n,), are given).
    net : a trained MLP with 64 inputs.  Returns an ``Explorer``."""
    val.instance(net, MLP, "net", "a trained MLP with 64 inputs")
    X = val.as_float_array(X, "X")
    if X.ndim != 2 or X.shape[1] != 64 or X.shape[0] == 0:
        raise ValueError(f"X must be 8x8 digits, one a row, shape (n, 64); got {X.shape}")
    if y is not None:
        y = np.asarray(y)
        if y.shape != (X.shape[0],):
            raise ValueError(f"y must hold one label per digit, shape ({X.shape[0]},); got {y.shape}")
    probabilities = net.forward(X)                    # (n, K), computed once
    last = X.shape[0] - 1
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not 0 <= index <= last:
        raise ValueError(f"index must be a whole number from 0 to {last}; got {index!r}")
    controls = {"index": widgets.IntSlider(value=int(index), min=0, max=last, description="image",
                                           continuous_update=True)}

    def draw(figure, index):
        label = None if y is None else int(y[index])
        name = f"image {index}"
        if not figure.axes:
            plot_digit_prediction(X[index], probabilities[index], label,
                                  figure.subplots(1, 2, width_ratios=[1, 1.6]), name=name)
            return True
        update_digit_prediction(figure.axes, X[index], probabilities[index], label, name=name)
        return False

    return Explorer(Figure(figsize=(7, 3.2), dpi=90), controls, draw, columns=[["index"]],
                    name="digit explorer")


# ---------------------------------------------------------------- optimizers race (notebook 10)

def optimizer_explorer(surface="valley", lr=None, beta=None, adam_lr=None, steps=40):
    """Sliders for the learning rate of SGD and momentum (lr), momentum's beta, Adam's learning
    rate (adam_lr) and the number of steps, and a menu of surfaces (an elongated valley, the
    Rosenbrock function).  The picture (``viz.plot_optimizer_race``) shows the three paths
    from the same start on the contour plot and the loss after each step.  Choosing another
    surface by hand moves the sliders to that surface's good settings.  lr, beta, adam_lr : None
    takes the surface's defaults; lr and adam_lr must be one of ``LEARNING_RATES``.  Returns an
    ``Explorer``."""
    surface = val.key(surface, OPTIMIZER_SURFACES, "surface")
    defaults = optimizer_surface(surface)["defaults"]
    def row():          # one track for every slider: the same label width, slider width and margin
        return dict(continuous_update=True, style={"description_width": "100px"},
                    layout=widgets.Layout(width="420px", margin="2px"))   # (ipywidgets gives a
                                                                          # SelectionSlider no margin)
    controls = {"lr": widgets.SelectionSlider(options=LEARNING_RATES, value=defaults["lr"],
                                              description="lr (η)", **row()),
                "beta": widgets.FloatSlider(value=defaults["beta"], min=0.0, max=0.99, step=0.01,
                                            description="β (momentum)", readout_format=".2f", **row()),
                "adam_lr": widgets.SelectionSlider(options=LEARNING_RATES, value=defaults["adam_lr"],
                                                   description="Adam's lr", **row()),
                "steps": widgets.IntSlider(value=40, min=1, max=300, description="steps", **row()),
                "surface": widgets.Dropdown(options=[(s["label"].split(" E")[0], k)
                                                     for k, s in OPTIMIZER_SURFACES.items()],
                                            value=surface, description="surface")}
    for name, value in (("lr", lr), ("adam_lr", adam_lr), ("beta", beta)):
        if value is not None:
            set_control(controls[name], name, value)
    steps = val.positive_int(steps, "steps")
    if steps > 300:
        raise ValueError(f"steps must be between 1 and 300; got {steps}")
    controls["steps"].value = steps
    drawn = {}

    def draw(figure, lr, beta, adam_lr, steps, surface):
        paths = race_paths(surface, lr, beta, adam_lr, steps)
        settings = {"SGD": f"η = {lr:.3g}", "momentum": f"η = {lr:.3g}, β = {beta:.2f}",
                    "Adam": f"η = {adam_lr:.3g}"}
        if drawn.get("surface") != surface:
            figure.clear()
            drawn["surface"] = surface
            plot_optimizer_race(surface, paths, figure.subplots(1, 2, width_ratios=[1.25, 1]), settings)
            _colour_bars_first(figure)
            return True
        update_optimizer_race(figure.axes[:2], surface, paths, settings)   # [2] is the colour bar
        return False

    explorer = Explorer(Figure(figsize=(11.5, 4.4), dpi=90), controls, draw,
                        columns=[["lr", "beta", "adam_lr"], ["steps", "surface"]], name="optimizer race")

    def move_to_defaults(change):                        # a new surface by hand: its good settings
        if not explorer.updating:
            explorer.update(**optimizer_surface(change["new"])["defaults"])

    controls["surface"].observe(move_to_defaults, names="value")
    return explorer


__all__ = ["LEARNING_RATES", "digit_explorer", "learning_rate_explorer", "optimizer_explorer"]
