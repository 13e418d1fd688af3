"""Interrupting a long training (Kernel > Interrupt Kernel) leaves the playground usable.

A learner sets 5,000 epochs of one-sample steps on 1,000 points, presses Train, gets impatient
and interrupts the kernel from the menu. The playground must say so, give the Train button
back, keep showing the last finished training (its replay box still moves through it),
and train again when asked; the kernel must stay alive and no traceback may land in the notebook.
"""
import re

import pytest

from .conftest import error_outputs, open_notebook, run_all, screenshot, stderr_outputs, wait_idle
from .test_harness import write_notebook

pytestmark = pytest.mark.browser

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def menu(page, top, item):
    """Click ``top`` in JupyterLab's menu bar, then ``item`` in the menu it opens."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(rf"^{top}$")).click()
    page.locator(".lm-Menu-item:visible .lm-Menu-itemLabel", has_text=re.compile(rf"^{item}$")).click()


def test_interrupting_training_leaves_the_playground_usable(page):
    name = write_notebook(
        page.lab, "interrupt.ipynb",
        "from nn_helpers.widgets.playground import PlaygroundConfig, playground\n"
        "pg = playground(PlaygroundConfig(n_samples=1000, hidden=(16, 16, 16), batch_size=1, epochs=3, frames=3))\n"
        "pg",
        "pg.controls['epochs'].value = 5000          # far too long to wait for",
        "print(f'the kernel answers: {pg.recording.config.epochs} epochs on show')",
    )
    notebook = open_notebook(page, name)
    run_all(page)
    status = notebook.locator(".widget-html", has_text=re.compile(r"Trained|Settings changed|interrupted")).first
    status.wait_for(timeout=60_000)
    train = notebook.locator("button", has_text=re.compile(r"^\s*Train\s*$"))
    train.click()
    notebook.locator("button", has_text="Training…").wait_for(timeout=30_000)     # busy: recording frames
    page.wait_for_timeout(1_500)
    menu(page, "Kernel", "Interrupt Kernel")

    notebook.locator(".widget-html", has_text="Training interrupted").wait_for(timeout=60_000)
    train.wait_for(timeout=30_000)                                              # "Train" again, enabled
    assert train.is_enabled()
    wait_idle(page)
    screenshot(page, "playground-interrupted")

    # the last finished training is still there: the replay box moves through its 3 epochs
    replay = notebook.get_by_role("spinbutton", name="replay")
    replay.fill("0")
    replay.press("Enter")
    notebook.locator(".widget-html", has_text=re.compile(r"epoch\s+0\s+of 3")).wait_for(timeout=30_000)

    # a short training works again
    epochs = notebook.locator(".widget-text", has=page.locator(".widget-label", has_text="epochs")).locator("input")
    epochs.first.fill("20")
    epochs.first.press("Enter")
    notebook.locator(".widget-html", has_text="Settings changed").wait_for(timeout=30_000)
    train.click()
    notebook.locator(".widget-html", has_text="Trained 20 epochs").wait_for(timeout=120_000)

    # the kernel still runs cells, and nothing in the notebook shows an error
    notebook.locator(".jp-Cell").last.click()
    page.keyboard.press("Shift+Enter")
    notebook.locator(".jp-OutputArea-output", has_text="the kernel answers: 20 epochs").wait_for(timeout=30_000)
    wait_idle(page)
    assert error_outputs(page) == [] and stderr_outputs(page) == []
    screenshot(page, "playground-after-interrupt")
