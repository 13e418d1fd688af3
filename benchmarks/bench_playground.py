"""How fast is the playground? Frame time, Train time and memory over many slider moves.

    python benchmarks/bench_playground.py            # about a minute
    python benchmarks/bench_playground.py --quick    # a few seconds, for CI

Targets (issue 3), for a 2-8-8-1 network, 200 points and a 100 x 100 grid on a 2-core machine:
a frame (slider move to new image) <= 50 ms median; Train (300 epochs, 60 frames) <= 3 s;
1,000 slider moves grow memory by < 50 MB and open no pyplot figures. Times are wall-clock
medians; "cpu" is this thread's CPU time, which other programs on a busy machine do not inflate.
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
    rows.append(("Train button (data, training, new figure)", *timed(lambda k: pg.train(), trains),
                 "<= 3 s"))

    def move(k):
        pg.slider.value = (7 * k) % (pg.slider.max + 1)

    rows.append(("slider move, static widget (+ JPEG)", *timed(move, frames), ""))
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
    print(f"{'what':44s} {'wall':>9s} {'cpu':>9s}   target")
    for name, wall, cpu, target in rows:
        unit, scale = ("ms", 1000) if wall < 1 else ("s", 1)
        print(f"{name:44s} {wall * scale:7.1f}{unit:>2s} {cpu * scale:7.1f}{unit:>2s}   {target}")
    print(f"{'memory growth over ' + str(moves) + ' slider moves':44s} {growth:7.1f}MB "
          f"{'':9s}   < 50 MB")
    print(f"{'new pyplot figures / too-many-figures warnings':44s} {new_figures:7d} {'0':>9s}   0")


if __name__ == "__main__":
    main()
