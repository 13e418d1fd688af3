"""Print the performance table: `python -m benchmarks` (or `--quick`, as CI runs it), or, with
`--browser`, the felt-latency table of the sliders in JupyterLab (headless Chromium; bench_browser).

Targets (issue 7), on the machine it runs on:
  training : MLP.fit within 1.3x of a minimal NumPy loop; >= 1.5x faster than scikit-learn's
             MLPClassifier and >= 3x faster than PyTorch on the CPU (toy and digits tasks)
  notebooks: each <= 10 s top to bottom; the nbval suite <= 60 s
  playground: frame median <= 50 ms; Train (300 epochs, 60 frames) <= 3 s; < 50 MB over 1,000 moves
  import   : `import nn_helpers` < 0.3 s, no heavy imports
  browser  : key press on a slider -> new picture painted, median <= 100 ms and max <= 200 ms
             (issue 16; `--browser`, 20 presses, two runs; add `--quick` for 6 presses, one run)
"""
import argparse
import os
import platform
import statistics

from . import bench_notebooks, bench_training


def machine():
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.system()}")


def check(ok):
    return "met" if ok else "MISSED"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="one repeat and the cheapest measurements (CI: proves the benchmarks run)")
    parser.add_argument("--browser", action="store_true",
                        help="only the felt latency of the sliders in JupyterLab and headless Chromium")
    args = parser.parse_args(argv)
    if args.browser:
        from . import bench_browser
        print(f"machine: {machine()}\n")
        return bench_browser.main(["--quick"] if args.quick else [])
    repeats = 1 if args.quick else 7
    print(f"machine: {machine()}\n")

    print("## Training throughput (median of %d runs)\n" % repeats)
    results = bench_training.measure(repeats=repeats)
    print(bench_training.table(results))
    for task, times in results.items():
        ours = statistics.median(times["MLP.fit"])
        ratio = {c: statistics.median(t) / ours for c, t in times.items()}
        print(f"- {task}: within 1.3x of the NumPy loop: {check(1 / ratio['NumPy loop'] <= 1.3)}; "
              f">= 1.5x faster than scikit-learn: {check(ratio['scikit-learn'] >= 1.5)}"
              + (f"; >= 3x faster than PyTorch: {check(ratio['PyTorch CPU'] >= 3)}"
                 if "PyTorch CPU" in ratio else "; PyTorch not installed"))

    print("\n## Import\n")
    t = bench_notebooks.import_time(repeats=3 if args.quick else 7)
    heavy = bench_notebooks.heavy_modules_imported()
    print(f"- import nn_helpers: {t * 1000:.0f} ms (target < 300 ms: {check(t < 0.3)}); "
          f"heavy modules pulled in: {', '.join(heavy) or 'none'}")

    print("\n## Notebooks (top to bottom, after the kernel is up)\n")
    times = bench_notebooks.notebook_times()
    print("| notebook | kernel start | run | target <= 10 s |\n| --- | ---: | ---: | --- |")
    for name, (start, run) in times.items():
        print(f"| {name} | {start:.1f} s | {run:.1f} s | {check(run <= 10)} |")
    if not args.quick:
        suite = bench_notebooks.nbval_suite_time()
        print(f"\n- nbval over every solution notebook: {suite:.1f} s (target <= 60 s: {check(suite <= 60)})")

    try:
        from . import bench_playground
    except ImportError:
        return 0
    print("\n## Playground\n")
    bench_playground.main(["--quick"] if args.quick else [])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
