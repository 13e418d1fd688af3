"""The browser helpers themselves: each check must be able to fail, and the widget helper must work."""

import nbformat
import pytest

from .conftest import OUTPUT, error_outputs, open_notebook, press_slider, run_all, screenshot, slider

pytestmark = pytest.mark.browser


def write_notebook(lab, name, *sources):
    """Write a notebook of code cells into the lab's root (a temporary copy, never the repository)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nbformat.write(notebook, lab.root / name)
    return name


def test_error_outputs_finds_a_traceback(page):
    """The no-error assertions elsewhere are only worth something if error_outputs() can fail."""
    name = write_notebook(page.lab, "broken.ipynb", "print('before')", "1 / 0", "print('after')")
    open_notebook(page, name)
    run_all(page)
    errors = error_outputs(page)
    assert len(errors) == 1 and "ZeroDivisionError" in errors[0], errors


def test_press_slider_moves_an_ipywidgets_slider(page):
    name = write_notebook(
        page.lab, "slider.ipynb",
        "import ipywidgets as widgets\n"
        "weight = widgets.IntSlider(value=3, min=0, max=10, description='weight')\n"
        "shown = widgets.Output()\n"
        "def show(change):\n"
        "    shown.clear_output()\n"
        "    with shown:\n"
        "        print(f\"weight is {change['new']}\")\n"
        "weight.observe(show, 'value')\n"
        "widgets.VBox([weight, shown])",
    )
    notebook = open_notebook(page, name)
    run_all(page)
    assert error_outputs(page) == []
    assert press_slider(slider(page, "weight"), "ArrowRight", times=2) == "5"
    notebook.locator(OUTPUT, has_text="weight is 5").wait_for()  # the kernel saw it
    assert press_slider(slider(page, "weight"), "ArrowLeft") == "4"
    notebook.locator(OUTPUT, has_text="weight is 4").wait_for()
    screenshot(page, "harness-slider", slider(page, "weight"))
