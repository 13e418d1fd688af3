"""Slides: every cell carries slide metadata by the rules of tools/slides.py, and the decks build offline."""
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tools import slides, static_html
from tools.build_notebooks import LEARNER, SOLUTIONS, generated_parts_current, solution_paths

PATHS = solution_paths()
MAX_VISIBLE_CODE = 24           # lines of code one slide may show (long cells show only their output)
PNG = new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"})


def kinds(nb):
    return [c.metadata["slideshow"]["slide_type"] for c in slides.assign(nb).cells]


def test_the_rules_on_a_small_notebook():
    nb = new_notebook(cells=[
        new_markdown_cell("# Title\n\nWhat this is."),
        new_code_cell("import numpy as np\nfrom nn_helpers import MLP"),
        new_markdown_cell("## 1. A section\n\nThe idea."),
        new_code_cell("x = 1\nprint(x)"),
        new_markdown_cell("What the number means."),
        new_code_cell("plot()", outputs=[PNG]),
        new_code_cell("plot_again()", outputs=[PNG]),
        new_markdown_cell("### Exercise 1.1: do it"),
        new_code_cell("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\nf()"),
        new_code_cell("check_f(f)"),
        new_code_cell("\n".join(f"line_{i} = {i}" for i in range(slides.MAX_CODE_LINES + 1)), outputs=[PNG]),
    ])
    assert kinds(nb) == ["slide", "skip", "slide", "-", "subslide", "-", "subslide", "subslide", "-",
                         "fragment", "subslide"]
    assert slides.HIDE_INPUT in nb.cells[-1].metadata["tags"]
    assert slides.positions(nb) == [(0, 0), None, (1, 0), (1, 0), (1, 1), (1, 1), (1, 2), (1, 3), (1, 3),
                                    (1, 3), (1, 4)]


def test_a_long_paragraph_and_a_figure_do_not_share_a_slide():
    text = "\n".join(["A long paragraph line."] * slides.LONG_MARKDOWN)
    nb = new_notebook(cells=[new_markdown_cell("# T"), new_markdown_cell(text), new_code_cell("plot()", outputs=[PNG])])
    assert kinds(nb) == ["slide", "-", "subslide"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_every_cell_has_current_slide_metadata(path):
    for folder in (SOLUTIONS, LEARNER):
        nb = nbformat.read(folder / path.name, as_version=4)
        missing = [i for i, c in enumerate(nb.cells) if "slide_type" not in c.metadata.get("slideshow", {})]
        assert not missing, f"{folder.name}/{path.name}: cells without slide metadata: {missing}"
    assert generated_parts_current(nbformat.read(path, as_version=4), path.stem), \
        f"{path.name}: slide types are stale; run python -m tools.build_notebooks {path.stem}"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_one_idea_per_slide_and_no_code_walls(path):
    nb = nbformat.read(path, as_version=4)
    deck = slides.slides(nb)
    for number, slide in enumerate(deck):
        lines = slides.visible_code_lines(slide)
        assert lines <= MAX_VISIBLE_CODE, f"slide {number} of {path.name} shows {lines} lines of code"
        headings = [c for c in slide if c.cell_type == "markdown" and c.source.startswith("## ")]
        assert len(headings) <= 1, f"slide {number} of {path.name} holds two sections"
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "### Exercise" in cell.source or cell.source.startswith("## Exercise"):
            assert cell.metadata["slideshow"]["slide_type"] in ("slide", "subslide"), \
                f"{path.name} cell {i}: an exercise starts its own slide"


def test_the_playground_has_current_slide_metadata():
    from tools.course_files import PLAYGROUND
    nb = nbformat.read(PLAYGROUND, as_version=4)
    assert all("slide_type" in c.metadata.get("slideshow", {}) for c in nb.cells)
    assert generated_parts_current(nb, PLAYGROUND.stem)


def test_a_stale_slide_type_is_noticed():
    path = SOLUTIONS / "02_the_neuron.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].metadata["slideshow"] = {"slide_type": "notes"}
    assert not generated_parts_current(nb, path.stem)


@pytest.mark.parametrize("name", ["00_start_here", "08_gradient_descent_and_training"])
def test_a_deck_builds_offline(name, tmp_path):
    static_html.copy_assets(tmp_path)
    deck = slides.build_deck(SOLUTIONS / f"{name}.ipynb", tmp_path)
    page = deck.read_text(encoding="utf-8")
    assert static_html.external_urls(page) == []
    assert page.count('<section') >= 10
    assert "_static/reveal/dist/reveal.js" in page and (tmp_path / "_static/reveal/dist/reveal.js").exists()
    assert (tmp_path / "_static/mathjax/MathJax.js").exists()
    assert "application/vnd.jupyter.widget-view+json" not in page
    # a tall slide scrolls (keyboard too), every figure says what it shows, contrast fixes are linked
    assert '<style id="nn-slide-fit"' in page and '<script id="nn-slide-scroll">' in page
    assert "No description has been provided" not in page
    assert page.count("<img") == len(re.findall(r'<img[^>]*? alt="(?:Figure|Animation|Still of the |The network at)[^"]*"',
                                                 page)) > 0
    assert '_static/a11y.css' in page and (tmp_path / "_static/a11y.css").exists()


def test_external_urls_finds_a_cdn_link():
    page = '<p>see <a href="https://example.org">this</a></p><link rel="stylesheet" href="https://cdn.x/y.css">'
    assert static_html.external_urls(page) == ['<link rel="stylesheet" href="https://cdn.x/y.css">']
    assert static_html.external_urls('<script src="//cdn.x/a.js"></script>') != []
    assert static_html.external_urls('<img src="data:image/png;base64,AAAA">') == []
