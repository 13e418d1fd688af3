"""The Explorer: controls wired to a picture (ipywidgets), the base of every explorer.

An ``Explorer`` is an ipywidgets VBox, controls on top and the picture below, that owns one
matplotlib Figure and keeps no global state.  ``explorer.update(w1=2.0)`` does from Python what
moving a slider does; ``explorer.figure`` is the matplotlib Figure; ``explorer.snapshot()`` is the
picture as a plain PNG output (a static copy that GitHub and nbviewer show); ``explorer.close()``
releases it.

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

(``display(explorer.figure)`` may show only a line of text: the figure is not pyplot's, and the
inline backend formats figures only after ``%matplotlib inline``.)
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

IPYMPL_BACKENDS = ("widget", "ipympl", "module://ipympl.backend_nbagg")


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
    def updating(self):
        """True while ``update()`` sets several controls at once (the picture is drawn after the last)."""
        return self._holding

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
                set_control(self.controls[name], name, value)
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


def set_control(control, name, value):
    """control.value = value, as if moved by hand, with a ValueError naming the allowed values when
    it does not fit (a slider's range, a whole number for an int slider, a menu's options).

    control : an ipywidgets slider, menu or buttons.  name : the control's name, for the message.
    """
    val.instance(control, widgets.ValueWidget, "control", "an ipywidgets control (a slider, a menu, buttons)")
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


__all__ = ["Explorer", "IPYMPL_BACKENDS", "figure_view", "refresh", "set_control", "uses_ipympl"]
