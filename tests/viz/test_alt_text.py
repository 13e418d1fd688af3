"""Figures carry alt text: what ``viz.describe`` says, the HTML copy IPython shows, and that the
inline backend's choice of figure formats does not remove it (nn_helpers/viz/alt_text.py)."""
import base64
import html
import io
import re
import types

import numpy as np
import PIL.Image
import pytest
from IPython.core.formatters import DisplayFormatter
from IPython.core.pylabtools import select_figure_formats
from matplotlib.figure import Figure

from nn_helpers import MLP, datasets, viz
from nn_helpers.course import record
from tools import build_notebooks, static_html

IMG = re.compile(r'<img class="nn-figure" src="data:image/png;base64,([^"]+)" alt="([^"]*)">')


def test_describe_reads_the_titles_and_a_single_panels_axes():
    fig = Figure()
    ax = fig.add_subplot()
    ax.set(title="Loss per epoch", xlabel="epoch", ylabel="$E_{total}$")
    assert viz.describe(fig) == "Figure: Loss per epoch; x axis epoch, y axis Etotal"
    fig.suptitle("Training\nthe 2-8-1 network")
    assert viz.describe(fig).startswith("Figure: Training, the 2-8-1 network; Loss per epoch; ")


def test_describe_names_each_panel_and_leaves_colour_bars_out():
    X, y = datasets.make_moons(n_samples=40, noise=0.2, seed=0)
    fig = Figure()
    left, right = fig.subplots(1, 2)
    viz.plot_decision_boundary(MLP([2, 3, 1], output_activation="sigmoid", seed=0), X, y, left, title="before")
    right.set_title(r"after: $\sigma(z)$")
    fig.colorbar(right.imshow(np.eye(2)), ax=right)
    assert len(fig.axes) == 3
    assert viz.describe(fig) == "Figure: before; after: sigma(z)"


def test_describe_without_any_text_says_how_many_panels():
    fig = Figure()
    fig.subplots(1, 3)
    assert viz.describe(fig) == "Figure: a figure with 3 panels"
    assert viz.describe(Figure()) == "Figure: a figure without a title"


def test_figure_html_is_the_png_with_its_alt_text_escaped():
    fig = Figure(figsize=(3, 2), dpi=50)
    fig.add_subplot().set_title('the "best" <line>')
    source, alt = IMG.fullmatch(viz.figure_html(fig)).groups()
    assert html.unescape(alt) == 'Figure: the "best" <line>'
    picture = PIL.Image.open(io.BytesIO(base64.b64decode(source)))
    assert picture.format == "PNG" and 0 < picture.width < 300 and 0 < picture.height < 200   # 3x2 in at dpi 50, trimmed
    with pytest.raises(TypeError, match="matplotlib Figure"):
        viz.figure_html("a figure")


def shell():
    """What IPython's display and the inline backend use of a shell: its display formatter."""
    return types.SimpleNamespace(display_formatter=DisplayFormatter())


def test_a_shown_figure_gets_its_html_copy_even_after_the_inline_backend_picks_its_formats():
    ip = shell()
    fig = Figure(figsize=(3, 2), dpi=50)
    fig.add_subplot().set_title("loss")
    assert "text/html" not in ip.display_formatter.format(fig)[0]       # the check below can fail
    assert viz.show_alt_text(ip) is True
    select_figure_formats(ip, {"png"})          # what the inline backend does when it starts: it clears
    data, _ = ip.display_formatter.format(fig)  # every formatter's Figure entry, then registers its own
    assert set(data) == {"image/png", "text/html", "text/plain"}
    source, alt = IMG.fullmatch(data["text/html"]).groups()
    assert alt == "Figure: loss" and source == data["image/png"]          # one picture, shown two ways


def draws(ip, fig):
    """How many times showing ``fig`` in ``ip`` draws it."""
    count = []
    connection = fig.canvas.mpl_connect("draw_event", lambda event: count.append(1))
    ip.display_formatter.format(fig)
    fig.canvas.mpl_disconnect(connection)
    return len(count)


def test_showing_a_figure_with_its_alt_text_draws_it_no_more_often_than_the_inline_backend():
    fig = Figure(figsize=(3, 2), dpi=50)
    fig.add_subplot().set_title("loss")
    plain, course = shell(), shell()
    select_figure_formats(plain, {"png"})
    viz.show_alt_text(course)
    select_figure_formats(course, {"png"})
    assert draws(plain, fig) >= 1
    assert draws(course, fig) == draws(plain, fig)


def test_outside_ipython_nothing_is_registered():
    assert viz.show_alt_text(types.SimpleNamespace()) is False


def test_the_self_check_compares_a_figures_alt_text_not_its_pixels():
    def shown(pixels, alt):
        return [{"output_type": "display_data", "metadata": {},
                 "data": {"text/html": f'<img class="nn-figure" src="data:image/png;base64,{pixels}" alt="{alt}">',
                          "text/plain": "<Figure size 300x200 with 1 Axes>"}}]
    expected = record.expected_outputs(shown("AAAA", "Figure: loss"))
    assert record.same_outputs(shown("BBBB", "Figure: loss"), expected)
    assert not record.same_outputs(shown("AAAA", "Figure: accuracy"), expected)


def test_the_build_keeps_one_copy_of_a_figure():
    figure = {"output_type": "display_data", "metadata": {"image/png": {"width": 3}},
              "data": {"image/png": "AAAA", "text/plain": "<Figure>",
                       "text/html": '<img class="nn-figure" src="data:image/png;base64,AAAA" alt="Figure: x">'}}
    kept = build_notebooks.one_figure_copy(figure)
    assert set(kept["data"]) == {"text/html", "text/plain"} and kept["metadata"] == {}
    other = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "AAAA", "text/html": "<b>a table</b>"}}
    assert set(build_notebooks.one_figure_copy(other)["data"]) == {"image/png", "text/html"}


def test_the_site_counts_a_figure_copy_as_a_figure_and_gives_it_the_pages_alt_text():
    output = {"data": {"text/html": '<img class="nn-figure" src="data:image/png;base64,AAAA" alt="Figure: x">'}}
    assert static_html._images(output) == (1, False)
    texts = ["Figure: the page's words"]
    for tag in ['<img class="nn-figure" src="data:image/png;base64,AAAA" alt="Figure: x">',
                '<img alt="Figure: x" class="nn-figure" src="data:image/png;base64,AAAA">']:   # nbconvert's order
        assert static_html.with_alt(tag, list(texts), "") == tag.replace("Figure: x", "Figure: the page&#x27;s words")
    still = '<img src="data:image/png;base64,AAAA" alt="Still of the neuron explorer">'    # a widget's own still
    assert static_html.with_alt(still, list(texts), "") == still
