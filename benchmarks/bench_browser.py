"""Felt latency in a real browser: key press on a slider -> the new picture painted.

``python -m benchmarks --browser`` (or ``python -m benchmarks.bench_browser``) starts JupyterLab on
a copy of notebooks/ (127.0.0.1, a token), opens it in headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright), runs a notebook, focuses a slider's handle and presses an
arrow key ``moves`` times, waiting after each press until the picture has been quiet for 400 ms.

For each press the probe records, in the page, the keydown time and then:

* ``message``: the kernel's new picture reached the widget (``URL.createObjectURL`` of an
  ``ipywidgets.Image``'s bytes; ipympl's canvas: the first draw). keydown -> message is the
  slider's comm message to the kernel, the kernel's draw and encode, and the reply.
* ``decoded``: the ``<img>`` whose ``src`` changed has decoded its PNG.
* ``painted``: the first animation frame after that has been composited (a task queued from
  ``requestAnimationFrame`` runs after the frame's paint): what a person sees.

It prints median and maximum of keydown -> painted, and the medians of each part. A "burst" row
presses the key 8 times, 30 ms apart (a key held down), and reports keydown of the last press ->
the last picture painted: with the latest value winning, the kernel does not draw the 7 stale
values first.

``--baseline FOLDER`` measures a second ``nn_helpers`` too (the kernels import it from FOLDER, e.g.
an older checkout), before and after taking turns, each row with the machine's load average.

Timings are printed, never asserted (a person's 100 ms is a target, not a test).
"""
import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# Installed in the page before the first press: the times of one key press's events.
PROBE = """() => {
  if (window.__felt) return;
  const felt = window.__felt = {t0: null, message: [], decoded: [], painted: []};
  const afterPaint = (list) => requestAnimationFrame(() => {
    const channel = new MessageChannel();               // runs after this frame is painted
    channel.port1.onmessage = () => list.push(performance.now());
    channel.port2.postMessage(0);
  });
  document.addEventListener('keydown', () => {
    felt.t0 = performance.now(); felt.message = []; felt.decoded = []; felt.painted = [];
  }, true);
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    if (felt.t0 !== null) felt.message.push(performance.now());
    return createObjectURL.call(this, blob);
  };
  const watch = (img) => {          // an <img> whose src changed, or a new one (a Stack's child)
    if (felt.t0 === null || !img.src.startsWith('blob:')) return;
    const done = () => { felt.decoded.push(performance.now()); afterPaint(felt.painted); };
    img.decode().then(done, done);
  };
  new MutationObserver(changes => {
    for (const c of changes) {
      if (c.type === 'attributes' && c.target.tagName === 'IMG') watch(c.target);
      for (const node of c.addedNodes || []) {
        if (node.nodeType === 1) (node.tagName === 'IMG' ? [node] : [...node.querySelectorAll('img')]).forEach(watch);
      }
    }
  }).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  for (const name of ['drawImage', 'putImageData']) {            // ipympl draws on a canvas
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (...args) {
      const r = original.apply(this, args);
      if (felt.t0 !== null) {
        const now = performance.now();
        felt.message.push(now); felt.decoded.push(now); afterPaint(felt.painted);
      }
      return r;
    };
  }
}"""

# name -> (notebook, the slider's label (a regex), a click to make first (a button's text) or None)
CASES = {
    "training replay (00), epoch": ("notebooks/00_start_here.ipynb", r"^epoch$", None),
    "neuron explorer (02), w1": ("notebooks/02_the_neuron.ipynb", r"^w1$", None),
    "learning-rate explorer (08), lr": ("notebooks/08_gradient_descent_and_training.ipynb", r"^η \(lr\)$", None),
    "optimizer race (10), beta": ("notebooks/10_beyond_sgd.ipynb", r"^β \(momentum\)$", None),
    "playground replay (playground.ipynb)": ("notebooks/playground.ipynb", r"replay", "Train"),
}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(root, code=None):
    """JupyterLab over ``root`` on a free port with a token; returns (process, url, token).
    code : a folder holding another ``nn_helpers`` for its kernels to import (e.g. an older
    checkout, to measure before and after a change), or None for the installed one."""
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / ".config"), JUPYTER_RUNTIME_DIR=str(root / ".runtime"),
               JUPYTERLAB_WORKSPACES_DIR=str(root / ".workspaces"), IPYTHONDIR=str(root / ".ipython"))
    env.pop("MPLBACKEND", None)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(code), *filter(None, [env.get("PYTHONPATH")])])
    settings = root / ".settings" / "@jupyterlab"
    for name, values in {"notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True},
                         "apputils-extension/notification.jupyterlab-settings":
                             {"fetchNews": "false", "checkForUpdates": False}}.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values))
    env["JUPYTERLAB_SETTINGS_DIR"] = str(root / ".settings")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", "--allow-root",
         f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(360):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2).close()
            return process, url, token
        except OSError:
            time.sleep(0.25)
    process.kill()
    raise RuntimeError("JupyterLab did not start in 90 s")


def _wait_idle(page, timeout_s=240, quiet_s=1.0):
    panel = page.locator(PANEL)
    idle_since, deadline = None, time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        status = panel.locator(".jp-Notebook-ExecutionIndicator").first.get_attribute("data-status")
        busy = status != "idle" or any("*" in p for p in panel.locator(".jp-InputArea-prompt").all_inner_texts())
        idle_since = None if busy else (idle_since or time.monotonic())
        if idle_since and time.monotonic() - idle_since > quiet_s:
            return
        page.wait_for_timeout(100)
    raise TimeoutError(f"the notebook was still busy after {timeout_s} s")


def _run_all(page):
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:visible .lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    _wait_idle(page)


def _slider(page, label):
    return page.locator(f"{PANEL} .widget-slider").filter(
        has=page.locator(".widget-label", has_text=re.compile(label))).first


def _control(page, label):
    """What the keys go to, and the keys that move it (forward, back), starting away from the end
    it is at: an ipywidgets slider's handle (Right, Left), or a number box (Up, Down; the
    playground's replay picker)."""
    slider = _slider(page, label)
    if slider.count():
        target, keys, now, top = slider.locator(".noUi-handle").first, ("ArrowRight", "ArrowLeft"), "aria-valuenow", "aria-valuemax"
        at_end = target.get_attribute(now) == target.get_attribute(top)
    else:
        target, keys = page.locator(PANEL).get_by_role("spinbutton", name=re.compile(label)).first, ("ArrowUp", "ArrowDown")
        at_end = target.input_value() == target.get_attribute("max")
    return target, (keys[::-1] if at_end else keys)


def _felt(page):
    return page.evaluate("() => ({...window.__felt})")


def _wait_quiet(page, settle_ms=400, give_up_s=5.0):
    """Poll until the last paint is ``settle_ms`` old; returns the probe's record (or None)."""
    last, quiet_since, start = None, time.monotonic(), time.monotonic()
    while True:
        page.wait_for_timeout(20)
        felt = _felt(page)
        if felt["painted"] and felt["painted"][-1] != last:
            last, quiet_since = felt["painted"][-1], time.monotonic()
        if last is not None and time.monotonic() - quiet_since > settle_ms / 1000:
            return felt
        if last is None and time.monotonic() - start > give_up_s:
            return None                                         # nothing painted: not counted


def _presses(page, label, moves):
    """Press ArrowRight (then ArrowLeft) ``moves`` times on the slider, one at a time (from the
    end it is at: the playground's replay starts at its last frame); return one record per
    painted press: keydown -> message, decoded, painted (ms)."""
    handle, (forward, back) = _control(page, label)
    handle.scroll_into_view_if_needed()
    page.evaluate(PROBE)
    handle.focus()
    out = []
    for i in range(moves):
        page.keyboard.press(forward if (i // 5) % 2 == 0 else back)   # stay in range
        felt = _wait_quiet(page)
        if felt is not None:
            t0 = felt["t0"]
            out.append({part: felt[part][-1] - t0 for part in ("message", "decoded", "painted")
                        if felt[part]})
    return out


def _burst(page, label, presses=8, gap_ms=30):
    """Press the key ``presses`` times ``gap_ms`` apart (a held key); return last keydown -> last
    picture painted (ms), or None."""
    handle, (forward, back) = _control(page, label)
    handle.focus()
    for key in (back, forward):
        for _ in range(presses):
            page.keyboard.press(key)
            page.wait_for_timeout(gap_ms)
        felt = _wait_quiet(page, settle_ms=600)
    return None if felt is None else felt["painted"][-1] - felt["t0"]


def measure(moves=20, cases=CASES, burst=True, code=None):
    """{case: {"presses": [record, ...], "burst": ms}} for each case, one JupyterLab, one Chromium
    (its kernels importing ``nn_helpers`` from ``code``, if given: see ``start_lab``)."""
    from playwright.sync_api import sync_playwright
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        process, url, token = start_lab(root, code)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
                for name, (notebook, label, click) in cases.items():
                    page = browser.new_page(viewport=VIEWPORT)
                    page.goto(f"{url}/lab/tree/{notebook}?reset&token={token}")
                    page.locator(PANEL).wait_for(timeout=90_000)
                    _wait_idle(page, quiet_s=2.0)
                    _run_all(page)
                    if click:
                        page.locator(f"{PANEL} button", has_text=click).first.click()
                        _wait_enabled(page, label)
                        _wait_idle(page)
                    results[name] = {"presses": _presses(page, label, moves),
                                     "burst": _burst(page, label) if burst else None}
                    page.close()
                    _shutdown_kernels(url, token)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=20)
    return results


def _shutdown_kernels(url, token):
    with urllib.request.urlopen(f"{url}/api/sessions?token={token}", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(f"{url}/api/sessions/{session['id']}?token={token}", method="DELETE")
        urllib.request.urlopen(request, timeout=10).close()


def _wait_enabled(page, label, timeout_s=60):
    """Wait until the slider (or number box) works; the playground's, until every frame of the
    replay is in the browser (``.nn-replay-ready``: the steady state a replay is felt in)."""
    slider = _slider(page, label)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if slider.locator(".noUi-handle").count() and not slider.locator("[disabled]").count():
            return
        if page.locator(f"{PANEL} .nn-replay-ready").count():
            return
        page.wait_for_timeout(200)


def table(rows):
    """A Markdown table; rows: (slider, code, run, result) with result as ``measure`` gives it."""
    lines = ["| slider | code | run | presses | median | max | parts (median): message / decode / paint | "
             "held key (8 presses, 30 ms apart) | target median <= 100 ms, max <= 200 ms |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |"]
    for name, code, run, result in rows:
        records = [r for r in result["presses"] if "painted" in r]
        if not records:
            lines.append(f"| {name} | {code} | {run} | 0 | - | - | - | - | nothing painted |")
            continue
        felt = [r["painted"] for r in records]
        med, top = statistics.median(felt), max(felt)
        message = statistics.median(r.get("message", r["painted"]) for r in records)
        decoded = statistics.median(r.get("decoded", r["painted"]) for r in records)
        parts = f"{message:.0f} / {decoded - message:.0f} / {med - decoded:.0f} ms"
        held = "-" if result["burst"] is None else f"{result['burst']:.0f} ms"
        ok = "met" if med <= 100 and top <= 200 else "MISSED"
        lines.append(f"| {name} | {code} | {run} | {len(felt)} | {med:.0f} ms | {top:.0f} ms | {parts} | {held} | {ok} |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="6 presses, one run, the neuron explorer only")
    parser.add_argument("--runs", type=int, default=2, help="how many times to measure (default 2)")
    parser.add_argument("--moves", type=int, default=20, help="key presses per slider (default 20)")
    parser.add_argument("--case", action="append", default=[],
                        help="measure only the sliders whose name contains this (repeatable)")
    parser.add_argument("--baseline", metavar="FOLDER",
                        help="also measure the nn_helpers in FOLDER (e.g. an older checkout): rows 'before'")
    args = parser.parse_args(argv)
    cases = {n: c for n, c in CASES.items() if not args.case or any(s in n for s in args.case)}
    if args.quick:
        cases = {n: c for n, c in cases.items() if "neuron" in n} or cases
    runs, moves = (1, 6) if args.quick else (args.runs, args.moves)
    codes = [("before", args.baseline), ("after", None)] if args.baseline else [("this checkout", None)]
    print("## Felt latency: key press on a slider -> new picture painted (JupyterLab, headless Chromium)\n")
    rows = []
    for run in range(1, runs + 1):                       # before and after take turns: same load
        for code, folder in codes:
            load = os.getloadavg()[0]
            result = measure(moves, cases, burst=not args.quick, code=folder)
            rows += [(name, f"{code} (load {load:.1f})", run, r) for name, r in result.items()]
    print(table(rows), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
