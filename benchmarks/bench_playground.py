"""How fast is the playground? Frame time, Train time and memory over many replay moves; and,
with ``--browser``, how long its Voila page takes to show a trained picture.

    python benchmarks/bench_playground.py            # about a minute
    python benchmarks/bench_playground.py --quick    # a few seconds, for CI
    python benchmarks/bench_playground.py --browser  # + the Voila page, twice (about a minute more)

Targets (issue 3), for a 2-8-8-1 network, 200 points and a 100 x 100 grid on a 2-core machine:
a frame (slider move to new image) <= 50 ms median; Train (300 epochs, 60 frames) <= 3 s;
1,000 slider moves grow memory by < 50 MB and open no pyplot figures. Times are wall-clock
medians; "cpu" is this thread's CPU time, which other programs on a busy machine do not inflate.
The replay (issue 16) draws every frame once to a JPEG that the browser keeps: a replay move is
then a switch in the browser (benchmarks/bench_browser.py measures it as felt); "draw every frame"
is the kernel's work after a Train, done in the background once a browser shows the playground.
The Voila page (issue 16): navigation -> a trained first picture painted with Train enabled,
target <= 3 s, split into the server's part (kernel start and every cell, until the page's HTML
has arrived) and the browser's (scripts, widgets, the picture); and, in a kernel of its own
(nbclient), what each of those cells costs.
Nothing is asserted: the numbers are printed for a person (or a CI log) to read.
"""
import argparse
import os
import statistics
import time
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

from nn_helpers.widgets.playground import PlaygroundConfig, make_data, playground, record_training  # noqa: E402
from nn_helpers.widgets.playground.figure import FIGSIZE, PlaygroundFigure, new_figure  # noqa: E402
from nn_helpers.widgets.playground.widget import DPI  # noqa: E402

CONFIG = PlaygroundConfig(hidden=(8, 8), n_samples=200, epochs=300, frames=60, seed=0)


def timed(fn, repeats):
    """Median wall and thread-CPU seconds of fn() over ``repeats`` calls."""
    wall, cpu = [], []
    for k in range(repeats):
        w0, c0 = time.perf_counter(), time.thread_time()
        fn(k)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.thread_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def rss_mb():
    """This process's resident memory now, in MB (Linux /proc; else the peak from getrusage)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (for CI)")
    ap.add_argument("--browser", action="store_true", help="also time the Voila page (headless Chromium)")
    args = ap.parse_args(argv)
    frames, trains, moves = (15, 1, 200) if args.quick else (50, 3, 1000)
    rows = []

    X_train, X_test, y_train, y_test = make_data(CONFIG)
    rec = record_training(CONFIG, X_train, y_train, X_test, y_test)
    fig = new_figure(FIGSIZE, DPI)
    panels = PlaygroundFigure(fig, rec, blit=True, title=False)
    panels.show(0)
    panels.render()

    def blitted(k):                                  # what the widget does on a slider move
        panels.show(k % rec.n_frames)
        panels.render()

    def full_draw(k):                                # the whole figure, as the issue measures it
        panels.show(k % rec.n_frames)
        fig.canvas.draw()

    rows.append(("frame: show + blit (widget)", *timed(blitted, frames), "<= 50 ms"))
    rows.append(("frame: show + fig.canvas.draw()", *timed(full_draw, frames), "<= 50 ms"))
    rows.append(("record_training 300 epochs, 60 frames",
                 *timed(lambda k: record_training(CONFIG, X_train, y_train, X_test, y_test), trains),
                 "<= 3 s"))

    pg = playground(CONFIG, backend="static")
    rows.append(("Train button (data, training, first picture)", *timed(lambda k: pg.train(), trains),
                 "<= 3 s"))
    pg.train()                                       # the last frame drawn; the others:
    rows.append((f"replay: draw the other {pg.recording.n_frames - 1} frames (JPEG)",
                 *timed(lambda k: pg.replay.render_all(), 1), "in the background"))

    def move(k):
        pg.picker.value = (7 * k) % (pg.picker.max + 1)

    rows.append(("replay move, every frame drawn (the kernel's part)", *timed(move, frames), ""))
    figures_before, rss_before = plt.get_fignums(), rss_mb()
    with warnings.catch_warnings():
        warnings.simplefilter("error")               # "More than 20 figures" would raise here
        for k in range(moves):
            move(k)
    growth = rss_mb() - rss_before
    new_figures = len(plt.get_fignums()) - len(figures_before)
    pg.close()

    print(f"playground benchmark ({'quick' if args.quick else 'full'}): 2-8-8-1, "
          f"{len(X_train) + len(X_test)} points, 100 x 100 grid, figure {FIGSIZE[0] * DPI:.0f} x "
          f"{FIGSIZE[1] * DPI:.0f} px; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    print(f"{'what':52s} {'wall':>9s} {'cpu':>9s}   target")
    for name, wall, cpu, target in rows:
        unit, scale = ("ms", 1000) if wall < 1 else ("s", 1)
        print(f"{name:52s} {wall * scale:7.1f}{unit:>2s} {cpu * scale:7.1f}{unit:>2s}   {target}")
    print(f"{'memory growth over ' + str(moves) + ' replay moves':52s} {growth:7.1f}MB "
          f"{'':9s}   < 50 MB")
    print(f"{'new pyplot figures / too-many-figures warnings':52s} {new_figures:7d} {'0':>9s}   0")
    if args.browser:
        print()
        voila_report()


# ---------------------------------------------------------------------- the Voila page
NOTEBOOK = "notebooks/playground.ipynb"
# In the page: the first playground's picture decoded, its Train button enabled, "Trained" said.
READY_JS = """() => {
  const root = document.querySelector('.nn-playground');
  const img = root && root.querySelector('.widget-image');
  const train = root && [...root.querySelectorAll('button')].find(b => b.textContent.trim() === 'Train');
  const said = root && root.innerText.includes('Trained');
  if (!img || !img.complete || !img.naturalWidth || !train || train.disabled || !said) return null;
  const nav = performance.getEntriesByType('navigation')[0];
  return {ready: performance.now(), html: nav.responseEnd, first_byte: nav.responseStart};
}"""


def _bench_browser():
    """benchmarks/bench_browser.py (Chromium's path and flags), as a module or beside this script."""
    try:
        from . import bench_browser
    except ImportError:
        import bench_browser
    return bench_browser


def voila_times(runs=2):
    """Navigation -> trained first picture (ms), ``runs`` times, each a fresh page and kernel of
    ``voila notebooks/playground.ipynb`` (as the README runs it)."""
    import shutil
    import socket
    import subprocess
    import sys
    import tempfile
    import urllib.error
    import urllib.request
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    b = _bench_browser()
    CHROMIUM, FLAGS, REPO, VIEWPORT = b.CHROMIUM, b.FLAGS, b.REPO, b.VIEWPORT
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "notebooks", root / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "solutions"))
        with socket.socket() as sock:                  # a free port
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
        env.update(JUPYTER_CONFIG_DIR=str(root / ".config"), JUPYTER_RUNTIME_DIR=str(root / ".runtime"))
        server = subprocess.Popen([sys.executable, "-m", "voila", NOTEBOOK, f"--port={port}", "--no-browser",
                                   "--Voila.ip=127.0.0.1"], cwd=root, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        try:
            for _ in range(240):                       # up (a 404 for a page that is not there)
                try:
                    urllib.request.urlopen(url + "voila/static/", timeout=10).close()
                except urllib.error.HTTPError:
                    break
                except OSError:
                    time.sleep(0.25)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
                for _ in range(runs):
                    page = browser.new_page(viewport=VIEWPORT)
                    page.goto(url, wait_until="commit", timeout=120_000)
                    out.append(page.wait_for_function(READY_JS, polling="raf", timeout=120_000).json_value())
                    page.close()
                    time.sleep(1)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    return out


def cell_times():
    """[(what, wall s, kernel cpu s)]: the kernel's start, then each code cell of the playground
    notebook, run by nbclient in a kernel of its own (the work Voila does before the page shows)."""
    import nbformat
    from nbclient import NotebookClient

    REPO = _bench_browser().REPO
    nb = nbformat.read(REPO / NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(REPO / "notebooks")}})
    start = time.perf_counter()
    rows = []
    with client.setup_kernel():
        rows.append(("kernel start", time.perf_counter() - start, None))
        probe = nbformat.v4.new_code_cell("import time as __t; print(__t.process_time())")
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(probe, 0)
            before = float(probe.outputs[-1]["text"])
            wall = time.perf_counter()
            client.execute_cell(cell, index)
            wall = time.perf_counter() - wall
            client.execute_cell(probe, 0)
            first = next(line for line in cell.source.splitlines() if not line.startswith("#"))
            rows.append((f"cell {index}: {first[:40]}", wall, float(probe.outputs[-1]["text"]) - before))
    return rows


def voila_report(runs=2):
    print(f"Voila page (`voila {NOTEBOOK}`): navigation -> trained first picture, Train enabled "
          f"(target <= 3 s); load average {os.getloadavg()[0]:.1f}")
    for t in voila_times(runs):
        print(f"  {t['ready'] / 1000:5.2f} s   (server: kernel start and every cell, until the HTML is in: "
              f"{t['html'] / 1000:.2f} s; browser: scripts, widgets, the picture: "
              f"{(t['ready'] - t['html']) / 1000:.2f} s)")
    print("where the server's part goes (nbclient, a kernel of its own):")
    for what, wall, cpu in cell_times():
        print(f"  {what:52s} {wall:5.2f} s" + ("" if cpu is None else f"   kernel cpu {cpu:5.2f} s"))


if __name__ == "__main__":
    main()
