"""Notebook run times (each solution notebook top to bottom in a fresh kernel), the whole
nbval suite, and the time of ``import nn_helpers``."""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def notebook_times(paths=None):
    """{name: (kernel start seconds, run seconds)}: cells executed after the kernel is up."""
    import nbformat
    from nbclient import NotebookClient
    paths = paths or sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"))
    out = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                                resources={"metadata": {"path": str(ROOT / "notebooks")}})
        start = time.perf_counter()
        with client.setup_kernel():
            ready = time.perf_counter()
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
            done = time.perf_counter()
        out[path.stem] = (ready - start, done - ready)
    return out


def nbval_suite_time():
    """Seconds for `python -m pytest notebooks/solutions` (nbval over every solution notebook)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "notebooks/solutions", "-q"],
                          cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError("nbval suite failed:\n" + proc.stdout[-2000:])
    return elapsed


def import_time(repeats=5):
    """Median seconds of `import nn_helpers` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import nn_helpers; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(repeats)]
    return statistics.median(times)


def heavy_modules_imported():
    """Heavy packages that `import nn_helpers` pulls in (should be none)."""
    code = ("import sys, nn_helpers; print(','.join(m for m in ('matplotlib', 'sklearn', 'ipywidgets',"
            " 'torch', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]
