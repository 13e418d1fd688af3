"""Accessibility of a notebook in JupyterLab, checked by axe-core (WCAG 2.1 A and AA rules).

Notebook 02 is opened and run; axe-core (the copy ``axe-playwright-python`` bundles) checks what
the notebook puts on the page: its outputs (figures, explorer, quiz pads) and its rendered text.
It must find no violation of impact serious or critical. The results go to artifacts/axe/lab-02.json,
with a run over the whole page (JupyterLab's own interface included) beside it, for the record.

Figures: JupyterLab's image renderer gives an ``image/png`` output's ``<img>`` no alt attribute
whatever the output holds, so every course figure is also shown as ``text/html`` with alt text
(``nn_helpers.viz.alt_text``), which JupyterLab prefers: axe's image-alt rule is checked on them.
Left out of the checked part, and counted in the JSON (JupyterLab's, not the notebook's to fix):
the cell editors (CodeMirror: a textbox and a scroller with no name), the cell list (role "feed")
and the toolbar's buttons (``aria-pressed`` on a button that is not a toggle).
"""
import json

import pytest

from .conftest import ARTIFACTS, open_notebook, run_all, screenshot
from .test_harness import write_notebook

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
CONTENT = {"include": [[f"{PANEL} .jp-OutputArea"], [f"{PANEL} .jp-MarkdownOutput"]]}
AXE_DIR = ARTIFACTS / "axe"


def axe(page, context):
    """axe-core's WCAG 2.1 A/AA violations in ``context`` (an axe context: what to include and
    exclude; None: the whole page)."""
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("() => !!window.axe"):
        page.evaluate(Axe().axe_script)
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("([context, options]) => axe.run(context || document, options)",
                         [context, options])["violations"]


def blocking(violations):
    """{rule: number of elements} for the violations of impact serious or critical."""
    return {v["id"]: len(v["nodes"]) for v in violations if v["impact"] in BLOCKING}


def summary(violations):
    return [{"rule": v["id"], "impact": v["impact"], "elements": len(v["nodes"]), "help": v["help"],
             "example": v["nodes"][0]["html"][:200]} for v in violations]


def test_notebook_02_run_in_jupyterlab_has_no_serious_axe_violation(page):
    open_notebook(page, "notebooks/02_the_neuron.ipynb")
    run_all(page)
    page.wait_for_timeout(1000)                              # the explorer's naming script has run
    panel = page.locator(PANEL)
    assert panel.locator(".jupyter-widgets-error-widget").count() == 0, "a widget failed to render"
    handles = panel.locator(".noUi-handle")
    names = handles.evaluate_all("hs => hs.map(h => h.getAttribute('aria-label'))")
    assert names == ["w1", "w2", "b"], names                 # the neuron explorer's three sliders
    assert panel.locator("img.widget-image").get_attribute("alt").startswith("The neuron explorer's picture")

    found = axe(page, CONTENT)
    whole_page = axe(page, None)
    figures = panel.locator("img.nn-figure").evaluate_all("images => images.map(i => i.alt)")
    assert len(figures) >= 7 and all(alt.startswith("Figure: ") for alt in figures), figures
    assert panel.locator('.jp-RenderedImage[data-mime-type="image/png"] img').count() == 0   # none without alt
    AXE_DIR.mkdir(parents=True, exist_ok=True)
    (AXE_DIR / "lab-02.json").write_text(json.dumps({
        "notebook": "notebooks/02_the_neuron.ipynb, run in JupyterLab", "rules": TAGS, "checked": CONTENT,
        "violations": summary(found),
        "figures and their alt text": figures,
        "whole page, JupyterLab's interface included (not asserted)": summary(whole_page),
    }, indent=1, ensure_ascii=False), encoding="utf-8")
    screenshot(page, "lab-a11y-02")
    assert blocking(found) == {}


def test_the_axe_check_finds_an_unnamed_slider(page):
    """The check above can fail: a bare ipywidgets slider (no naming script) has a role="slider"
    handle with no accessible name, which axe-core reports as serious (aria-input-field-name)."""
    name = write_notebook(page.lab, "unnamed-slider.ipynb",
                          "import ipywidgets\nipywidgets.FloatSlider(description='weight')")
    open_notebook(page, name)
    run_all(page)
    page.locator(f"{PANEL} .noUi-handle").wait_for()
    assert "aria-input-field-name" in blocking(axe(page, CONTENT))


def test_the_axe_check_finds_a_figure_without_alt_text_and_none_once_viz_is_imported(page):
    """A matplotlib figure shown in JupyterLab is an <img> with no alt (axe: image-alt, critical);
    the same figure after ``import nn_helpers.viz`` is shown with its alt text."""
    plot = "fig, ax = plt.subplots(figsize=(3, 2))\nax.plot([0, 1], [1, 0])\nax.set_title('loss')\nplt.show()"
    name = write_notebook(page.lab, "figure-alt.ipynb", f"import matplotlib.pyplot as plt\n{plot}",
                          f"import nn_helpers.viz\n{plot}")
    open_notebook(page, name)
    run_all(page)
    panel = page.locator(PANEL)
    panel.locator("img.nn-figure").wait_for()
    page.wait_for_timeout(500)
    assert blocking(axe(page, {"include": [[f"{PANEL} .jp-OutputArea"]]})) == {"image-alt": 1}   # the first
    assert panel.locator('.jp-RenderedImage[data-mime-type="image/png"] img').count() == 1
    assert panel.locator("img.nn-figure").get_attribute("alt") == "Figure: loss"             # the second
