"""Grade a class: every submitted notebook re-run and judged against the course, one row per exercise.

    python -m tools.collect_results submissions/                   # a table on the screen
    python -m tools.collect_results submissions/ --csv results.csv  # and a CSV for the grade book

``submissions/`` holds one folder per student, each with the learner notebooks they handed in
(``submissions/alice/05_cost_functions.ipynb``). Each notebook is copied to a scratch folder and
re-run from the top in a fresh kernel by the course's self-check in grading mode
(``pytest --nbval --nn-grade``, see ``nn_helpers/course/selfcheck.py``): the outputs the file
stores are never looked at. An exercise counts as solved when its cell and its checker cell print
what the course's record expects. Every cell outside the exercises runs as the course wrote it,
as nbgrader restores locked cells; an edited cell is flagged, and an edited or missing checker
gives its exercise no credit. A notebook that raises is judged cell by cell; one that runs past
``--timeout`` seconds is stopped (its kernel too) and gets no credit; a file that is not a
notebook is reported. It runs the students' code: do it in the course's venv, on a machine (or
container) where that is acceptable.
"""
import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from nn_helpers.course import record

CELL_TIMEOUT = 60            # seconds for one cell (an endless loop in one exercise)
TIMEOUT = 300                # seconds for one notebook, kernel start included
EXERCISE_FLAG = re.compile(r"^\d\d\.\d+: ")   # a flag about one exercise ("07.2: checker edited ...")


@dataclass
class Result:
    """One student's notebook: [(exercise, solved)], other failing cells, flags, and any error."""
    student: str
    notebook: str
    exercises: list = field(default_factory=list)
    other_failures: int = 0
    flags: list = field(default_factory=list)
    error: str = ""

    @property
    def solved(self):
        return sum(ok for _, ok in self.exercises)


def _unsolved(course):
    return [(name, False) for name in (record.load(course) or {}).get("exercises", {})]


def check(path, timeout=TIMEOUT, cell_timeout=CELL_TIMEOUT):
    """Re-run one submitted notebook against the course; return its Result."""
    path = Path(path)
    result = Result(student=path.parent.name, notebook=path.stem)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:  # noqa: BLE001 - a broken file is a result, not a crash
        result.error = f"not a readable notebook: {str(err)[:200]}"
        return result
    course = record.course_notebook(nb.metadata, path)
    if course is None:
        result.error = "not a notebook of this course (no record for it in nn_helpers/course/records)"
        return result
    result.notebook = course
    with tempfile.TemporaryDirectory(prefix="nn-grade-") as tmp:
        copy, report, log = Path(tmp) / f"{course}.ipynb", Path(tmp) / "results.json", Path(tmp) / "pytest.log"
        shutil.copyfile(path, copy)
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval", "--nn-grade",
                   "--nbval-cell-timeout", str(cell_timeout), f"--nn-results={report}", copy.name]
        with open(log, "w", encoding="utf-8") as out:
            process = subprocess.Popen(command, cwd=tmp, stdin=subprocess.DEVNULL, stdout=out,
                                       stderr=subprocess.STDOUT, start_new_session=True)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)      # pytest and the student's kernel with it
                process.wait()
                result.exercises, result.error = _unsolved(course), f"did not finish in {timeout} s: no credit"
                return result
        found = json.loads(report.read_text(encoding="utf-8")) if report.exists() else []
        if not found:
            tail = log.read_text(encoding="utf-8", errors="replace")[-400:].strip()
            result.exercises, result.error = _unsolved(course), f"could not be run: {tail}"
            return result
    found = found[0]
    result.exercises = [(e["name"], e["solved"]) for e in found["exercises"]]
    result.other_failures = found["other_failures"]
    for e in found["exercises"]:
        if any("checker edited" in p or "missing" in p for p in e["problems"]):
            result.flags.append(f"{e['name']}: checker edited or missing, no credit")
    locked = [label for label in found["edited"] if "(checker)" not in label]
    if locked:
        result.flags.append(f"{len(locked)} locked cell{'s' if len(locked) > 1 else ''} edited (run as the course wrote them)")
    if found["missing"]:
        result.flags.append(f"{len(found['missing'])} cell(s) of the course missing")
    if found["added"]:
        result.flags.append(f"{found['added']} cell(s) added")
    return result


def collect(folder, log=print, timeout=TIMEOUT, cell_timeout=CELL_TIMEOUT):
    """Results for every ``<folder>/<student>/NN_topic.ipynb``, sorted by student and notebook."""
    paths = sorted(Path(folder).glob("*/[0-9][0-9]_*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"no notebooks found as {folder}/<student>/NN_topic.ipynb")
    results = []
    for path in paths:
        log(f"checking {path.parent.name}/{path.name} ...")
        results.append(check(path, timeout=timeout, cell_timeout=cell_timeout))
    return results


def table(results):
    rows = [("student", "notebook", "solved", "exercises", "other failing cells", "flags")]
    for r in results:
        marks = " ".join(f"{name} {'✓' if ok else '✗'}" for name, ok in r.exercises)
        rows.append((r.student, r.notebook, f"{r.solved}/{len(r.exercises)}" if r.exercises else "-",
                     marks or "-", str(r.other_failures), "; ".join(filter(None, [r.error, *r.flags]))))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def write_csv(results, path):
    """One row per student, notebook and exercise: student,notebook,exercise,solved,error,flags."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "notebook", "exercise", "solved", "error", "flags"])
        for r in results:
            for name, ok in r.exercises or [("", False)]:
                flags = [f for f in r.flags if f.startswith(f"{name}:") or not EXERCISE_FLAG.match(f)]
                writer.writerow([r.student, r.notebook, name, int(ok), r.error, "; ".join(flags)])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="submissions folder: <folder>/<student>/NN_topic.ipynb")
    parser.add_argument("--csv", help="also write one row per student, notebook and exercise here")
    parser.add_argument("--timeout", type=int, default=TIMEOUT,
                        help=f"seconds one notebook may run before it is stopped (default {TIMEOUT})")
    parser.add_argument("--cell-timeout", type=int, default=CELL_TIMEOUT,
                        help=f"seconds one cell may run before it is interrupted (default {CELL_TIMEOUT})")
    args = parser.parse_args(argv)
    try:
        results = collect(args.folder, log=lambda m: print(m, file=sys.stderr), timeout=args.timeout,
                          cell_timeout=args.cell_timeout)
    except FileNotFoundError as err:
        print(err, file=sys.stderr)
        return 2
    print(table(results))
    if args.csv:
        write_csv(results, args.csv)
        print(f"wrote {args.csv}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
