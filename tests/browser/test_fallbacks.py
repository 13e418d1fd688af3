"""Before a notebook is run: a learner opens their copy in JupyterLab and reads it first.

JupyterLab 4 does not trust the outputs of a notebook it did not run or sign, so it renders none
of their widget views (``application/vnd.jupyter.widget-view+json`` needs a trusted output and the
kernel's widget models, which a fresh kernel does not have). It shows each output's best *safe*
alternative instead: ``text/html`` (sanitised, ``data:`` images kept) before ``text/plain``. An
ipywidgets output carries only ``text/plain``, the widget's repr (``Explorer(children=(HBox(...``),
so the course's widgets add a fallback: a still of the picture and the sentence "Run the notebook
to move this" (explorers, 00's training replay), a drawn bar and that sentence (09's progress bar),
a sentence and a still (the playground), the question as text (quiz pads).

These tests open every learner notebook that stores a widget, without running a cell, and read
what is on screen.
"""
import json
import re

import pytest

from tests import REPO

from .conftest import OUTPUT, open_notebook, screenshot

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
RAW_REPR = re.compile(r"\b(Explorer|Playground|VBox|HBox|Box|GridBox|Stack|ToggleButtons|FloatSlider|IntSlider|"
                      r"FloatLogSlider|SelectionSlider|Dropdown|IntProgress|FloatProgress|Button|Output|Image|"
                      r"interactive|Label|HTML)\(")
SENTENCE = "Run the notebook to move this"
WIDGET = "application/vnd.jupyter.widget-view+json"


def stores_a_widget(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return any(WIDGET in o.get("data", {}) for c in cells for o in c.get("outputs", []))


NOTEBOOKS = [p.relative_to(REPO).as_posix() for p in sorted((REPO / "notebooks").glob("*.ipynb"))
             if stores_a_widget(p)]


def widget_cells(path):
    """{cell index: ("quiz", its question's first words), ("playground", None) or ("widget", None)}
    for every stored output that is a widget, read from the notebook file."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = {}
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "code" or not any(WIDGET in o.get("data", {}) for o in cell.get("outputs", [])):
            continue
        ask = re.search(r"quiz\.ask\((\d+)\)", "".join(cell["source"]))
        if ask:
            found[i] = ("quiz", question_words(cells, int(ask.group(1))))
        elif "playground" in "".join(cell["source"]).lower():
            found[i] = ("playground", None)
        else:
            found[i] = ("widget", None)
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


def test_the_notebooks_with_widgets_are_all_here():
    """Every numbered notebook but 00's first pages stores a widget (a quiz pad at least): a
    discovery that found fewer would test less without saying so."""
    assert len(NOTEBOOKS) == 12, NOTEBOOKS


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
        if kind == "widget":
            if SENTENCE not in text:
                problems.append(f"cell {index}: no {SENTENCE!r} under the widget; shows {text[:80]!r}")
            if not any(alt and alt.strip() and width > 0 for alt, width in images):
                problems.append(f"cell {index}: no still (a decoded <img> with alt text): {images}")
            else:
                screenshot(page, f"fallback-{notebook.split('/')[-1][:2]}-widget-{index}",
                           page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea"))
        elif kind == "playground":
            if "run the notebook" not in text.lower() or not any(alt and width > 0 for alt, width in images):
                problems.append(f"cell {index}: the playground's sentence or still is missing; shows {text[:80]!r}")
        elif words not in text:
            problems.append(f"cell {index}: its question ({words!r}) is not shown; shows {text[:80]!r}")
    assert problems == []
