"""Before a notebook is run: a learner opens their copy in JupyterLab and reads it first.

JupyterLab 4 does not trust the outputs of a notebook it did not run or sign, so it renders none
of their widget views (``application/vnd.jupyter.widget-view+json`` needs a trusted output and the
kernel's widget models, which a fresh kernel does not have). It shows each output's best *safe*
alternative instead: ``text/html`` (sanitised, ``data:`` images kept) before ``text/plain``. An
ipywidgets output carries only ``text/plain``, the widget's repr (``Explorer(children=(HBox(...``),
so the course's explorers and quiz pads add a fallback: a still of the picture and the sentence
"Run the notebook to move this" (explorers), the question as text (quiz pads).

These tests open stored learner notebooks without running a cell and read what is on screen.
"""
import json
import re

import pytest

from .conftest import OUTPUT, open_notebook, screenshot

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
RAW_REPR = re.compile(r"\b(Explorer|VBox|HBox|ToggleButtons|FloatSlider|IntSlider|SelectionSlider|Dropdown)\(")
SENTENCE = "Run the notebook to move this"
WIDGET = "application/vnd.jupyter.widget-view+json"
NOTEBOOKS = ["notebooks/02_the_neuron.ipynb", "notebooks/08_gradient_descent_and_training.ipynb"]


def widget_cells(path):
    """{cell index: ("quiz", its question's first words) or ("explorer", None)} for every stored
    output that is a widget, read from the notebook file."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = {}
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code" or not any(WIDGET in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        ask = re.search(r"quiz\.ask\((\d+)\)", "".join(cell["source"]))
        if ask:
            found[i] = ("quiz", question_words(cells, int(ask.group(1))))
        elif "explorer" in "".join(cell["source"]):
            found[i] = ("explorer", None)
    return found


def question_words(cells, number):
    """The words a quiz question starts with, up to its first formula (typeset text differs)."""
    for cell in cells:
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and text.startswith(f"**Question {number}.**"):
            prompt = text.split("**", 2)[2].strip().split("\n")[0]
            return prompt.split("$")[0].strip()
    raise AssertionError(f"no markdown cell holds question {number}")


def shown(page, index):
    """(the texts of cell ``index``'s outputs, what its <img>s are: (alt, decoded width))."""
    cell = page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(index)
    cell.scroll_into_view_if_needed()
    images = [(img.get_attribute("alt"), img.evaluate("i => i.decode().then(() => i.naturalWidth, () => 0)"))
              for img in cell.locator(f"{OUTPUT} img").all()]
    return texts(cell.locator(OUTPUT)), images


def texts(outputs):
    """The outputs' text (``textContent``: cells JupyterLab has not laid out yet count too)."""
    return outputs.evaluate_all("nodes => nodes.map(n => n.textContent)")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_an_unrun_notebook_shows_stills_and_questions_not_reprs(page, notebook):
    cells = widget_cells(page.lab.root / notebook)
    assert cells, f"{notebook} stores no widget output"
    open_notebook(page, notebook)
    page.wait_for_timeout(1500)                                  # outputs render after the cells
    raw = [t for t in texts(page.locator(f"{PANEL} {OUTPUT}")) if RAW_REPR.search(t)]
    problems = [f"raw repr on screen: {t[:80]!r}" for t in raw]
    for index, (kind, words) in cells.items():
        found, images = shown(page, index)
        text = " ".join(found)
        if kind == "explorer":
            if SENTENCE not in text:
                problems.append(f"cell {index}: no {SENTENCE!r} under the explorer; shows {text[:80]!r}")
            if not any(alt and alt.strip() and width > 0 for alt, width in images):
                problems.append(f"cell {index}: no still (a decoded <img> with alt text): {images}")
            else:
                screenshot(page, f"fallback-{notebook.split('/')[-1][:2]}-explorer-{index}",
                           page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea"))
        elif words not in text:
            problems.append(f"cell {index}: its question ({words!r}) is not shown; shows {text[:80]!r}")
    assert problems == []
