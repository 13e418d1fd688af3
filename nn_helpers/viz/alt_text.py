"""Alternative text for figures, so that a screen reader says what a figure shows.

JupyterLab 4 shows a matplotlib figure (an ``image/png`` output) as an ``<img>`` with no ``alt``
attribute, whatever the output holds (its image renderer reads only width and height from the
metadata; a standard place for alt text is still a proposal: jupyter/enhancement-proposals#120).
So, in IPython, figures are shown with one more representation: ``text/html``, the same PNG in an
``<img>`` whose ``alt`` is ``describe(figure)`` (its titles and axes), drawn once for both.
JupyterLab, Voila, VS Code and nbconvert's HTML prefer ``text/html`` to ``image/png``; an untrusted
notebook shows it too (its sanitiser keeps ``data:`` images). The build (``tools.build_notebooks``)
stores only the ``text/html`` copy (so nbconvert's LaTeX/PDF export of an unrun notebook has no
figures: run it first, or export with ``--to webpdf``).

    describe(figure)    "Figure: Decision boundary of [2, 8, 1]; x axis x1, y axis x2"
    figure_html(figure) '<img class="nn-figure" src="data:image/png;base64,..." alt="Figure: ...">'

``show_alt_text()`` registers this for IPython's display of every matplotlib Figure
(``import nn_helpers.viz`` calls it when IPython runs). It uses IPython's mime-bundle formatter,
which the inline backend leaves alone when it (re)selects its figure formats.
"""
import base64
import html
import re
import sys

from matplotlib.figure import Figure

from .. import _checks as val

FIGURE_CLASS = "nn-figure"
_MATH = re.compile(r"\$([^$]*)\$")


def _plain(text):
    """A title as words: mathtext's dollars, backslashes, braces and subscript marks removed
    ("$x_1$" -> "x1"), lines joined with commas, spaces collapsed."""
    text = _MATH.sub(lambda m: re.sub(r"\\(?:mathrm|mathbf|mathit|operatorname)|[\\{}_]", "", m.group(1)), text)
    return ", ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def describe(figure):
    """What ``figure`` shows, in words, from its own texts: "Figure: <suptitle>; <each panel's
    title>", and the axes' labels of a figure with one panel ("x axis x1, y axis x2"), or
    "Figure with N panels" when no panel has a title.  Colour bars are left out.  Returns a str."""
    val.instance(figure, Figure, "figure", "a matplotlib Figure")
    panels = [ax for ax in figure.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    titles = [_plain(t) for t in [figure.get_suptitle()] + [ax.get_title() for ax in panels]]
    said = "; ".join(t for t in titles if t)
    if len(panels) == 1:
        labels = ", ".join(f"{name} axis {_plain(text)}" for name, text in
                           (("x", panels[0].get_xlabel()), ("y", panels[0].get_ylabel())) if _plain(text))
        if labels:
            said = f"{said}; {labels}" if said else labels
    if not said:
        said = f"a figure with {len(panels)} panels" if len(panels) > 1 else "a figure without a title"
    return f"Figure: {said}"


def figure_html(figure):
    """``figure`` as an HTML ``<img>`` with alt text (``describe``): the PNG IPython's inline
    backend would show (its ``print_figure_kwargs``: a tight bounding box), or None for an empty
    figure (nothing to show, as the inline backend shows nothing)."""
    val.instance(figure, Figure, "figure", "a matplotlib Figure")
    png = _png(figure)
    return img_tag(png, describe(figure), FIGURE_CLASS) if png else None


def _png(figure):
    """The figure as the inline backend draws it: a base64 PNG (str), or None for an empty figure."""
    from IPython.core.pylabtools import print_figure

    try:
        from matplotlib_inline.config import InlineBackend
        options = dict(InlineBackend.instance().print_figure_kwargs)
    except ImportError:                                   # IPython without the inline backend
        options = {"bbox_inches": "tight"}
    return print_figure(figure, "png", base64=True, **options) or None


def img_tag(png, alt, css_class=None):
    """An HTML <img> of a PNG (bytes, or already base64 text) with alt text ``alt`` (escaped) and
    a class, if given: the course figures' (``FIGURE_CLASS``) and the widgets' stills."""
    source = base64.b64encode(png).decode("ascii") if isinstance(png, bytes) else png
    shown_as = f'class="{css_class}" ' if css_class else ""
    return f'<img {shown_as}src="data:image/png;base64,{source}" alt="{html.escape(alt)}">'


def show_alt_text(shell=None):
    """Show every matplotlib Figure in ``shell`` (default: the running IPython, if any) as
    ``text/html`` with alt text and as ``image/png``, both from one drawing (see the module
    docstring).  Returns True when registered."""
    if shell is None:
        if "IPython" not in sys.modules:
            return False
        from IPython import get_ipython
        shell = get_ipython()
    if shell is None or not hasattr(shell, "display_formatter"):
        return False
    formatter = shell.display_formatter

    def bundle(figure):
        # IPython asks a type's own image/png printer after this bundle and lets it win: the inline
        # backend's would draw the figure a second time (and it registers again only when it starts)
        formatter.formatters.get("image/png", {}).pop(Figure, None)
        png = _png(figure)
        return {"image/png": png, "text/html": img_tag(png, describe(figure), FIGURE_CLASS)} if png else {}

    formatter.mimebundle_formatter.for_type(Figure, bundle)
    return True
