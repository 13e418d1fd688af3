"""The training playground works for a person, in JupyterLab and as a Voila page: the network
trains, and replaying (the epoch slider) or retraining redraws the decision boundary."""
import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import (ARTIFACTS, REPO, _free_port, error_outputs, open_notebook, run_all,
                       screenshot, stderr_outputs, stop, wait_idle)

pytestmark = pytest.mark.browser
NOTEBOOK = "notebooks/playground.ipynb"


def canvas_pixels(scope):
    canvas = scope.locator(".jupyter-matplotlib canvas").first
    canvas.wait_for()
    canvas.scroll_into_view_if_needed()
    return canvas.screenshot()


def wait_for_new_pixels(page, scope, before, timeout_s=20):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(300)
        now = canvas_pixels(scope)
        if now != before:
            return now
    raise AssertionError("the playground's picture did not change")


def replay_and_retrain(page, scope):
    """Move the replay slider to the first frame, then retrain with another seed: both redraw.
    (The notebook shows a second, classroom playground further down; these act on the first.)"""
    scope.locator(".widget-html", has_text="Trained").first.wait_for(timeout=60_000)
    trained = canvas_pixels(scope)
    replay = scope.locator(".widget-slider").filter(has=page.locator(".widget-label", has_text="replay"))
    handle = replay.locator(".noUi-handle").first
    handle.focus()
    handle.press("Home")                                   # back to epoch 0: the untrained network
    first_frame = wait_for_new_pixels(page, scope, trained)
    seed = scope.locator(".widget-text", has=page.locator(".widget-label", has_text="seed")).locator("input").first
    seed.fill("3")
    seed.press("Enter")
    changed = scope.locator(".widget-html", has_text="Settings changed")   # only this playground's
    changed.wait_for()
    scope.get_by_role("button", name="Train").first.click()
    wait_for_new_pixels(page, scope, first_frame, timeout_s=60)
    changed.wait_for(state="detached", timeout=60_000)                     # replaced by "Trained ..."
    return first_frame


def test_playground_in_jupyterlab_trains_and_replays(page):
    notebook = open_notebook(page, NOTEBOOK)
    run_all(page)
    replay_and_retrain(page, notebook)
    wait_idle(page)
    assert error_outputs(page) == [] and stderr_outputs(page) == []
    screenshot(page, "playground-jupyterlab")


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
                urllib.request.urlopen(url, timeout=60).close()
                break
            except OSError:
                time.sleep(0.25)
        yield url
    finally:
        stop(process)


def test_playground_as_a_voila_page_trains_and_replays(browser_context, voila_url):
    page = browser_context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(voila_url, timeout=120_000)
        body = page.locator("body")
        replay_and_retrain(page, body)
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
        assert "Traceback" not in body.inner_text()
        screenshot(page, "playground-voila")
    finally:
        page.close()
