"""Interactive explorers: sliders and menus wired to the plain plotting functions.

``neuron_explorer`` moves one neuron's weights over AND, OR, XOR and the moons;
``activation_explorer`` walks along an activation function and its slope.  Each returns an
``Explorer`` (an ipywidgets VBox: controls on top, the picture below) that owns one matplotlib
Figure and keeps no global state.  ``explorer.update(w1=2.0)`` does from Python what moving a
slider does; ``explorer.figure`` is the matplotlib Figure; ``explorer.snapshot()`` is the picture
as a plain PNG output (a static copy that GitHub and nbviewer show); ``explorer.close()`` releases it.

How the picture gets to the screen (chosen once, when the explorer is made):

* The Figure is made with ``matplotlib.figure.Figure``, never through pyplot, so an explorer
  leaves no stray pyplot figure, never counts toward the "more than 20 figures" warning, and
  later ``plt.plot`` / ``plt.show()`` calls never draw on it or show it again.
* A moved control calls the explorer's draw function, which updates the existing artists in
  place (``set_data`` on the image and lines, new title text) instead of drawing a new figure.
* Under ipympl (``%matplotlib widget``, backend "widget" / "ipympl" /
  "module://ipympl.backend_nbagg") the figure's canvas is itself a widget in the layout, and
  ``canvas.draw_idle()`` repaints it in milliseconds, with zoom and pan.
* Under any other backend (the inline one in JupyterLab and in notebook builds and tests with
  nbclient / nbval, Voila, Agg) the figure is rendered to a PNG held by an ``ipywidgets.Image``:
  a few tens of milliseconds a move, and it needs nothing but widgets (no Output-widget capture,
  which only works inside a running kernel).

Where widgets do not run (GitHub, nbviewer, a PDF), a notebook shows ``explorer.snapshot()``
beside the widget, or draws the same picture with the plain functions ``plotting.plot_neuron``
and ``diagrams.plot_activation``.  (``display(explorer.figure)`` may show only a line of text:
the figure is not pyplot's, and the inline backend formats figures only after ``%matplotlib inline``.)
"""
import io

import ipywidgets as widgets
import matplotlib
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from traitlets import TraitError

from .. import _checks as val
from .. import datasets
from ..viz.diagrams import mark_activation, plot_activation
from ..network import MLP
from ..viz.plotting import plot_neuron, update_neuron

IPYMPL_BACKENDS = ("widget", "ipympl", "module://ipympl.backend_nbagg")
NEURON_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "identity")
ALL_ACTIVATIONS = ("step", "identity", "sigmoid", "tanh", "relu", "leaky_relu", "softmax")
NEURON_DATASETS = {"and": "AND", "or": "OR", "xor": "XOR", "moons": "moons"}   # name -> menu label
_GATES = {"and": lambda a, b: a and b, "or": lambda a, b: a or b, "xor": lambda a, b: a != b}


def uses_ipympl():
    """True when matplotlib's backend is ipympl (``%matplotlib widget``)."""
    backend = matplotlib.get_backend(auto_select=False)
    return backend is not None and backend.lower() in IPYMPL_BACKENDS


def figure_view(figure):
    """The widget that shows a (non-pyplot) ``figure``: under ipympl its canvas, a live widget;
    otherwise an ``ipywidgets.Image``, shown at the figure's own size, that ``refresh`` fills."""
    val.instance(figure, Figure, "figure", "a matplotlib Figure (matplotlib.figure.Figure)")
    if uses_ipympl():
        from ipympl.backend_nbagg import Canvas, FigureManager   # importing it selects ipympl
        FigureManager(Canvas(figure), 0)
        figure.canvas.header_visible = figure.canvas.footer_visible = False
        figure.canvas.resizable = False
        return figure.canvas
    FigureCanvasAgg(figure)                                        # renders the PNGs
    width = round(figure.get_figwidth() * figure.dpi)
    return widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px"))


def refresh(view, figure):
    """Show the figure's current state in its ``figure_view``: a repaint of the ipympl canvas
    (milliseconds), or one Agg draw into a quickly compressed PNG (tens of milliseconds)."""
    if view is figure.canvas:
        figure.canvas.draw_idle()
        return
    figure.canvas.draw()
    png = io.BytesIO()
    PIL.Image.fromarray(np.asarray(figure.canvas.buffer_rgba())).save(png, "png", compress_level=1)
    view.value = png.getvalue()


class Explorer(widgets.VBox):
    """Controls wired to a picture.  ``draw(figure, **values)`` draws (or updates in place) the
    picture for the controls' current values; it runs once now and after every change, and
    returns True when it drew the picture afresh (then the layout is computed again).

    Attributes: ``figure`` (the matplotlib Figure), ``controls`` (name -> widget), ``view`` (the
    widget showing the figure: ipympl's canvas, or an ``ipywidgets.Image`` holding a PNG).
    """

    def __init__(self, figure, controls, draw, columns):
        self.figure, self.controls, self._draw = figure, dict(controls), draw
        self._holding = False                  # True while update() sets several controls at once
        self._closed = False
        self.view = figure_view(figure)
        panel = widgets.HBox([widgets.VBox([self.controls[n] for n in column]) for column in columns])
        super().__init__([panel, self.view])
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.redraw()

    @property
    def values(self):
        """The controls' current values, name -> value."""
        return {name: control.value for name, control in self.controls.items()}

    def _changed(self, change):
        if not self._holding:
            self.redraw()

    def redraw(self):
        """Draw the picture for the current values and show it (see the module docstring)."""
        self.figure.set_layout_engine("constrained")   # what a new picture (and colour bar) is made for
        if self._draw(self.figure, **self.values):     # drawn afresh: lay it out once ...
            self.figure.draw_without_rendering()
        self.figure.set_layout_engine("none")          # ... then keep that layout: updates draw faster
        refresh(self.view, self.figure)

    def snapshot(self):
        """The picture as it is now, as a plain PNG image (``IPython.display.Image``): end a cell
        with ``explorer.snapshot()`` to keep a static copy in the notebook, for GitHub or nbviewer."""
        from IPython.display import Image
        png = io.BytesIO()
        self.figure.savefig(png, format="png")
        return Image(data=png.getvalue(), format="png")

    def update(self, **values):
        """Set controls by name, as if moved by hand (e.g. ``update(w1=2.0, activation="tanh")``),
        then redraw once.  Unknown names, values outside a slider's range and values not in a
        menu raise ValueError.  Returns the explorer."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this explorer has {sorted(self.controls)}")
        self._holding = True
        try:
            for name, value in values.items():
                _set(self.controls[name], name, value)
        finally:
            self._holding = False
        self.redraw()
        return self

    def close(self):
        """Close the controls and the view, and free the figure.  The explorer cannot be used after."""
        if self._closed:
            return
        self._closed = True
        for control in self.controls.values():
            control.unobserve(self._changed, names="value")
            control.close()
        self.view.close()
        try:
            self.figure.clear()
        except Exception:  # noqa: BLE001 - at interpreter shutdown (Widget.__del__) imports fail
            pass
        super().close()


def _set(control, name, value):
    """control.value = value, with a ValueError naming the allowed values when it does not fit."""
    if isinstance(control, (widgets.FloatSlider, widgets.FloatLogSlider)):
        value = val.real_number(value, name)
        low, high = control.min, control.max
        if isinstance(control, widgets.FloatLogSlider):             # its min and max are exponents
            low, high = control.base ** low, control.base ** high
        if not low <= value <= high:
            raise ValueError(f"{name} must be between {low:g} and {high:g}; got {value:g}")
    elif isinstance(control, widgets.IntSlider):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
            raise ValueError(f"{name} must be a whole number from {control.min} to {control.max}; "
                             f"got {value!r}")
        if not control.min <= value <= control.max:
            raise ValueError(f"{name} must be a whole number from {control.min} to {control.max}; "
                             f"got {value}")
    try:
        control.value = value
    except TraitError:
        allowed = [o[1] if isinstance(o, tuple) else o for o in control.options]
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}") from None


def _choice(name, options, kind):
    """name (any case) if it is one of options, else a ValueError listing them."""
    key = name.lower() if isinstance(name, str) else None
    if key not in options:
        raise ValueError(f"unknown {kind} {name!r:.60}; expected one of {list(options)}")
    return key


def _slider(name, value):
    return widgets.FloatSlider(value=value, min=-5, max=5, step=0.1, description=name,
                               continuous_update=True, readout_format=".1f")


# ---------------------------------------------------------------- one neuron

def neuron_data(name):
    """A data set for one neuron: "and", "or", "xor" (the 4 corners of the unit square with their
    truth table) or "moons" (200 seeded points).  Returns X (n, 2) and 0/1 labels y (n,)."""
    key = _choice(name, NEURON_DATASETS, "dataset")
    if key == "moons":
        return datasets.make_moons(n_samples=200, noise=0.15, seed=0)
    return datasets.truth_table(_GATES[key], n_inputs=2)


def neuron_explorer(dataset="and", activation="sigmoid", w1=1.0, w2=1.0, b=-1.5):
    """Sliders for w1, w2, b and menus for the activation and the data set of one neuron
    a = f(w1 x1 + w2 x2 + b).  The picture (``plotting.plot_neuron``) shades a over the plane,
    draws the decision line z = 0 and the points, and its title gives the formula with the
    current numbers and the accuracy.  Returns an ``Explorer``."""
    dataset = _choice(dataset, NEURON_DATASETS, "dataset")
    activation = _choice(activation, NEURON_ACTIVATIONS, "activation")
    controls = {name: _slider(name, 0.0) for name in ("w1", "w2", "b")}
    controls["activation"] = widgets.Dropdown(options=NEURON_ACTIVATIONS, value=activation,
                                              description="activation")
    controls["dataset"] = widgets.Dropdown(options=[(label, key) for key, label in NEURON_DATASETS.items()],
                                           value=dataset, description="data set")
    for name, value in (("w1", w1), ("w2", w2), ("b", b)):
        _set(controls[name], name, value)
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
                    columns=[["w1", "w2", "b"], ["activation", "dataset"]])


# ---------------------------------------------------------------- activation functions

def activation_explorer(name="sigmoid", z=1.0):
    """Buttons to pick an activation and a z slider: the picture (``diagrams.plot_activation``)
    shows f and f', shades where f saturates, and marks (z, f(z)) and (z, f'(z)) with their
    values.  Returns an ``Explorer``."""
    name = _choice(name, ALL_ACTIVATIONS, "activation")
    controls = {"name": widgets.ToggleButtons(options=ALL_ACTIVATIONS, value=name, description="f",
                                              style={"button_width": "96px"}),
                "z": widgets.FloatSlider(value=0.0, min=-6, max=6, step=0.1, description="z",
                                         continuous_update=True, readout_format=".1f")}
    _set(controls["z"], "z", z)
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
                    columns=[["name", "z"]])


__all__ = ["Explorer", "activation_explorer", "figure_view", "neuron_data", "neuron_explorer", "refresh",
           "uses_ipympl"]


# ---------------------------------------------------------------- losses of one prediction (notebook 05)

def loss_explorer(o=0.7, t=1):
    """A slider for one prediction o in (0, 1) and buttons for its target t (0 or 1): the picture
    (``plotting.plot_losses_at``) shows the squared error, the absolute error and the cross-entropy
    against o with the current o marked, their slopes dL/do, and a table of each loss and its
    slope at o (computed with ``nn_helpers.losses``).  Returns an ``Explorer``."""
    from ..viz.plotting import plot_losses_at, update_losses_at

    controls = {"o": widgets.FloatSlider(value=0.5, min=0.01, max=0.99, step=0.01, description="o",
                                         continuous_update=True, readout_format=".2f"),
                "t": widgets.ToggleButtons(options=[0, 1], value=1, description="target t",
                                           style={"button_width": "48px"})}
    _set(controls["o"], "o", o)
    _set(controls["t"], "t", t)

    def draw(figure, o, t):
        if not figure.axes:
            axes = figure.subplot_mosaic([["loss", "grad"], ["table", "table"]],
                                         height_ratios=[3, 1])
            plot_losses_at(t, o, [axes["loss"], axes["grad"], axes["table"]])
            return True
        update_losses_at(figure.axes, t, o)
        return False

    return Explorer(Figure(figsize=(10, 5.2), dpi=90), controls, draw, columns=[["o", "t"]])


__all__ += ["loss_explorer"]


# ---------------------------------------------------------------- backprop, edge by edge (notebook 07)

def backprop_stepper(net, x, t, lr=0.5, step=1):
    """A "step" slider that walks backprop edge by edge for one example (x, t), output layer first.

    The picture is ``diagrams.plot_network`` of ``net`` with the forward pass written under the
    nodes; the current weight's edge is highlighted (and, lighter, the edges its gradient flows
    back through), and a text panel below gives its chain-rule factors and its update
    w <- w - lr dE/dw (``diagrams.chain_rule_factors`` and ``factors_text``).  Steps count from 1,
    the first output-layer weight (w5 in Mazur's net).  Returns an ``Explorer`` (``explorer.records`` holds the records).
    """
    from ..viz.diagrams import chain_rule_factors, factors_text, mark_edges, plot_network

    records = chain_rule_factors(net, x, t, lr=lr)
    controls = {"step": widgets.IntSlider(value=1, min=1, max=len(records), description="step",
                                          continuous_update=True)}
    _set(controls["step"], "step", step)
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

    explorer = Explorer(Figure(figsize=(9.5, 7.2), dpi=90), controls, draw, columns=[["step"]])
    explorer.records = records
    return explorer


__all__ += ["backprop_stepper"]


# ---------------------------------------------------------------- slopes and the backward pass (06)

def _sigmoid(x):
    return 0.5 * (1 + np.tanh(x / 2))                   # = 1 / (1 + e^-x), without overflow


SLOPE_FUNCTIONS = {                                     # menu label -> (f, f')
    "x²": (lambda x: x ** 2, lambda x: 2 * x),
    "sin x": (np.sin, np.cos),
    "σ(x)": (_sigmoid, lambda x: _sigmoid(x) * (1 - _sigmoid(x))),
}


def slope_explorer(function="x²", x=3.0, h=1.0, method="forward"):
    """Sliders for x and h (0.001 to 1, a log scale) and menus for f and the difference: the
    picture (``diagrams.plot_slope``) shows f, the secant whose slope estimates f'(x), and the
    tangent, with both slopes in the legend.  Returns an ``Explorer``."""
    function = _choice(function, SLOPE_FUNCTIONS, "function")
    method = _choice(method, ("forward", "central"), "method")
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
    _set(controls["x"], "x", x)

    from ..viz.diagrams import plot_slope

    def draw(figure, function, x, h, method):
        figure.clear()
        f, f_prime = SLOPE_FUNCTIONS[function]
        plot_slope(f, x, h, figure.add_subplot(), f_prime=f_prime, method=method,
                   name=f"f(x) = {function}")
        return True

    return Explorer(Figure(figsize=(6.5, 4.4), dpi=90), controls, draw,
                    columns=[["function", "x", "h"], ["method"]])


def backprop_steps(root):
    """The steps of ``backprop_explorer``: step 0 shows nothing, steps 1..n reveal the values in
    topological order (the forward pass), steps n+1..2n the gradients from the root back.
    Returns a list of (forward, backward, caption), 2n + 1 long; call ``root.backward()`` first."""
    from ..autodiff import topological_order
    order = topological_order(root)
    n, name = len(order), root.label or "the result"
    steps = [(0, 0, "step 0: nothing computed yet")]
    for i, v in enumerate(order, start=1):
        how = "an input" if not v._prev else f"computed by {v._op}"
        steps.append((i, 0, f"forward step {i}: {v.label or 'node'} = {v.data:.4f} ({how})"))
    for i, v in enumerate(reversed(order), start=1):
        steps.append((n, i, f"backward step {i}: d{name}/d{v.label or 'node'} = {v.grad:.4f}"))
    return steps


def backprop_explorer(root, step=None):
    """A "step" slider that walks through a ``Value`` graph (``diagrams.plot_graph``): first the
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

    from ..viz.diagrams import plot_graph

    def draw(figure, step):
        figure.clear()
        forward, backward, caption = steps[step]
        plot_graph(root, figure.add_subplot(), forward=forward, backward=backward, title=caption)
        return True

    return Explorer(Figure(figsize=(11, 3.6), dpi=90), controls, draw, columns=[["step"]])


__all__ += ["backprop_explorer", "backprop_steps", "slope_explorer"]


# ---------------------------------------------------------------- the forward pass (notebook 04)

def forward_explorer(net, x=None, boolean=None, node_names=None):
    """One control per input of ``net`` (an MLP); each change runs the forward pass again and
    redraws ``diagrams.plot_network`` with the new trace, so the reader watches the values
    flow: the weights on the edges, z and a under every node, the output in the title.

    x : the first input, shape (n_in,); zeros when None.  boolean : True gives 0/1 toggle
    buttons, False sliders; None picks buttons when every entry of x is 0 or 1 (and x is given).
    The controls are named x1, x2, ...  Returns an ``Explorer``.
    """
    from ..viz.diagrams import _layout, _network, _node_names, plot_network

    _network(net)
    n_in, given = net.sizes[0], x is not None
    boolean = None if boolean is None else val.flag(boolean, "boolean")
    _node_names(net.sizes, node_names)                  # checked before any control is made
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
            _set(controls[name], name, int(value) if value in (0, 1) else value)
        else:
            controls[name] = widgets.FloatSlider(value=0.0, min=-reach, max=reach, step=0.01,
                                                 description=name, continuous_update=True,
                                                 readout_format=".2f")
            _set(controls[name], name, value)

    def title(inputs):
        out = net.forward(inputs)
        shown = ", ".join(f"{v:g}" for v in inputs)
        return f"Forward pass for input ({shown}): output " + ", ".join(f"{o:.4f}" for o in out)

    shown = _layout(net.sizes, max_nodes=10)[0]        # the nodes plot_network draws, layer by layer

    def draw(figure, **values):
        inputs = np.array([float(values[f"x{i}"]) for i in range(1, n_in + 1)])
        trace = net.forward_trace(inputs)
        if not figure.axes:                                 # the first time: the whole diagram
            plot_network(net, figure.add_subplot(), trace=trace, title=title(inputs),
                         node_names=node_names)
            return True
        ax = figure.axes[0]                                 # then only the numbers change
        texts = [t for t in ax.texts if t.get_gid() == "trace"]
        cells = [(l, j) for l, idx in enumerate(shown) for j in idx]
        for text, (l, j) in zip(texts, cells):              # the format of plot_network's notes
            a = trace["a"][l][j]
            text.set_text(f"a = {a:.4g}" if l == 0 else f"z = {trace['z'][l][j]:.4f}\na = {a:.4f}")
        ax.set_title(title(inputs))
        return False

    scratch = Figure(figsize=(6, 4))                        # the diagram's natural size
    ax = plot_network(net, scratch.add_subplot(), node_names=node_names, trace=net.forward_trace(x))
    scale = 0.72 if max(net.sizes) <= 4 else 0.58
    size = (scale * np.ptp(ax.get_xlim()) + 0.3, scale * np.ptp(ax.get_ylim()) + 0.7)
    return Explorer(Figure(figsize=size, dpi=90), controls, draw,
                    columns=[[name] for name in controls] if n_in <= 4
                    else [list(controls)[i:i + 4] for i in range(0, n_in, 4)])


__all__ += ["forward_explorer"]


# ---------------------------------------------------------------- universal approximation (notebook 01)

def approximation_explorer(target="sin", units=4, interval=(-3.0, 3.0)):
    """A slider for the number of hidden units k and a menu of target curves (sin, |x|, a bump, a
    jump).  The picture (``plotting.plot_approximation`` over ``plotting.plot_hidden_contributions``)
    shows the staircase network ``plotting.staircase_network(f, k)`` against the target, its
    largest gap in the title, and below it each hidden unit's share of the output.  More units make
    the staircase finer and the gap smaller, except at the jump.  Returns an ``Explorer``."""
    from ..viz.plotting import (APPROXIMATION_TARGETS, approximation_target, plot_approximation,
                           plot_hidden_contributions, staircase_network)
    target = _choice(target, APPROXIMATION_TARGETS, "target")
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

    return Explorer(Figure(figsize=(6.5, 5.6), dpi=90), controls, draw, columns=[["units", "target"]])


__all__ += ["approximation_explorer"]


# ---------------------------------------------------------------- handwritten digits (notebook 09)

def digit_explorer(net, X, y=None, index=0):
    """A slider over the 8x8 digits X (one a row, shape (n, 64)): the picture
    (``plotting.plot_digit_prediction``) shows the image, the network's probability for each
    class as bars, and whether the prediction is right (when labels y, shape (n,), are given).
    net : a trained MLP with 64 inputs.  Returns an ``Explorer``."""
    from ..viz.plotting import plot_digit_prediction, update_digit_prediction

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

    return Explorer(Figure(figsize=(7, 3.2), dpi=90), controls, draw, columns=[["index"]])


__all__ += ["digit_explorer"]


# ---------------------------------------------------------------- learning rates (notebook 08)

def learning_rate_explorer(lr=0.3, steps=20, surface="1d"):
    """A learning-rate slider (log scale, 0.001 to about 2), a steps slider and a 1-D / 2-D
    choice (surface "1d" or "2d"): the picture (``plotting.plot_descent_run``) shows gradient
    descent's path on the surface (``plotting.DESCENT_SURFACES``: (w - 3)² + 1, or the
    elongated bowl w1² + 10 w2²)
    and the loss gap per step, its title saying whether descent converges, oscillates or
    diverges (``plotting.descent_run``).  ``explorer.current["run"]`` is the run on show.
    Returns an ``Explorer``."""
    from ..viz.plotting import DESCENT_SURFACES, descent_run, plot_descent_run, update_descent_run

    surface = _choice(surface, DESCENT_SURFACES, "surface")
    lr = val.real_number(lr, "lr", positive=True)
    if not 0.001 <= lr <= 10 ** 0.3:
        raise ValueError(f"lr must be between 0.001 and {10 ** 0.3:.3g}; got {lr:g}")
    steps = val.positive_int(steps, "steps")
    if steps > 60:
        raise ValueError(f"steps must be between 1 and 60; got {steps}")
    controls = {"lr": widgets.FloatLogSlider(value=lr, base=10, min=-3, max=0.3, step=0.001,
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
            return True
        update_descent_run(run, [ax for ax in figure.axes if ax.get_label() != "<colorbar>"])
        return False

    explorer = Explorer(Figure(figsize=(10.5, 4.2), dpi=90), controls, draw,
                        columns=[["lr", "steps"], ["surface"]])
    explorer.current = current
    return explorer


__all__ += ["learning_rate_explorer"]


# ---------------------------------------------------------------- optimizers race (notebook 10)

# the learning rates the race's sliders offer: a 1-2-5 scale, plus the valley's 0.3 and 0.8
LEARNING_RATES = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5,
                  0.8, 1.0, 1.2, 1.5, 2.0)


def optimizer_explorer(surface="valley", lr=None, beta=None, adam_lr=None, steps=40):
    """Sliders for the learning rate of SGD and momentum (lr), momentum's beta, Adam's learning
    rate (adam_lr) and the number of steps, and a menu of surfaces (an elongated valley, the
    Rosenbrock function).  The picture (``plotting.plot_optimizer_race``) shows the three paths
    from the same start on the contour plot and the loss after each step.  Choosing another
    surface by hand moves the sliders to that surface's good settings.  lr, beta, adam_lr : None
    takes the surface's defaults; lr and adam_lr must be one of ``LEARNING_RATES``.  Returns an
    ``Explorer``."""
    from ..viz.plotting import OPTIMIZER_SURFACES, optimizer_surface, plot_optimizer_race, race_paths, \
        update_optimizer_race
    surface = _choice(surface, OPTIMIZER_SURFACES, "surface")
    defaults = optimizer_surface(surface)["defaults"]
    rates = dict(options=LEARNING_RATES, continuous_update=True, style={"description_width": "initial"})
    controls = {"lr": widgets.SelectionSlider(value=defaults["lr"], description="lr (η)", **rates),
                "beta": widgets.FloatSlider(value=defaults["beta"], min=0.0, max=0.99, step=0.01,
                                            description="β (momentum)", continuous_update=True,
                                            readout_format=".2f", style={"description_width": "initial"}),
                "adam_lr": widgets.SelectionSlider(value=defaults["adam_lr"], description="Adam's lr", **rates),
                "steps": widgets.IntSlider(value=40, min=1, max=300, description="steps",
                                           continuous_update=True),
                "surface": widgets.Dropdown(options=[(s["label"].split(" E")[0], k)
                                                     for k, s in OPTIMIZER_SURFACES.items()],
                                            value=surface, description="surface")}
    for name, value in (("lr", lr), ("adam_lr", adam_lr), ("beta", beta)):
        if value is not None:
            _set(controls[name], name, value)
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
            return True
        update_optimizer_race(figure.axes[:2], surface, paths, settings)   # [2] is the colour bar
        return False

    explorer = Explorer(Figure(figsize=(11.5, 4.4), dpi=90), controls, draw,
                        columns=[["lr", "beta", "adam_lr"], ["steps", "surface"]])

    def move_to_defaults(change):                        # a new surface by hand: its good settings
        if not explorer._holding:
            explorer.update(**optimizer_surface(change["new"])["defaults"])

    controls["surface"].observe(move_to_defaults, names="value")
    return explorer


__all__ += ["optimizer_explorer"]
