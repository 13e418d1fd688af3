"""Collect a class's exercise results: nbval over every submitted notebook, one line per exercise.

    python -m tools.collect_results submissions/                   # a table on the screen
    python -m tools.collect_results submissions/ --csv results.csv  # and a CSV for the grade book

``submissions/`` holds one folder per student, each with the learner notebooks they handed in
(``submissions/alice/05_cost_functions.ipynb``). Each notebook is re-run from the top under nbval
(``pytest --nbval``), exactly as a learner checks it: an exercise counts as solved when its cell
and its checker cell both reproduce the expected outputs. Other failing cells are counted too (a
student who edited a cell that is not an exercise). It runs the students' code: do it in the
course's venv, on a machine (or container) where that is acceptable.
"""
import argparse
import csv
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SANITIZE = ROOT / "tests" / "sanitize.cfg"
EXERCISE_NAME = re.compile(r"Exercise (\d\d\.\d+)")
CELL = re.compile(r"^Cell (\d+)$")


@dataclass
class Result:
    """One student's notebook: [(exercise, solved)], how many other cells failed, and any error."""
    student: str
    notebook: str
    exercises: list = field(default_factory=list)
    other_failures: int = 0
    error: str = ""

    @property
    def solved(self):
        return sum(ok for _, ok in self.exercises)


def exercise_cells(nb):
    """{code-cell number (as nbval counts): exercise name} for each cell tagged ``exercise``."""
    out, code_number, name = {}, -1, None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = EXERCISE_NAME.findall(cell.source)
            name = found[-1] if found else name
            continue
        code_number += 1
        if "exercise" in cell.metadata.get("tags", []):
            out[code_number] = name or f"cell {code_number}"
    return out


def failing_cells(junit_xml):
    """Code-cell numbers whose nbval test failed or errored, from pytest's JUnit XML."""
    failed = set()
    for case in ET.parse(junit_xml).getroot().iter("testcase"):
        match = CELL.match(case.get("name", ""))
        if match and (case.find("failure") is not None or case.find("error") is not None):
            failed.add(int(match.group(1)))
    return failed


def check(path, timeout=600):
    """Run nbval on one submitted notebook; return its Result."""
    path = Path(path)
    result = Result(student=path.parent.name, notebook=path.stem)
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as err:  # noqa: BLE001 - a broken file is a result, not a crash
        result.error = f"not a readable notebook: {err}"
        return result
    exercises = exercise_cells(nb)
    if not exercises:
        result.error = "no exercise cells (tagged 'exercise') found"
        return result
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "nbval.xml"
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
                   "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(SANITIZE),
                   "--nbval-cell-timeout", "120", f"--junitxml={report}", path.name]
        try:
            subprocess.run(command, cwd=path.parent, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            result.error = f"nbval did not finish in {timeout} s"
            return result
        if not report.exists():
            result.error = "nbval did not run (no report)"
            return result
        failed = failing_cells(report)
    result.exercises = [(name, number not in failed and number + 1 not in failed)
                        for number, name in sorted(exercises.items())]
    checkers = {number + 1 for number in exercises}
    result.other_failures = len(failed - set(exercises) - checkers)
    return result


def collect(folder, log=print):
    """Results for every ``<folder>/<student>/NN_topic.ipynb``, sorted by student and notebook."""
    paths = sorted(Path(folder).glob("*/[0-9][0-9]_*.ipynb"))
    if not paths:
        raise FileNotFoundError(f"no notebooks found as {folder}/<student>/NN_topic.ipynb")
    results = []
    for path in paths:
        log(f"checking {path.parent.name}/{path.name} ...")
        results.append(check(path))
    return results


def table(results):
    rows = [("student", "notebook", "solved", "exercises", "other failing cells")]
    for r in results:
        marks = " ".join(f"{name} {'✓' if ok else '✗'}" for name, ok in r.exercises)
        rows.append((r.student, r.notebook, f"{r.solved}/{len(r.exercises)}" if not r.error else "-",
                     marks or r.error, str(r.other_failures)))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def write_csv(results, path):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "notebook", "exercise", "solved", "error"])
        for r in results:
            for name, ok in r.exercises or [("", False)]:
                writer.writerow([r.student, r.notebook, name, int(ok), r.error])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="submissions folder: <folder>/<student>/NN_topic.ipynb")
    parser.add_argument("--csv", help="also write one row per student, notebook and exercise here")
    args = parser.parse_args(argv)
    try:
        results = collect(args.folder, log=lambda m: print(m, file=sys.stderr))
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
