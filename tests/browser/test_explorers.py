"""The explorers work for a person: in JupyterLab, moving a slider's handle with the keyboard
redraws the picture, under both the inline backend and ipympl (%matplotlib widget)."""
import re

import pytest

from .conftest import (error_outputs, open_notebook, press_slider, run_all, screenshot, slider,
                       stderr_outputs, wait_idle)
from .test_harness import write_notebook

pytestmark = pytest.mark.browser

BACKENDS = {"inline": "%matplotlib inline", "ipympl": "%matplotlib widget"}


def picture(page, backend):
    """The explorer's picture as bytes: the PNG an Image widget holds, or the ipympl canvas's pixels."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    if backend == "inline":
        image = panel.locator("img.widget-image").first
        image.wait_for()
        return image.get_attribute("src")
    canvas = panel.locator(".jupyter-matplotlib canvas").first
    canvas.wait_for()
    page.wait_for_timeout(300)                 # let a requested repaint land
    return canvas.screenshot()


def wait_for_change(page, backend, before, timeout_ms=15000):
    for _ in range(timeout_ms // 250):
        now = picture(page, backend)
        if now != before:
            return now
        page.wait_for_timeout(250)
    raise AssertionError("the picture did not change after the slider moved")


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_neuron_explorer_redraws_when_a_slider_moves(page, backend):
    name = write_notebook(
        page.lab, f"neuron-{backend}.ipynb",
        BACKENDS[backend],
        "from nn_helpers.widgets import neuron_explorer\n"
        "explorer = neuron_explorer(dataset='and', activation='step', w1=1.0, w2=1.0, b=-1.5)\n"
        "explorer",
    )
    open_notebook(page, name)
    run_all(page)
    assert error_outputs(page) == [] and stderr_outputs(page) == []
    before = picture(page, backend)
    readout = press_slider(slider(page, re.compile(r"^b$")), "ArrowRight", times=10)
    assert readout.replace("\u2212", "-") == "-0.5"          # ipywidgets writes a true minus sign
    after = wait_for_change(page, backend, before)
    assert after != before
    wait_idle(page)                            # every queued slider step drawn
    assert error_outputs(page) == []
    screenshot(page, f"neuron-explorer-{backend}")


def test_activation_explorer_follows_its_menu(page):
    name = write_notebook(
        page.lab, "activation.ipynb",
        "from nn_helpers.widgets import activation_explorer\n"
        "explorer = activation_explorer(name='sigmoid', z=1.0)\n"
        "explorer",
    )
    open_notebook(page, name)
    run_all(page)
    before = picture(page, "inline")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) button", has_text=re.compile(r"^relu$")).click()
    wait_for_change(page, "inline", before)
    assert error_outputs(page) == [] and stderr_outputs(page) == []
    screenshot(page, "activation-explorer-relu")


def test_the_learning_rate_moves_visibly_and_the_race_sliders_line_up(page):
    """08: each arrow key press shows a new learning rate (not 0.300 -> 0.301); 10: the three
    learning-rate and momentum sliders start at one x and have one length."""
    name = write_notebook(
        page.lab, "rates.ipynb",
        "from nn_helpers.widgets import learning_rate_explorer, optimizer_explorer\n"
        "learning_rate_explorer(lr=0.3, steps=20)",
        "optimizer_explorer('valley')",
    )
    open_notebook(page, name)
    run_all(page)
    assert error_outputs(page) == []
    lr = slider(page, re.compile(r"^η \(lr\)$"))
    readouts = ["0.3"] + [press_slider(lr, "ArrowRight") for _ in range(5)]
    assert len(set(readouts)) == len(readouts), readouts
    tracks = [slider(page, re.compile(label)).locator(".noUi-target").bounding_box()
              for label in (r"^lr \(η\)$", r"^β \(momentum\)$", r"^Adam's lr$")]
    assert len({(round(t["x"]), round(t["width"])) for t in tracks}) == 1, tracks
    screenshot(page, "optimizer-race-sliders",
               page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").nth(1).locator(".widget-hbox").first)
