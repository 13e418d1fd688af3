"""The static course site: one page per notebook, linked in order, executed outputs, nothing fetched."""
import re

import nbformat
import pytest

from tools import site, static_html
from tools.course_files import has_solution


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    return out, site.build(out, log=lambda *_: None)


def test_the_index_links_every_notebook_in_order(built):
    out, written = built
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([^"]+)">', index)
    assert links == [page for _, page, _ in site.pages()]
    assert len(links) == 12 and links[0] == "00_start_here.html" and links[-1] == "playground.html"
    assert all((out / link).exists() for link in links)
    assert [p.name for p in written] == ["index.html"] + links


def test_each_page_has_a_navigation_bar_above_and_below(built):
    out, _ = built
    listing = site.pages()
    for i, (_, page, _) in enumerate(listing):
        text = (out / page).read_text(encoding="utf-8")
        links = {kind: [re.search(r'href="([^"]+)"', tag).group(1)
                        for tag in re.findall(rf'<a [^>]*class="nn-{kind}"[^>]*>', text)]
                 for kind in ("home", "prev", "next")}
        assert links["home"] == ["index.html"] * 2, page
        prev, nxt = links["prev"], links["next"]
        assert prev == ([listing[i - 1][1]] * 2 if i else []), page
        assert nxt == ([listing[i + 1][1]] * 2 if i + 1 < len(listing) else []), page


def test_pages_fetch_nothing_from_the_network(built):
    out, _ = built
    for page in out.glob("*.html"):
        assert static_html.external_urls(page.read_text(encoding="utf-8")) == [], page.name
    assert (out / "_static/mathjax/MathJax.js").exists() and (out / "_static/site.css").exists()


def test_a_page_shows_the_executed_outputs_and_folds_the_solutions(built):
    out, _ = built
    path = site.ROOT / "notebooks/solutions/03_activation_functions.ipynb"
    nb = nbformat.read(path, as_version=4)
    text = (out / "03_activation_functions.html").read_text(encoding="utf-8")
    solutions = sum(has_solution(c) for c in nb.cells)
    assert solutions == 3 and text.count('<details class="nn-solution">') == solutions
    assert "equals activations.step on the test grid: True" in text        # a stored text output
    assert text.count("data:image/png;base64") >= 10                       # stored figures
    assert text.count("Run the notebook to move this") >= 1                  # the explorer: its still, explained
    assert "application/vnd.jupyter.widget-view+json" not in text


def test_the_training_replay_plays_without_a_kernel(built):
    out, _ = built
    text = (out / "08_gradient_descent_and_training.html").read_text(encoding="utf-8")
    assert 'class="anim-slider"' in text and "new Animation(frames" in text


def test_a_page_that_would_fetch_from_a_cdn_stops_the_build(tmp_path, monkeypatch):
    real = site.render
    monkeypatch.setattr(site, "render", lambda nb, nav, name: real(nb, nav, name).replace(
        "</head>", '<script src="https://cdn.example.org/x.js"></script></head>', 1))
    with pytest.raises(site.SiteError, match="would fetch from the network"):
        site.build(tmp_path, log=lambda *_: None)


WIDGET_STILLS = ("Still of the ", "The network at epoch ", "A progress bar at ")   # widgets' own fallbacks


def test_every_figure_has_alt_text_from_its_notebook(built):
    out, _ = built
    for _, page, _ in site.pages():
        text = (out / page).read_text(encoding="utf-8")
        alts = re.findall(r'<img[^>]*? alt="([^"]*)"', text)
        assert len(alts) == text.count("<img"), f"{page}: an image without alt text"
        assert "No description has been provided" not in text, page
        figures = [a for a in alts if not a.startswith(WIDGET_STILLS)]      # a widget's own still says what it is
        assert all(re.match(r"(Figure|Animation)( \d+ of \d+)?( \([^)]*\))?: \S", a) for a in figures), page
        assert all(len(a) > 30 for a in alts if a.startswith(WIDGET_STILLS)), page
        assert len(set(alts)) == len(alts), f"{page}: two figures share an alt text"
    text = (out / "00_start_here.html").read_text(encoding="utf-8")
    assert '<img alt="Figure: The moons data (training set)"' in text


def test_the_replay_slider_has_a_label(built):
    out, _ = built
    text = (out / "08_gradient_descent_and_training.html").read_text(encoding="utf-8")
    sliders = re.findall(r'<input [^>]*class="anim-slider"[^>]*>', text)
    assert sliders and all('aria-label="Frame of the replay"' in s for s in sliders)


def test_the_index_typesets_its_math_and_every_page_has_the_contrast_fixes(built):
    out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "$z$" in index and 'src="_static/mathjax/MathJax.js' in index and "inlineMath" in index
    for page in out.glob("*.html"):
        assert '_static/a11y.css' in page.read_text(encoding="utf-8"), page.name
    css = (out / "_static/a11y.css").read_text(encoding="utf-8")
    assert "--jp-cell-prompt-not-active-opacity: 1;" in css


def test_an_index_without_math_loads_no_mathjax(tmp_path):
    static_html.write_index(tmp_path, "Slides", [("a.slides.html", "A deck")], "Press the arrow keys.")
    assert "MathJax" not in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_alt_text_comes_from_the_plotting_calls_titles():
    source = "\n".join([
        "fig, axes = plt.subplots(1, 2)",
        "for ax, epoch in zip(axes, [0, 50]):",
        '    plot_decision_boundary(net, X, y, ax, title=f"after {epoch} epochs")',
        'ax.legend(title="class")',
        r'fig.suptitle(r"The boundary of $\sigma(w \cdot x + b)$ while training")',
        "plt.show()"])
    figure, panels, loops = static_html.plot_titles(source)
    assert figure == ["The boundary of σ(w · x + b) while training"]
    assert panels == ["after 0 epochs", "after 50 epochs"] and loops == {"epoch": [0, 50]}
    assert static_html.plot_titles('ax.set(title=f"{name}: {acc:.1%}")')[:2] == ([], [])   # says nothing
    assert static_html.plot_titles("%matplotlib inline\nax.set_title('Loss')")[:2] == ([], ["Loss"])


def test_alt_text_falls_back_to_the_markdown_above_and_is_unique():
    png = {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo=", "text/plain": ""}}
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## 2. The step function\n\n**Idea:** fire when $z \\geq 0$. More."),
        nbformat.v4.new_code_cell("plot_activation('step')", outputs=[png]),
        nbformat.v4.new_code_cell("plot_activation('step')", outputs=[png]),
        nbformat.v4.new_code_cell("for frame in [0, 3]:\n    display(snapshot(frame))", outputs=[png, png]),
    ])
    alts = list(static_html.figure_alts(nb).values())
    assert alts[0] == ["Figure: 2. The step function. Idea: fire when z ≥ 0."]
    assert alts[1] == ["Figure (view 2): 2. The step function. Idea: fire when z ≥ 0."]
    assert alts[2] == ["Figure 1 of 2 (frame 0): 2. The step function. Idea: fire when z ≥ 0.",
                       "Figure 2 of 2 (frame 3): 2. The step function. Idea: fire when z ≥ 0."]
    page = "".join(f'<div class="jp-Cell jp-CodeCell" id="cell-id={c.id}"><img alt="No description has been '
                   f'provided for this image" src="x.png"/></div>' for c in nb.cells)
    assert f'alt="{alts[0][0]}"' in static_html.accessible(page, nb)
