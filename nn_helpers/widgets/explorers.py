"""The explorers: sliders and menus wired to the plain functions of ``nn_helpers.lessons`` and
``nn_helpers.viz``, one ``Explorer`` each (see ``nn_helpers.widgets.base``), by notebook:

``approximation_explorer``  01  hidden units and a target curve: the staircase network against it
``neuron_explorer``         02  one neuron's weights over AND, OR, XOR and the moons
``activation_explorer``     03  a point moved along an activation function and its slope
``forward_explorer``        04  a network's inputs: the forward pass written on its diagram
``loss_explorer``           05  one prediction and its target: three losses and their slopes
``slope_explorer``          06  x and h: a secant's slope against the tangent's
``backprop_explorer``       06  a walk through a computational graph, forward then backward
``backprop_stepper``        07  backprop edge by edge: each weight's chain-rule factors and update

and, in ``training_explorers``, those of training: the learning rate (08), the digits (09), the
optimizers' race (10).

Each function checks its arguments, builds its controls and a ``draw(figure, **values)`` that
calls the plain functions (draw afresh, or update the picture in place); nothing is computed here.
Where widgets do not run (GitHub, nbviewer, a PDF), a notebook shows ``explorer.snapshot()``
beside the widget, or draws the same picture with the plain functions (``viz.plot_neuron``,
``viz.plot_activation``, ...).
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure

from .. import _checks as val
from ..lessons.approximation import APPROXIMATION_TARGETS, approximation_target, staircase_network
from ..lessons.chain_rule import backprop_steps, chain_rule_factors, factors_text
from ..lessons.one_neuron import NEURON_DATASETS, neuron_data
from ..lessons.slopes import SLOPE_FUNCTIONS
from ..viz.approximation import plot_approximation, plot_hidden_contributions
from ..viz.curves import plot_losses_at, update_losses_at
from ..viz.graphs import plot_graph
from ..viz.network_diagram import inches_per_unit, mark_edges, node_labels, plot_network, update_network_trace
from ..viz.points import plot_neuron, update_neuron
from ..viz.slopes import mark_activation, plot_activation, plot_slope
from .base import Explorer, set_control

NEURON_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "identity")
ALL_ACTIVATIONS = ("step", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax")


def _weight_slider(name):
    """A slider for a weight or a bias, -5 to 5 in steps of 0.1."""
    return widgets.FloatSlider(value=0.0, min=-5, max=5, step=0.1, description=name,
                               continuous_update=True, readout_format=".1f")


# ---------------------------------------------------------------- universal approximation (notebook 01)

def approximation_explorer(target="sin", units=4, interval=(-3.0, 3.0)):
    """A slider for the number of hidden units k and a menu of target curves (sin, |x|, a bump, a
    jump).  The picture (``viz.plot_approximation`` over ``viz.plot_hidden_contributions``)
    shows the staircase network ``lessons.staircase_network(f, k)`` against the target, its
    largest gap in the title, and below it each hidden unit's share of the output.  More units make
    the staircase finer and the gap smaller, except at the jump.  Returns an ``Explorer``."""
    target = val.key(target, APPROXIMATION_TARGETS, "target")
    interval = val.interval(interval, "interval")
    units = val.positive_int(units, "units")
    if units > 40:
        raise ValueError(f"units must be between 1 and 40; got {units}")
    controls = {"units": widgets.IntSlider(value=units, min=1, max=40, step=1, description="hidden units",
                                           continuous_update=True, style={"description_width": "initial"}),
                "target": widgets.Dropdown(options=[(label, key) for key, (label, _) in
                                                    APPROXIMATION_TARGETS.items()],
                                           value=target, description="target")}

    def draw(figure, units, target):
        label, f = approximation_target(target)
        net = staircase_network(f, units, interval)
        figure.clear()
        top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=[3, 2])
        plot_approximation(net, f, interval, top, target_label=f"target: {label}")
        plot_hidden_contributions(net, interval, bottom)
        top.set_xlabel("")
        return True                                     # drawn afresh: the number of lines changed

    return Explorer(Figure(figsize=(6.5, 5.6), dpi=90), controls, draw, columns=[["units", "target"]],
                    name="approximation explorer")


# ---------------------------------------------------------------- one neuron (notebook 02)

def neuron_explorer(dataset="and", activation="sigmoid", w1=1.0, w2=1.0, b=-1.5):
    """Sliders for w1, w2, b and menus for the activation and the data set of one neuron
    a = f(w1 x1 + w2 x2 + b).  The picture (``viz.plot_neuron``) shades a over the plane,
    draws the decision line z = 0 and the points, and its title gives the formula with the
    current numbers and the accuracy.  Returns an ``Explorer``."""
    dataset = val.key(dataset, NEURON_DATASETS, "dataset")
    activation = val.key(activation, NEURON_ACTIVATIONS, "activation")
    controls = {name: _weight_slider(name) for name in ("w1", "w2", "b")}
    controls["activation"] = widgets.Dropdown(options=NEURON_ACTIVATIONS, value=activation,
                                              description="activation")
    controls["dataset"] = widgets.Dropdown(options=[(label, key) for key, label in NEURON_DATASETS.items()],
                                           value=dataset, description="data set")
    for name, value in (("w1", w1), ("w2", w2), ("b", b)):
        set_control(controls[name], name, value)
    drawn = {}                                         # the data set on the figure now, and its points

    def draw(figure, w1, w2, b, activation, dataset):
        label = NEURON_DATASETS[dataset]
        if drawn.get("dataset") != dataset:            # new points: draw afresh
            figure.clear()
            drawn.update(dataset=dataset, data=neuron_data(dataset))
            plot_neuron(w1, w2, b, activation, *drawn["data"], ax=figure.add_subplot(), dataset_name=label)
            return True
        update_neuron(figure.axes[0], w1, w2, b, activation, *drawn["data"], dataset_name=label)
        return False                                   # same points: updated in place

    return Explorer(Figure(figsize=(6, 5.2), dpi=90), controls, draw,
                    columns=[["w1", "w2", "b"], ["activation", "dataset"]], name="neuron explorer")


# ---------------------------------------------------------------- activation functions (notebook 03)

def activation_explorer(name="sigmoid", z=1.0):
    """Buttons to pick an activation and a z slider: the picture (``viz.plot_activation``)
    shows f and f', shades where f saturates, and marks (z, f(z)) and (z, f'(z)) with their
    values.  Returns an ``Explorer``."""
    name = val.key(name, ALL_ACTIVATIONS, "activation")
    controls = {"name": widgets.ToggleButtons(options=ALL_ACTIVATIONS, value=name, description="f",
                                              style={"button_width": "96px"}),
                "z": widgets.FloatSlider(value=0.0, min=-6, max=6, step=0.1, description="z",
                                         continuous_update=True, readout_format=".1f")}
    set_control(controls["z"], "z", z)
    drawn = {}

    def draw(figure, name, z):
        if drawn.get("name") != name:
            figure.clear()
            drawn["name"] = name
            plot_activation(name, figure.add_subplot(), mark=z)
            return True
        mark_activation(figure.axes[0], name, z)
        return False

    return Explorer(Figure(figsize=(6.5, 4.2), dpi=90), controls, draw,
                    columns=[["name", "z"]], name="activation explorer")


# ---------------------------------------------------------------- the forward pass (notebook 04)

def forward_explorer(net, x=None, boolean=None, node_names=None):
    """One control per input of ``net`` (an MLP); each change runs the forward pass again and
    redraws ``viz.plot_network`` with the new trace, so the reader watches the values
    flow: the weights on the edges, z and a under every node, the output in the title.

    x : the first input, shape (n_in,); zeros when None.  boolean : True gives 0/1 toggle
    buttons, False sliders; None picks buttons when every entry of x is 0 or 1 (and x is given).
    The controls are named x1, x2, ...  Returns an ``Explorer``.
    """
    net = val.network(net)
    n_in, given = net.sizes[0], x is not None
    boolean = None if boolean is None else val.flag(boolean, "boolean")
    node_labels(net, node_names)                        # checked before any control is made
    x = val.as_float_array(x, "x") if given else np.zeros(n_in)
    if x.shape != (n_in,):
        raise ValueError(f"x must be one input of shape ({n_in},) for this network; got {x.shape}")
    if boolean is None:
        boolean = given and bool(np.all((x == 0) | (x == 1)))
    reach = float(max(1.0, np.ceil(np.abs(x).max())))
    controls = {}
    for i, value in enumerate(x, start=1):
        name = f"x{i}"
        if boolean:
            controls[name] = widgets.ToggleButtons(options=[0, 1], value=0, description=name,
                                                   style={"button_width": "48px"},
                                                   layout=widgets.Layout(margin="0 24px 0 0"))
            set_control(controls[name], name, int(value) if value in (0, 1) else value)
        else:
            controls[name] = widgets.FloatSlider(value=0.0, min=-reach, max=reach, step=0.01,
                                                 description=name, continuous_update=True,
                                                 readout_format=".2f")
            set_control(controls[name], name, value)

    def title(inputs):
        out = net.forward(inputs)
        shown = ", ".join(f"{v:g}" for v in inputs)
        return f"Forward pass for input ({shown}): output " + ", ".join(f"{o:.4f}" for o in out)

    def draw(figure, **values):
        inputs = np.array([float(values[f"x{i}"]) for i in range(1, n_in + 1)])
        trace = net.forward_trace(inputs)
        if not figure.axes:                                 # the first time: the whole diagram
            plot_network(net, figure.add_subplot(), trace=trace, title=title(inputs),
                         node_names=node_names)
            return True
        ax = update_network_trace(figure.axes[0], net, trace)   # then only the numbers change
        ax.set_title(title(inputs))
        return False

    scratch = Figure(figsize=(6, 4))                        # the diagram's natural size
    ax = plot_network(net, scratch.add_subplot(), node_names=node_names, trace=net.forward_trace(x))
    scale = inches_per_unit(net)
    size = (scale * np.ptp(ax.get_xlim()) + 0.3, scale * np.ptp(ax.get_ylim()) + 0.7)
    return Explorer(Figure(figsize=size, dpi=90), controls, draw,
                    columns=[[name] for name in controls] if n_in <= 4
                    else [list(controls)[i:i + 4] for i in range(0, n_in, 4)], name="forward-pass explorer")


# ---------------------------------------------------------------- losses of one prediction (notebook 05)

def loss_explorer(o=0.7, t=1):
    """A slider for one prediction o in (0, 1) and buttons for its target t (0 or 1): the picture
    (``viz.plot_losses_at``) shows the squared error, the absolute error and the cross-entropy
    against o with the current o marked, their slopes dL/do, and a table of each loss and its
    slope at o (computed with ``nn_helpers.losses``).  Returns an ``Explorer``."""
    controls = {"o": widgets.FloatSlider(value=0.5, min=0.01, max=0.99, step=0.01, description="o",
                                         continuous_update=True, readout_format=".2f"),
                "t": widgets.ToggleButtons(options=[0, 1], value=1, description="target t",
                                           style={"button_width": "48px"})}
    set_control(controls["o"], "o", o)
    set_control(controls["t"], "t", t)

    def draw(figure, o, t):
        if not figure.axes:
            axes = figure.subplot_mosaic([["loss", "grad"], ["table", "table"]],
                                         height_ratios=[3, 1])
            plot_losses_at(t, o, [axes["loss"], axes["grad"], axes["table"]])
            return True
        update_losses_at(figure.axes, t, o)
        return False

    return Explorer(Figure(figsize=(10, 5.2), dpi=90), controls, draw, columns=[["o", "t"]],
                    name="loss explorer")


# ---------------------------------------------------------------- slopes and the backward pass (notebook 06)

def slope_explorer(function="x²", x=3.0, h=1.0, method="forward"):
    """Sliders for x and h (0.001 to 1, a log scale) and menus for f and the difference: the
    picture (``viz.plot_slope``) shows f, the secant whose slope estimates f'(x), and the
    tangent, with both slopes in the legend.  Returns an ``Explorer``."""
    function = val.key(function, SLOPE_FUNCTIONS, "function")
    method = val.key(method, ("forward", "central"), "method")
    h = val.real_number(h, "h", positive=True)
    if not 0.001 <= h <= 1:
        raise ValueError(f"h must be between 0.001 and 1; got {h:g}")
    controls = {"function": widgets.Dropdown(options=list(SLOPE_FUNCTIONS), value=function, description="f"),
                "x": widgets.FloatSlider(value=0.0, min=-3, max=3, step=0.1, description="x",
                                         continuous_update=True, readout_format=".1f"),
                "h": widgets.FloatLogSlider(value=h, base=10, min=-3, max=0, step=0.1, description="h",
                                            continuous_update=True, readout_format=".3g"),
                "method": widgets.ToggleButtons(options=["forward", "central"], value=method,
                                                description="difference")}
    set_control(controls["x"], "x", x)

    def draw(figure, function, x, h, method):
        figure.clear()
        f, f_prime = SLOPE_FUNCTIONS[function]
        plot_slope(f, x, h, figure.add_subplot(), f_prime=f_prime, method=method,
                   name=f"f(x) = {function}")
        return True

    return Explorer(Figure(figsize=(6.5, 4.4), dpi=90), controls, draw,
                    columns=[["function", "x", "h"], ["method"]], name="slope explorer")


def backprop_explorer(root, step=None):
    """A "step" slider that walks through a ``Value`` graph (``viz.plot_graph``): first the
    forward pass, one value at a time, then the backward pass, one gradient at a time, the node
    just computed highlighted.  root : a Value after ``root.backward()``.  step : where to start
    (default: the last).  Returns an ``Explorer``."""
    steps = backprop_steps(root)
    last = len(steps) - 1
    step = last if step is None else step
    if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or not 0 <= step <= last:
        raise ValueError(f"step must be a whole number from 0 to {last}; got {step!r}")
    controls = {"step": widgets.IntSlider(value=int(step), min=0, max=last, description="step",
                                          continuous_update=True)}

    def draw(figure, step):
        figure.clear()
        forward, backward, caption = steps[step]
        plot_graph(root, figure.add_subplot(), forward=forward, backward=backward, title=caption)
        return True

    return Explorer(Figure(figsize=(11, 3.6), dpi=90), controls, draw, columns=[["step"]],
                    name="backprop explorer")


# ---------------------------------------------------------------- backprop, edge by edge (notebook 07)

def backprop_stepper(net, x, t, lr=0.5, step=1):
    """A "step" slider that walks backprop edge by edge for one example (x, t), output layer first.

    The picture is ``viz.plot_network`` of ``net`` with the forward pass written under the
    nodes; the current weight's edge is highlighted (and, lighter, the edges its gradient flows
    back through), and a text panel below gives its chain-rule factors and its update
    w <- w - lr dE/dw (``lessons.chain_rule_factors`` and ``factors_text``).  Steps count from 1,
    the first output-layer weight (w5 in Mazur's net).  Returns an ``Explorer``; ``explorer.records``
    holds the records.
    """
    records = chain_rule_factors(net, x, t, lr=lr)
    controls = {"step": widgets.IntSlider(value=1, min=1, max=len(records), description="step",
                                          continuous_update=True)}
    set_control(controls["step"], "step", step)
    trace = net.forward_trace(np.asarray(x, float))

    def show(figure, step):
        diagram, panel = figure.axes
        r = records[step - 1]
        paths = [] if r["paths"] is None else [(r["layer"] + 1, i, r["j"]) for i in range(len(r["paths"]))]
        mark_edges(diagram, net, (r["layer"], r["j"], r["k"]), paths)
        panel.texts[0].set_text(f"step {step} of {len(records)}   ·   " + factors_text(r, lr))

    def draw(figure, step):
        if not figure.axes:
            diagram, panel = figure.subplots(2, 1, height_ratios=[2.6, 1])
            plot_network(net, diagram, trace=trace,
                         title="Backprop, one weight at a time\n(yellow: this step's weight; "
                               "green: the edges its gradient comes back through)")
            panel.set_axis_off()
            panel.text(0.0, 1.0, "", ha="left", va="top", family="monospace", fontsize=9.5,
                       transform=panel.transAxes, gid="factors")
            show(figure, step)
            return True
        show(figure, step)
        return False

    explorer = Explorer(Figure(figsize=(9.5, 7.2), dpi=90), controls, draw, columns=[["step"]],
                        name="backprop stepper")
    explorer.records = records
    return explorer


__all__ = ["ALL_ACTIVATIONS", "NEURON_ACTIVATIONS", "activation_explorer", "approximation_explorer",
           "backprop_explorer", "backprop_stepper", "forward_explorer", "loss_explorer", "neuron_explorer",
           "slope_explorer"]
