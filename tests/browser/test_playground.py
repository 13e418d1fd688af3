"""The training playground works for a person, in JupyterLab and as a Voila page.

JupyterLab: the network trains, the replay picker (a menu of the recorded epochs) switches the
picture from the keyboard, Train retrains; the playground fits a 1366x768 laptop with the file
browser open and grows on a 1920x1080 projector; before the notebook runs, its stored output shows
a sentence and a picture. Voila: the playground is the first thing on the page, Load's message
sits under the Load button, and the help speaks of what the rows say. (Timings are not asserted:
``python -m benchmarks.bench_playground --browser`` measures the Voila page, ``bench_browser``
the replay.) Keyboard use and axe-core: test_playground_a11y.py.
"""
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request

import nbformat
import pytest

from .conftest import (ARTIFACTS, REPO, _free_port, error_outputs, open_notebook, run_all,
                       screenshot, stderr_outputs, stop, wait_idle)

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/playground.ipynb"
PLAYGROUND = ".nn-playground"          # the playground's outermost box (the first one on the page)
READY = ".nn-replay-ready"             # its pictures, once every frame is in the browser


def picture(scope):
    """The first playground's picture on show (an <img>; the others wait in the browser)."""
    image = scope.locator(PLAYGROUND).first.locator(".widget-image").first
    image.wait_for()
    return image


def pixels(scope):
    image = picture(scope)
    image.scroll_into_view_if_needed()
    return image.screenshot()


def wait_for_new_pixels(page, scope, before, timeout_s=20):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        now = pixels(scope)
        if now != before:
            return now
    raise AssertionError("the playground's picture did not change")


def epoch_shown(scope):
    """The epoch the picture on show says it is (its text alternative names it)."""
    return int(re.match(r"The network at epoch (\d+) of", picture(scope).get_attribute("title")).group(1))


def wait_for_epoch(page, condition, timeout_s=30):
    """Wait until the first playground shows a decoded picture whose epoch meets ``condition``
    (a JavaScript expression in ``epoch``); returns that epoch."""
    return page.wait_for_function(f"""() => {{
        const img = document.querySelector('{PLAYGROUND} .widget-image');
        const found = img && img.complete && img.naturalWidth > 0 && /epoch (\\d+) of/.exec(img.title);
        const epoch = found ? Number(found[1]) : null;
        return found && ({condition}) ? {{epoch}} : null; }}""", timeout=timeout_s * 1000).json_value()["epoch"]


def replay_and_retrain(page, scope):
    """Replay from the keyboard (ArrowDown: one frame back; 0: the untrained network), then retrain
    with another seed: each changes the picture. (A page may show a second, classroom playground:
    these act on the first.)"""
    first = scope.locator(PLAYGROUND).first
    first.locator(".widget-html", has_text="Trained").first.wait_for(timeout=60_000)
    last = wait_for_epoch(page, "epoch > 0")
    trained = pixels(scope)
    replay = first.get_by_role("spinbutton", name="replay")
    replay.focus()
    page.keyboard.press("ArrowDown")                       # one frame back
    assert 0 < wait_for_epoch(page, f"epoch < {last}") < last
    page.keyboard.press("Control+A")
    page.keyboard.type("0")                                # the untrained network
    wait_for_epoch(page, "epoch === 0")
    first_frame = pixels(scope)
    assert first_frame != trained
    assert first.locator(".widget-html", has_text="epoch 0 of").first.is_visible()   # its caption
    seed = first.get_by_role("spinbutton", name="seed")
    seed.fill("3")
    seed.press("Enter")
    changed = first.locator(".widget-html", has_text="Settings changed")
    changed.wait_for()
    first.get_by_role("button", name="Train").click()
    changed.wait_for(state="detached", timeout=60_000)     # replaced by "Trained ..."
    wait_for_epoch(page, f"epoch === {last}", timeout_s=60)
    wait_for_new_pixels(page, scope, trained, timeout_s=60)   # seed 3's last frame, not seed 0's
    return first_frame


def layout(page):
    """How the first playground sits in its output area: overflow, its parts' right edges, the
    picture's width, the replay picker's height (one line of text)."""
    return page.evaluate("""(selector) => {
      const root = document.querySelector(selector);
      const area = root.closest('.jp-OutputArea-output') || root.parentElement;
      const right = area.getBoundingClientRect().right;
      const parts = [...root.querySelectorAll('*')].filter(e => e.getClientRects().length);
      const sticking = parts.filter(e => e.getBoundingClientRect().right > right + 1)
                            .map(e => `${e.className || e.tagName} ${e.getBoundingClientRect().right} > ${right}`);
      const caption = [...root.querySelectorAll('.widget-html')].find(e => /epoch \\d+ of \\d+ ·/.test(e.textContent));
      const line = caption.querySelector('span');
      return {scroll: area.scrollWidth, client: area.clientWidth, sticking: sticking.slice(0, 5),
              picture: root.querySelector('.widget-image').getBoundingClientRect().width,
              caption_lines: line.getClientRects().length,
              caption_clipped: caption.scrollWidth > caption.clientWidth + 1};
    }""", PLAYGROUND)


def fits(measured):
    """Nothing sticks out of the output area, and the epoch line is one line, not cut."""
    return (measured["scroll"] <= measured["client"] and not measured["sticking"]
            and measured["caption_lines"] == 1 and not measured["caption_clipped"])


def test_playground_in_jupyterlab_trains_replays_and_fits_a_laptop_and_a_projector(page):
    page.set_viewport_size({"width": 1366, "height": 768})
    notebook = open_notebook(page, NOTEBOOK)
    assert page.locator("#filebrowser").is_visible()       # the file browser is open, as it starts
    run_all(page)
    notebook.locator(READY).first.wait_for(timeout=60_000)
    laptop = layout(page)
    assert fits(laptop), str(laptop)
    picture(notebook).scroll_into_view_if_needed()
    page.wait_for_timeout(500)                             # JupyterLab paints the cells scrolled to
    screenshot(page, "playground-1366-file-browser-open")
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(500)
    projector = layout(page)
    assert fits(projector), str(projector)
    assert projector["picture"] > laptop["picture"] + 200, (laptop, projector)   # it grows
    picture(notebook).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    screenshot(page, "playground-1920")
    page.set_viewport_size({"width": 1366, "height": 768})
    replay_and_retrain(page, notebook)
    wait_idle(page)
    assert error_outputs(page) == [] and stderr_outputs(page) == []
    screenshot(page, "playground-jupyterlab")


def test_the_fit_check_fails_on_a_fixed_width_playground(page):
    """The old playground was a fixed 945 px picture under ~936 px of controls: at 1366x768 with
    the file browser open it stuck out of its output area; ``fits`` says so."""
    page.set_viewport_size({"width": 1366, "height": 768})
    notebook = open_notebook(page, NOTEBOOK)
    run_all(page)
    notebook.locator(READY).first.wait_for(timeout=60_000)
    page.evaluate("""(selector) => { const root = document.querySelector(selector);
        root.style.maxWidth = 'none'; root.style.width = '1000px'; }""", PLAYGROUND)
    assert not fits(layout(page))


def test_before_the_notebook_runs_its_output_shows_a_sentence_and_a_picture(page):
    """What the notebook stores for a playground (the widget, and for a page without its kernel
    HTML, a JPEG and text): JupyterLab 4, which cannot draw a widget whose model is gone, shows
    the HTML: the sentence and the picture, with its text alternative."""
    from nn_helpers.widgets.playground import PlaygroundConfig, playground

    pg = playground(PlaygroundConfig(n_samples=60, epochs=20, frames=4), backend="static")
    bundle = pg._repr_mimebundle_()
    pg.close()
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell("playground()", execution_count=1, outputs=[
        nbformat.v4.new_output("execute_result", data=bundle, execution_count=1)])]
    nbformat.write(notebook, page.lab.root / "stored.ipynb")
    panel = open_notebook(page, "stored.ipynb")
    output = panel.locator(".jp-OutputArea-output").first
    output.get_by_text("Run the notebook to train networks").wait_for()
    image = output.locator("img")
    assert image.get_attribute("alt").startswith("The network at epoch 20 of 20")
    assert image.evaluate("img => img.complete && img.naturalWidth") == 630
    assert "Training playground (an interactive widget" not in output.inner_text()   # not the plain text
    screenshot(page, "playground-before-run", output)


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory):
    """`voila notebooks/playground.ipynb` on a free port over a copy of notebooks/; stopped by PID."""
    root = tmp_path_factory.mktemp("voila")
    shutil.copytree(REPO / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "solutions"))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(JUPYTER_CONFIG_DIR=str(root / ".config"), JUPYTER_RUNTIME_DIR=str(root / ".runtime"))
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "voila.log", "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "voila", NOTEBOOK, f"--port={port}", "--no-browser",
                                    "--Voila.ip=127.0.0.1"], cwd=root, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(240):
            if process.poll() is not None:
                pytest.fail(f"voila exited with code {process.returncode}; see artifacts/voila.log")
            try:
                urllib.request.urlopen(url + "voila/static/", timeout=60).close()
            except urllib.error.HTTPError:
                break                                      # it answers (404: no such page)
            except OSError:
                time.sleep(0.25)
                continue
            break
        yield url
    finally:
        stop(process)


def open_voila(browser_context, url):
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url, timeout=120_000)
    page.locator(READY).first.wait_for(timeout=120_000)
    return page


def test_playground_as_a_voila_page_trains_and_replays(browser_context, voila_url):
    page = open_voila(browser_context, voila_url)
    try:
        body = page.locator("body")
        replay_and_retrain(page, body)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert "Traceback" not in body.inner_text()
        screenshot(page, "playground-voila")
    finally:
        page.close()


def test_the_voila_page_opens_on_the_playground_and_says_things_where_they_belong(browser_context, voila_url):
    page = open_voila(browser_context, voila_url)
    try:
        playground = page.locator(PLAYGROUND).first
        top = playground.bounding_box()["y"]
        above = page.evaluate("""(top) => [...document.querySelectorAll('.jp-RenderedMarkdown')]
            .filter(e => e.getBoundingClientRect().bottom <= top).map(e => e.innerText).join(' ')""", top)
        assert top < 200 and len(above) < 400, (top, above)        # a title and a sentence, no more
        screenshot(page, "playground-voila-top")
        # Load's message comes under the Load button, not by Train ~600 px above
        playground.get_by_role("textbox", name="setup").fill("lr=abc")
        load = playground.get_by_role("button", name="Load")
        load.click()
        message = playground.locator(".widget-html", has_text="Could not load that setup")
        message.wait_for()
        button, said = load.bounding_box(), message.bounding_box()
        assert 0 <= said["y"] - (button["y"] + button["height"]) < 40, (button, said)
        screenshot(page, "playground-voila-load-message", playground.locator(".widget-vbox").last)
        # the help speaks of what the rows say, and of nothing only JupyterLab has
        text = page.locator("body").inner_text()
        assert "your points" in playground.inner_text()
        assert re.search(r"under your points, choose a class", text), "the help should name the row"
        for words in ("click adds", "next cell", "file browser", "Ctrl+B"):
            assert words not in text, words
    finally:
        page.close()
