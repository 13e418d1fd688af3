"""Every notebook fits a 1366x768 laptop with JupyterLab's file browser open (issue #16, "Fits").

Each solution notebook (its outputs are the learner copy's, and it runs top to bottom without the
exercises' errors) and the playground is run in JupyterLab at 1366x768 with the file browser open,
then every output of every cell is measured in the page. An output fits when:

* nothing in it scrolls sideways: no element with ``overflow-x: auto`` or ``scroll`` (the output
  area itself whatever its overflow) is wider inside than it is (a reader would have to scroll
  sideways to see a widget, a figure or a line of text);
* nothing in it clips: no element with ``overflow-x: hidden`` or ``clip`` is wider inside than it
  is (a slider's label or a button's text cut short, a picture cut off);
* nothing in it sticks out of it: no element's right edge, and no visible overflowing text's, lies
  more than a pixel past its output area's right edge (it would be cut off, or run into the
  notebook's margin); an image confined to its box (``max-width: 100%``, as JupyterLab and
  ipywidgets show them) shrinks instead and fits;
* the notebook panel does not scroll sideways either.

JupyterLab lays cells out only near the viewport (``windowingMode: contentVisibility``), so each
cell is scrolled into view before it is measured. Problems are listed with the cell's index, the
element (tag.class in its output's MIME type) and the pixels; on a failure the first offending
cell's outputs are saved to artifacts/screenshots/fit-<notebook>.png. Each notebook's time (open,
run, settle, measure) is printed (``-s``), not asserted. The last test shows the check can fail:
a notebook that scrolls, clips and sticks out on purpose.
"""
import time
from pathlib import Path

import pytest

from .conftest import REPO, open_notebook, run_all, screenshot
from .test_harness import write_notebook

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
NOTEBOOKS = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "notebooks" / "solutions").glob("*.ipynb"))
NOTEBOOKS.append("notebooks/playground.ipynb")
SETTLE_TIMEOUT = 30  # seconds for widget views and images to stop changing after Run All
ONE_PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

# What the page measures, one cell at a time: returns [{cell, kind, element, px}, ...].
MEASURE = """async (panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const scrollsX = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const describe = (e, area) => {
    const classes = [...e.classList].filter(c => !/^(lm-|p-)/.test(c)).slice(0, 3);
    const name = e.tagName.toLowerCase() + classes.map(c => '.' + c).join('');
    const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return `${name} in ${area.dataset.mimeType || 'output'}` + (text ? ` ("${text}")` : '');
  };
  const problems = [];
  const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell')];
  for (const [index, cell] of cells.entries()) {
    if (!cell.querySelector('.jp-OutputArea-output')) continue;
    cell.scrollIntoView({block: 'start'});
    await frames();                                   // laid out now that it is in view
    for (const area of cell.querySelectorAll('.jp-OutputArea-output')) {
      const right = area.getBoundingClientRect().right;
      // this area's own elements (an Output widget's inner area is measured on its own)
      const mine = [...area.querySelectorAll('*')].filter(
        e => e.parentElement.closest('.jp-OutputArea-output') === area && shown(e));
      const scrollers = [];
      for (const e of [area, ...mine]) {
        const extra = e.scrollWidth - e.clientWidth;
        if (extra > 1 && (e === area || scrollsX(e))) {
          scrollers.push(e);
          problems.push({cell: index, kind: 'scrolls', element: describe(e, area), px: extra});
        }
      }
      for (const e of mine) {
        const extra = e.scrollWidth - e.clientWidth;
        if (extra > 1 && ['hidden', 'clip'].includes(getComputedStyle(e).overflowX)) {
          problems.push({cell: index, kind: 'clips', element: describe(e, area), px: extra});
        }
      }
      const reported = [];
      for (const e of mine) {
        if (scrollers.some(s => s !== e && s.contains(e))) continue;   // scrolled: reported above
        if (reported.some(r => r.contains(e))) continue;              // inside a reported one
        const box = e.getBoundingClientRect();
        let edge = box.right;
        if (getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1) {
          edge = Math.max(edge, box.left + e.clientLeft + e.scrollWidth);   // overflowing text
        }
        if (edge - right > 1) {
          reported.push(e);
          problems.push({cell: index, kind: 'sticks out', element: describe(e, area),
                         px: Math.round(edge - right)});
        }
      }
    }
  }
  for (const e of [panel, ...panel.querySelectorAll('.jp-Notebook, .jp-WindowedPanel-outer')]) {
    const extra = e.scrollWidth - e.clientWidth;
    if (extra > 1) problems.push({cell: null, kind: 'panel scrolls', element: describe(e, e), px: extra});
  }
  return problems;
}"""

# What changes while outputs are still arriving: elements in outputs, images decoded, heights.
SIGNATURE = """(panelSelector) => {
  const panel = document.querySelector(panelSelector);
  const images = [...panel.querySelectorAll('.jp-OutputArea-output img')];
  return [panel.querySelectorAll('.jp-OutputArea-output *').length,
          images.filter(i => i.complete && i.naturalWidth > 0).length, images.length,
          panel.querySelector('.jp-WindowedPanel-outer, .jp-Notebook').scrollHeight].join(' ');
}"""


def settle(page, timeout=SETTLE_TIMEOUT):
    """Scroll through the notebook (cells attach and widget views render near the viewport), then
    wait until its outputs stop changing for a second."""
    page.evaluate("""async (panelSelector) => {
      for (const cell of document.querySelectorAll(panelSelector + ' .jp-Notebook .jp-Cell')) {
        cell.scrollIntoView({block: 'start'});
        await new Promise(done => requestAnimationFrame(done));
      }
    }""", PANEL)
    deadline, last, same_since = time.monotonic() + timeout, None, time.monotonic()
    while time.monotonic() < deadline:
        now = page.evaluate(SIGNATURE, PANEL)
        if now != last:
            last, same_since = now, time.monotonic()
        elif time.monotonic() - same_since > 1.0:
            return
        page.wait_for_timeout(200)
    raise TimeoutError(f"outputs still changing after {timeout} s: {last}")


def measure(page):
    """Every problem in the open notebook's outputs: [{cell, kind, element, px}, ...]."""
    return page.evaluate(MEASURE, PANEL)


def report(problems):
    return "\n".join(f"cell {p['cell']}: {p['kind']} by {p['px']} px: {p['element']}" for p in problems)


def run_at_laptop_size(page, notebook):
    """Open ``notebook`` at 1366x768 with the file browser open, run it, let its outputs settle.
    Returns how long each step took, in seconds (printed, not asserted)."""
    took, started = {}, time.monotonic()
    page.set_viewport_size(LAPTOP)
    open_notebook(page, notebook)
    assert page.locator("#filebrowser").is_visible()       # the file browser is open, as it starts
    took["open"], started = time.monotonic() - started, time.monotonic()
    run_all(page)
    took["run"], started = time.monotonic() - started, time.monotonic()
    settle(page)
    took["settle"] = time.monotonic() - started
    return took


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[Path(n).stem for n in NOTEBOOKS])
def test_every_output_fits_a_laptop_with_the_file_browser_open(page, notebook):
    took = run_at_laptop_size(page, notebook)
    started = time.monotonic()
    problems = measure(page)
    took["measure"] = time.monotonic() - started
    steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in took.items())
    print(f"\n{Path(notebook).stem}: {sum(took.values()):.1f} s ({steps}), {len(problems)} problem(s)")
    if problems:
        first = next((p["cell"] for p in problems if p["cell"] is not None), 0)
        outputs = page.locator(f"{PANEL} .jp-Notebook .jp-Cell").nth(first).locator(".jp-Cell-outputArea")
        screenshot(page, f"fit-{Path(notebook).stem}", outputs)
    assert problems == [], f"{notebook} does not fit 1366x768 with the file browser open:\n{report(problems)}"


def test_the_fit_check_finds_what_scrolls_clips_and_sticks_out(page):
    """A 2,000 px wide ipywidgets HBox, a 2,000 px wide <div>, a box that scrolls its wide content,
    a box that cuts it off, an unbroken 400-character HTML line, and a picture shrunk to its box
    but with ipywidgets' 2 px side margins (the explorers' picture before #16's fix: its box
    scrolled by 4 px): each is found in its cell. What fits is not: a short line, and a printed
    400-character line (JupyterLab wraps printed text, even within a word)."""
    name = write_notebook(
        page.lab, "too-wide.ipynb",
        "import base64\n"
        "import ipywidgets as widgets\n"
        "from IPython.display import HTML\n"
        "print('a line that fits')",
        "widgets.HBox([widgets.Button(description=f'button {i}', layout=widgets.Layout(width='190px', flex='none'))\n"
        "              for i in range(10)], layout=widgets.Layout(width='2000px'))",
        "HTML('<div style=\"width: 2000px; background: #ddd\">a 2,000 px wide div</div>')",
        "HTML('<div style=\"overflow-x: auto\"><div style=\"width: 2000px\">scrolled</div></div>')",
        "HTML('<div style=\"overflow: hidden\"><div style=\"width: 2000px\">cut off</div></div>')",
        "HTML('<p style=\"white-space: nowrap; margin: 0\">' + 'x' * 400 + '</p>')",
        "print('y' * 400)",
        f"png = base64.b64decode('{ONE_PIXEL_PNG}')\n"
        "widgets.VBox([widgets.Image(value=png, format='png', layout=widgets.Layout(width='1200px'))])",
    )
    run_at_laptop_size(page, name)
    problems = measure(page)
    print("\n" + report(problems))
    found = {(p["cell"], p["kind"]) for p in problems}
    assert {cell for cell, _ in found} == {1, 2, 3, 4, 5, 7}, report(problems)
    assert {(1, "scrolls"), (3, "scrolls"), (4, "clips"), (4, "sticks out"), (7, "scrolls")} <= found, report(problems)
    assert [p["px"] for p in problems if p["cell"] == 7] == [4], report(problems)
