"""A class on JupyterHub, measured: 1, then 5, then 10 students run notebook 08 at the same time.

A real JupyterHub (tests/hub/hub.py) serves simulated students (tests/hub/student.py). Every
student of a class logs in through the hub's REST API, starts a server, clicks the lecturer's
nbgitpuller link (a bare git clone of this course, made by the test), and then, all together,
runs the solution copy of notebook 08 top to bottom in a kernel of their own server. Every code
cell's text output must equal the course's record; no request may fail.

Printed (and written to artifacts/hub.json): per class size, the median and maximum completion
time (kernel requested -> last cell done), the median and maximum peak memory per student
(single-user server + kernel, VmHWM), the kernel's CPU seconds (what the notebook costs), the
median server start and nbgitpuller clone times, and the hub + proxy's peak memory.
Timings and memory are printed, never asserted. Run with ``python -m pytest -m hub tests/hub``.
"""

import json
import os
import platform
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import psutil
import pytest

from nn_helpers.course import record
from tests.hub.hub import ARTIFACTS, peak_rss_mb
from tests.hub.student import NOTEBOOK, PULL_TIMEOUT, SPAWN_TIMEOUT, Student, peak_memory

pytestmark = pytest.mark.hub

CLASS_SIZES = (1, 5, 10)
STOP_TIMEOUT = 90      # seconds for a class's servers to stop


def roster(size):
    return [f"class{size:02d}-student{i:02d}" for i in range(1, size + 1)]


def cpu_seconds(processes):
    total = 0.0
    for proc in processes:
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def teach(hub, names, repo_url):
    """One class: every student's session, at the same time. Returns (results, class summary)."""
    together = threading.Barrier(len(names))

    def measure(result):
        server = hub.server_processes()[result.name]
        result.server_peak_mb, result.kernel_peak_mb = peak_memory(server)
        result.server_cpu_s = cpu_seconds([server])
        result.kernel_cpu_s = cpu_seconds(server.children(recursive=True))

    def session(name):
        student = Student(hub, name, repo_url)
        try:
            student.log_in()
            student.start_server()
            student.follow_link()
            notebook = student.pulled_notebook()
            together.wait(timeout=SPAWN_TIMEOUT + PULL_TIMEOUT)    # then all run notebook 08 at once
            student.run_notebook(notebook, measure)
        except threading.BrokenBarrierError:
            student.result.error = "stopped: another student of this class failed first"
        except Exception as error:                                  # noqa: BLE001 (reported below)
            student.result.error = f"{type(error).__name__}: {error}"
            together.abort()
        finally:
            student.close()
        return student.result

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=len(names)) as pool:
        results = list(pool.map(session, names))
    wall = time.monotonic() - start
    hub_mb = peak_rss_mb(hub.process.pid)
    proxy_mb = peak_rss_mb(hub.proxy_pid()) if hub.proxy_pid() else None
    stop_servers(hub, names)
    return results, {"students": len(names), "wall_s": wall, "hub_peak_mb": hub_mb, "proxy_peak_mb": proxy_mb}


def stop_servers(hub, names):
    for name in names:
        hub.api("DELETE", f"/users/{name}/server")
    deadline = time.monotonic() + STOP_TIMEOUT
    waiting = set(names)
    while waiting and time.monotonic() < deadline:
        waiting = {name for name in waiting if hub.api("GET", f"/users/{name}").json().get("servers")}
        time.sleep(0.5)
    assert not waiting, f"servers still running {STOP_TIMEOUT} s after the hub was asked to stop them: {sorted(waiting)}"


def summary_row(results, summary):
    ok = [r for r in results if r.error is None and r.run_s is not None]

    def stat(values, how):
        values = [v for v in values if v is not None]
        return round(how(values), 1) if values else None

    return {**summary, "finished": len(ok),
            "run_median_s": stat([r.run_s for r in ok], statistics.median),
            "run_max_s": stat([r.run_s for r in ok], max),
            "peak_median_mb": stat([r.peak_mb for r in ok], statistics.median),
            "peak_max_mb": stat([r.peak_mb for r in ok], max),
            "server_median_mb": stat([r.server_peak_mb for r in ok], statistics.median),
            "kernel_median_mb": stat([r.kernel_peak_mb for r in ok], statistics.median),
            "kernel_cpu_median_s": stat([r.kernel_cpu_s for r in ok], statistics.median),
            "server_cpu_median_s": stat([r.server_cpu_s for r in ok], statistics.median),
            "spawn_median_s": stat([r.spawn_s for r in ok], statistics.median),
            "pull_median_s": stat([r.pull_s for r in ok], statistics.median),
            "hub_proxy_mb": stat([summary["hub_peak_mb"], summary["proxy_peak_mb"]], sum)}


def table(rows):
    head = ("students", "time median s", "time max s", "peak MB median", "peak MB max",
            "kernel CPU s median", "hub+proxy MB", "spawn s median", "pull s median")
    keys = ("students", "run_median_s", "run_max_s", "peak_median_mb", "peak_max_mb",
            "kernel_cpu_median_s", "hub_proxy_mb", "spawn_median_s", "pull_median_s")
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    for row in rows:
        lines.append(" | ".join(f"{row[k]!s:>{len(h)}}" for k, h in zip(keys, head)))
    return "\n".join(lines)


def test_a_class_runs_notebook_08_on_jupyterhub(hub_factory, course_remote, capsys):
    classes = {size: roster(size) for size in CLASS_SIZES}
    everyone = [name for names in classes.values() for name in names]
    started = time.monotonic()
    load_before = os.getloadavg()
    hub = hub_factory()
    created = hub.api("POST", "/users", json={"usernames": everyone})
    assert created.status_code == 201, f"creating the students: HTTP {created.status_code} {created.text}"

    rows, students, failures = [], [], []
    for size, names in classes.items():
        results, summary = teach(hub, names, course_remote)
        rows.append(summary_row(results, summary))
        students += [r.as_dict() for r in results]
        failures += [f"{r.name}: {r.error}" for r in results if r.error]
        failures += [f"{r.name}: cell {m['cell']} differs from the course\n  expected: {m['expected'][:300]}"
                     f"\n  got:      {m['got'][:300]}" for r in results for m in r.mismatches]
        if failures:
            break                                 # the next, larger class would fail the same way

    report = {"notebook": NOTEBOOK, "classes": rows, "students": students,
              "machine": {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
                          "load_average_before": load_before, "python": platform.python_version()},
              "total_s": round(time.monotonic() - started, 1)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "hub.json").write_text(json.dumps(report, indent=1) + "\n")
    with capsys.disabled():
        print(f"\nNotebook {NOTEBOOK} on JupyterHub, every student at once "
              f"({os.cpu_count()} CPUs, load before {load_before[0]:.1f}; {report['total_s']} s in all):")
        print(table(rows))

    assert not failures, "\n".join(failures)
    code_cells = len(record.load(NOTEBOOK)["cells"])
    for row, size in zip(rows, CLASS_SIZES, strict=True):
        assert row["finished"] == size
    for r in students:
        assert r["cells"] == code_cells and r["compared"] > 0, r
