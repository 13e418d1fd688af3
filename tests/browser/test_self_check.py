"""A learner answers exercise 00.1 in JupyterLab, runs all, saves with Ctrl+S, and runs the self-check.

The saved file then holds the learner's own outputs (their verdict included); the self-check must
judge the answer against the course anyway: a saved wrong answer fails, a saved right answer
written the natural way (``np.mean`` without ``float``) passes.
"""
import shutil
import subprocess
import sys

import nbformat
import pytest

from .conftest import open_notebook, run_all, screenshot, wait_idle

pytestmark = pytest.mark.browser

STUB = "...  # YOUR CODE HERE"


def answer_and_save(page, path, answer):
    """Replace the stub of the notebook's exercise cell by ``answer``, Run All, Ctrl+S."""
    notebook = open_notebook(page, path)
    cell = notebook.locator(".jp-CodeCell", has_text="YOUR CODE HERE").first
    cell.locator(".cm-content").click()
    page.keyboard.press("Control+a")                 # the cell's whole text, in its editor
    source = cell.locator(".cm-content").inner_text()
    page.keyboard.insert_text(source.replace(STUB, answer))
    page.keyboard.press("Escape")
    run_all(page)
    page.keyboard.press("Control+s")
    page.locator(".jp-mod-dirty").first.wait_for(state="detached", timeout=10_000)
    wait_idle(page)
    return notebook


def self_check(path):
    """``pytest --nbval FILE`` in the file's folder, as a learner types it in a terminal."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "--nbval", "-p", "no:cacheprovider", path.name],
                          cwd=path.parent, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    return proc.returncode, proc.stdout + proc.stderr


def stored_verdicts(path):
    nb = nbformat.read(path, as_version=4)
    return " ".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_a_saved_wrong_answer_fails_and_a_saved_natural_answer_passes(page):
    root = page.lab.root / "notebooks"
    path = root / "wrong_00_start_here.ipynb"                # copies: other tests open the original
    shutil.copyfile(root / "00_start_here.ipynb", path)
    answer_and_save(page, f"notebooks/{path.name}", "return np.sum(y_true == y_pred)")
    screenshot(page, "self-check-wrong-saved")
    assert "❌ Not quite" in stored_verdicts(path)             # JupyterLab saved the learner's run
    code, output = self_check(path)
    assert code == 1, output
    assert "00_start_here: 0 of 1 exercises solved (00.1 ✗); no other cell differs" in output

    path = root / "right_00_start_here.ipynb"
    shutil.copyfile(root / "00_start_here.ipynb", path)
    answer_and_save(page, f"notebooks/{path.name}", "return np.mean(y_true == y_pred)")
    screenshot(page, "self-check-right-saved")
    assert "✅ Correct" in stored_verdicts(path)
    code, output = self_check(path)
    assert code == 0, output
    assert "00_start_here: 1 of 1 exercises solved (00.1 ✓); no other cell differs" in output
