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

from . import _validation as val
from . import datasets
from .diagrams import mark_activation, plot_activation
from .plotting import plot_neuron, update_neuron

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
        self.figure.clear()
        super().close()


def _set(control, name, value):
    """control.value = value, with a ValueError naming the allowed values when it does not fit."""
    if isinstance(control, widgets.FloatSlider):
        value = val.real_number(value, name)
        if not control.min <= value <= control.max:
            raise ValueError(f"{name} must be between {control.min:g} and {control.max:g}; got {value:g}")
    try:
        control.value = value
    except TraitError:
        allowed = [o[1] if isinstance(o, tuple) else o for o in control.options]
        raise ValueError(f"{name} must be one of {allowed}; got {value!r}") from None


def _choice(name, options, kind):
    """name (any case) if it is one of options, else a ValueError listing them."""
    key = name.lower() if isinstance(name, str) else name
    if key not in options:
        raise ValueError(f"unknown {kind} {name!r}; expected one of {list(options)}")
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
