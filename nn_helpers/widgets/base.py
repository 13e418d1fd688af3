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
  nbclient / nbval, Voila, Agg) the figure is rendered to a PNG held by an ``ipywidgets.Image``.
  Its canvas (``frames.FrameCanvas``) redraws only what a move changed over a background it
  keeps, and ``frames.frame_png`` encodes it in milliseconds: a move costs tens of milliseconds,
  with nothing but widgets (no Output-widget capture, which only works inside a running kernel).
  When moves come faster than frames, the browser's widget manager sends the kernel only the
  latest value once the previous one is drawn (ipywidgets' message throttle).

Where the widget cannot be shown (a notebook opened but not run: JupyterLab does not render
widget outputs it does not trust; GitHub, nbviewer), an explorer's output shows a still of its
picture and the sentence "Run the notebook to move this" instead of the widget's repr.

(``display(explorer.figure)`` may show only a line of text: the figure is not pyplot's, and the
inline backend formats figures only after ``%matplotlib inline``.)
"""
import html
import io
import json

import ipywidgets as widgets
import matplotlib
import numpy as np
import PIL.Image
from matplotlib.figure import Figure
from traitlets import TraitError

from .. import _checks as val
from ..viz.alt_text import FIGURE_CLASS, describe, img_tag
from .frames import FrameCanvas, frame_png

IPYMPL_BACKENDS = ("widget", "ipympl", "module://ipympl.backend_nbagg")


def uses_ipympl():
    """True when matplotlib's backend is ipympl (``%matplotlib widget``)."""
    backend = matplotlib.get_backend(auto_select=False)
    return backend is not None and backend.lower() in IPYMPL_BACKENDS


def figure_view(figure):
    """The widget that shows a (non-pyplot) ``figure``: under ipympl its canvas, a live widget;
    otherwise an ``ipywidgets.Image``, shown at the figure's own size (narrower where the output
    is narrower, its height following), that ``refresh`` fills."""
    val.instance(figure, Figure, "figure", "a matplotlib Figure (matplotlib.figure.Figure)")
    if uses_ipympl():
        from ipympl.backend_nbagg import Canvas, FigureManager   # importing it selects ipympl
        FigureManager(Canvas(figure), 0)
        figure.canvas.header_visible = figure.canvas.footer_visible = False
        figure.canvas.resizable = False
        return figure.canvas
    FrameCanvas(figure)                                            # renders the frames
    width = round(figure.get_figwidth() * figure.dpi)
    # no side margins (ipywidgets gives 2 px): a picture shrunk to its box's width would be
    # 4 px wider than the box, which then scrolls sideways
    return widgets.Image(format="png", layout=widgets.Layout(width=f"{width}px", max_width="100%",
                                                             margin="2px 0"))


def refresh(view, figure):
    """Show the figure's current state in its ``figure_view``: a repaint of the ipympl canvas
    (milliseconds), or one frame drawn with Agg (only what changed, see ``FrameCanvas``) into a
    quickly compressed PNG."""
    if view is figure.canvas:
        figure.canvas.draw_idle()
        return
    canvas = figure.canvas
    if isinstance(canvas, FrameCanvas):
        canvas.draw_frame()
    else:
        canvas.draw()
    view.value = frame_png(canvas)


class Explorer(widgets.VBox):
    """Controls wired to a picture.  ``draw(figure, **values)`` draws (or updates in place) the
    picture for the controls' current values; it runs once now and after every change, and
    returns True when it drew the picture afresh (then the layout is computed again).

    Attributes: ``figure`` (the matplotlib Figure), ``controls`` (name -> widget), ``view`` (the
    widget showing the figure: ipympl's canvas, or an ``ipywidgets.Image`` holding a PNG), ``name``
    (what it is called in the sentences and alternative texts that stand in for it, e.g.
    "neuron explorer"), ``namer`` (an Output widget whose script names the sliders and the
    picture for screen readers: ``NAMES_JS``).
    """

    def __init__(self, figure, controls, draw, columns, name="explorer"):
        self.figure, self.controls, self._draw, self.name = figure, dict(controls), draw, name
        self._holding = False                  # True while update() sets several controls at once
        self._closed = False
        self.view = figure_view(figure)
        panel = widgets.HBox([widgets.VBox([self.controls[n] for n in column]) for column in columns])
        alt = json.dumps(f"The {name}'s picture for the settings above")
        self.namer = widgets.Output(outputs=({"output_type": "display_data", "metadata": {},   # see NAMES_JS
                                               "data": {"application/javascript": NAMES_JS.replace("PICTURE_ALT", alt)}},))
        super().__init__([panel, self.view, self.namer])
        self.add_class("nn-explorer")
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
            if isinstance(self.figure.canvas, FrameCanvas):
                self.figure.canvas.forget()            # (and draw the next frame whole)
        self.figure.set_layout_engine("none")          # ... then keep that layout: updates draw faster
        refresh(self.view, self.figure)

    def snapshot(self):
        """The picture as it is now, as a ``Still`` (PNG bytes in ``.data``, alt text ``describe()``
        in ``.alt``): end a cell with ``explorer.snapshot()`` to keep a static copy in the
        notebook, for GitHub or nbviewer."""
        png = io.BytesIO()
        self.figure.savefig(png, format="png")
        return Still(png.getvalue(), self.describe())

    def describe(self):
        """What the picture shows, in words (``viz.describe``: its titles and axes): the
        alternative text of its stills, "Still of the <name>: ..."."""
        return f"Still of the {self.name}: " + describe(self.figure).removeprefix("Figure: ")

    def _repr_mimebundle_(self, **kwargs):
        """The widget, and for where it cannot be shown (a notebook not run yet, GitHub, nbviewer)
        the picture and a sentence instead of the widget's repr."""
        data = super()._repr_mimebundle_(**kwargs)
        sentence = (f"Run the notebook to move this: a still of the {self.name} as it opens; "
                    "with the notebook running, its controls redraw the picture.")
        still = img_tag(_still_png(self.figure), self.describe())
        data["text/plain"] = sentence
        data["text/html"] = (f'<figure class="nn-still" style="margin: 0">{still}'
                             f"<figcaption><em>{html.escape(sentence)}</em></figcaption></figure>")
        return data

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
        self.namer.close()
        try:
            self.figure.clear()
        except Exception:  # noqa: BLE001 - at interpreter shutdown (Widget.__del__) imports fail
            pass
        super().close()


# ipywidgets 8.1 draws a slider's handle (role="slider") with no accessible name: its description is
# a label beside it that nothing points to (axe-core: aria-input-field-name); and its Image has no
# alt text (a tooltip would give it a title, but ImageView fails on one). This script names each
# handle of the explorer after its description, and its picture. It sits in an Output widget at the
# explorer's foot: the widget manager runs it when the explorer is shown in a running notebook, and
# nothing of it is stored in the notebook's outputs (only the widget's state holds it).
NAMES_JS = """(function names(output, tries) {
  if (!output || !output.closest) return;                    // not JupyterLab, Voila or Notebook 7
  if (!output.isConnected) {                                  // rendered before it is attached
    if (tries < 100) setTimeout(() => names(output, tries + 1), 100);
    return;
  }
  const area = output.closest('.nn-explorer')                  // (not the Output widget's own area)
    || output.closest('.jp-OutputArea, .output') || output.parentElement;
  const name = () => {
    if (!output.isConnected) { observer.disconnect(); return; }   // the explorer is gone
    for (const slider of area.querySelectorAll('.widget-slider')) {
      const label = slider.querySelector('.widget-label'), handle = slider.querySelector('.noUi-handle');
      const text = label && label.textContent.trim();
      if (handle && text && handle.getAttribute('aria-label') !== text) handle.setAttribute('aria-label', text);
    }
    for (const picture of area.querySelectorAll('img.widget-image:not([alt])')) picture.alt = PICTURE_ALT;
  };
  const observer = new MutationObserver(name);
  observer.observe(area, {childList: true, subtree: true});
  name();
})(typeof element === 'undefined' ? null : (element[0] || element), 0);"""


class Still:
    """A picture kept in a notebook: ``data`` (PNG bytes) and ``alt`` (what it shows, in words).
    It is shown as an HTML ``<img>`` with that alt text (as every course figure is:
    ``viz.alt_text``), which JupyterLab renders with its alt; an ``image/png`` output would have none."""

    def __init__(self, data, alt):
        self.data, self.alt = data, alt

    def _repr_mimebundle_(self, **kwargs):
        return {"text/html": img_tag(self.data, self.alt, FIGURE_CLASS), "text/plain": self.alt}


def _still_png(figure):
    """The figure's current picture as a small PNG for a stored output: 256 colours picked to
    cover the picture (Pillow's MAXCOVERAGE: flat colours exact, gradients within a few levels),
    3 to 5 times smaller than a full-colour PNG."""
    canvas = figure.canvas
    if isinstance(canvas, FrameCanvas):
        pixels = np.asarray(canvas.buffer_rgba())
    else:
        png = io.BytesIO()
        figure.savefig(png, format="png")
        pixels = np.asarray(PIL.Image.open(png))
    image = PIL.Image.fromarray(np.ascontiguousarray(pixels[..., :3]))
    png = io.BytesIO()
    image.quantize(256, method=PIL.Image.Quantize.MAXCOVERAGE).save(png, "png", optimize=True)
    return png.getvalue()


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


__all__ = ["Explorer", "IPYMPL_BACKENDS", "NAMES_JS", "figure_view", "refresh", "set_control",
           "uses_ipympl"]
