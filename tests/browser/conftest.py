"""Real-browser tests: headless Chromium (via Playwright) drives a JupyterLab started for the session.

Run them with ``python -m pytest -m browser tests/browser`` (the default ``pytest`` run deselects
them). The server works on a copy of ``notebooks/`` in a temporary directory, so autosave never
touches the repository, and it uses its own settings, workspaces and runtime directories.
Screenshots and the server log go to ``artifacts/`` at the repository root.

Helpers for the tests: the ``OUTPUT`` selector, ``open_notebook``, ``run_all``, ``wait_idle``, ``error_outputs``,
``stderr_outputs``, ``screenshot``, ``slider`` and ``press_slider``.
"""

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}
SERVER_START_TIMEOUT = 90  # seconds; a cold JupyterLab start on a busy 2-core machine takes ~5-15 s
RUN_ALL_TIMEOUT = 180  # seconds for "Run All Cells" to finish one notebook

# User settings the test server starts with: no news or update-check toasts, and no
# "Select Kernel" dialog (the notebook's own kernel starts by itself).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "autoStartDefaultKernel": True,
    },
}

# One output (a stream, a figure, a widget view), not an area that holds others (an ipywidgets
# Output widget puts a whole output area inside an output).
OUTPUT = ".jp-OutputArea-output:not(:has(.jp-OutputArea-output))"

# What counts as an error in an output: a traceback, an exception line, a widget that failed.
ERROR_RE = re.compile(
    r"Traceback \(most recent call last\)"
    r"|^\s*[A-Za-z_][\w.]*(Error|Exception): "
    r"|Error displaying widget",
    re.MULTILINE,
)


# ---------------------------------------------------------------- the JupyterLab server


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A running JupyterLab: its base ``url``, ``token``, ``root`` dir and ``process``."""

    def __init__(self, url, token, root, process, log_path):
        self.url, self.token, self.root, self.process, self.log_path = url, token, root, process, log_path

    def api(self, path):
        """GET ``/api/<path>`` with the token; returns the decoded JSON."""
        request = urllib.request.Request(
            f"{self.url}/api/{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)

    def shutdown_kernels(self):
        """Stop every session's kernel (a 2-core machine should not pile up idle kernels)."""
        for session in self.api("sessions"):
            request = urllib.request.Request(
                f"{self.url}/api/sessions/{session['id']}", method="DELETE",
                headers={"Authorization": f"token {self.token}"},
            )
            urllib.request.urlopen(request, timeout=10).close()

    def log_tail(self, n=40):
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])


def stop(process):
    """Stop a server the tests started, by its PID: terminate, then kill if it lingers."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """Start ``jupyter lab`` on a free port over a copy of notebooks/; stop it by PID at the end."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root = base / "root"
    shutil.copytree(
        REPO / "notebooks", root / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    settings_dir = base / "user-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))

    env = dict(os.environ)
    env.update(
        JUPYTERLAB_SETTINGS_DIR=str(settings_dir),
        JUPYTERLAB_WORKSPACES_DIR=str(base / "workspaces"),
        JUPYTER_CONFIG_DIR=str(base / "config"),  # ignore ~/.jupyter
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        IPYTHONDIR=str(base / "ipython"),  # ignore ~/.ipython startup files
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("MPLBACKEND", None)  # the kernel must use its inline backend

    port, token = _free_port(), secrets.token_hex(16)
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--allow-root",
        f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT
        )
    server = Lab(f"http://127.0.0.1:{port}", token, root, process, log_path)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited with code {process.returncode}:\n{server.log_tail()}")
            try:
                server.api("status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer in {SERVER_START_TIMEOUT} s:\n{server.log_tail()}")
                time.sleep(0.25)
        yield server
    finally:
        stop(process)


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """Debian's Chromium, headless, with a fresh user-data-dir, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: `apt-get install chromium`, or set CHROMIUM=/path/to/it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport=VIEWPORT,
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser_context, lab, request):
    """A fresh tab, logged in to the lab; on a test failure it leaves a screenshot."""
    page = browser_context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{lab.url}/lab?token={lab.token}")
    page.locator("#jp-main-dock-panel").wait_for()
    page.lab = lab
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        screenshot(page, f"FAILED-{request.node.name}")
    page.close()
    lab.shutdown_kernels()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# ---------------------------------------------------------------- helpers for the tests


def open_notebook(page, path):
    """Open ``path`` (relative to the lab root, e.g. ``notebooks/00_start_here.ipynb``), wait for its kernel.

    ``?reset`` starts from an empty workspace: only this notebook is open.
    """
    page.goto(f"{page.lab.url}/lab/tree/{path}?reset")
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    panel.wait_for()
    _dismiss_kernel_dialog(page)
    wait_idle(page, timeout=60)
    return panel


def _dismiss_kernel_dialog(page):
    """Accept a "Select Kernel" dialog if one shows (it should not: autoStartDefaultKernel is on)."""
    dialog = page.locator(".jp-Dialog")
    try:
        dialog.wait_for(timeout=1_000)
    except Exception:
        return
    dialog.locator(".jp-mod-accept").click()
    dialog.wait_for(state="detached")


def run_all(page, timeout=RUN_ALL_TIMEOUT):
    """Run > Run All Cells in the current notebook, then wait until every cell has run."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:visible .lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    wait_idle(page, timeout=timeout)


def wait_idle(page, timeout=60):
    """Wait until the kernel is idle and no cell shows ``[*]`` (queued or running)."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        status = panel.locator(".jp-Notebook-ExecutionIndicator").first.get_attribute("data-status")
        prompts = panel.locator(".jp-InputArea-prompt").all_inner_texts()
        busy = status != "idle" or any("*" in p for p in prompts)
        if busy:
            idle_since = None
        elif idle_since is None:
            idle_since = time.monotonic()
        elif time.monotonic() - idle_since > 0.5:  # idle twice in a row, half a second apart
            return
        page.wait_for_timeout(100)
    screenshot(page, "wait_idle-timeout")
    raise TimeoutError(f"notebook not idle after {timeout} s (kernel status {status!r})")


def _output_texts(page, selector):
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    return panel.locator(selector).all_inner_texts()


def error_outputs(page, allow=()):
    """Texts of outputs that show an error: a traceback, an ``XError: ...`` line, a broken widget.

    ``allow``: regexes for error texts a notebook shows on purpose (e.g. a demonstrated ValueError).
    """
    errors = []
    for text in _output_texts(page, OUTPUT):
        if ERROR_RE.search(text) and not any(re.search(a, text) for a in allow):
            errors.append(text)
    return errors


def stderr_outputs(page):
    """Texts of everything written to stderr (warnings included) in the current notebook."""
    return _output_texts(page, f'{OUTPUT}[data-mime-type="application/vnd.jupyter.stderr"]')


def screenshot(page, name, locator=None):
    """Save a screenshot of the page (or of one element) to artifacts/screenshots/<name>.png.

    JupyterLab fills the window and scrolls inside the notebook, so a page screenshot shows the
    cells in view; pass ``locator`` to capture a given output or cell instead. Returns the path.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")
    if locator is None:
        page.screenshot(path=str(path))
    else:
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(path))
    return path


def slider(page, description=None, index=0):
    """The ipywidgets slider (``.widget-slider``) whose label is ``description``, else the index-th one."""
    sliders = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-slider")
    if description is not None:
        sliders = sliders.filter(has=page.locator(".widget-label", has_text=description))
    return sliders.nth(index)


def press_slider(slider_locator, key="ArrowRight", times=1):
    """Focus the slider's handle (``.noUi-handle``), press ``key`` ``times``; return its readout text."""
    handle = slider_locator.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(times):
        handle.press(key)
    return slider_locator.locator(".widget-readout").inner_text()
