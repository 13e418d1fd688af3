"""The self-check: ``pytest --nbval NN_topic.ipynb`` judges a learner's fresh run against the course.

A pytest plugin, registered by ``pip install`` (the ``pytest11`` entry point in pyproject.toml), so
it works from any folder with nothing to configure. For a course notebook (its metadata names it,
or its file name is one of the course's) it replaces nbval's reference: every cell is run in a
fresh kernel of the current environment, as nbval does, and its outputs are compared with the
course's record (``record.py``), never with the outputs stored in the learner's file (JupyterLab
saves the learner's own outputs there). An exercise is judged by its checker cell, which must print
the course's "✅ Correct" line; the exercise cell itself must run, but what it shows is the
learner's own (a list where the course shows an array, another valid shuffle). Reports name the
exercise or the section and the cell's first line, show expected and got (never an exercise's
answer), and end with one line per notebook: how many exercises are solved, how many other cells
differ, which cells were edited.

``--nn-grade`` (used by ``tools.collect_results``) runs the course's source for every cell outside
the exercises, as nbgrader restores locked cells: an edited cell is flagged, and an edited or
missing checker gives its exercise no credit. ``--nn-results FILE`` writes the results as JSON.
Other notebooks are left to nbval unchanged.
"""
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from . import record as rec

try:
    import nbformat
    from nbval.kernel import CURRENT_ENV_KERNEL_NAME, RunningKernel
    from nbval.plugin import IPyNbCell, IPyNbFile, NbCellError
except ImportError:                      # nbval not installed: nothing to take over
    IPyNbFile = None

PROPERTY = "nn_course"
ANSWER_HIDDEN = {    # what an exercise or its checker must print is the answer: a report never shows it
    "exercise": "the course's value (not shown: it is the answer; the checker cell below gives a hint)",
    "checker": "a line starting ✅ Correct (not shown in full: it contains the answer)",
}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def pytest_addoption(parser):
    group = parser.getgroup("nn_course", "Neural Networks from Scratch: checking against the course")
    group.addoption("--nn-grade", action="store_true",
                    help="grade: run the course's source in every cell outside the exercises; an edited "
                         "cell is flagged and an edited checker gives its exercise no credit")
    group.addoption("--nn-results", metavar="FILE",
                    help="write each course notebook's results (exercises solved, cells edited) as JSON")


def pytest_configure(config):
    if not hasattr(config, "workerinput"):       # the tally lives where reports arrive (xdist's controller)
        config.pluginmanager.register(Tally(config), "nn_course_tally")


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collected = yield
    if IPyNbFile is None:
        return collected
    out = []
    for collector in collected:
        if type(collector) is IPyNbFile:
            course = _course_of(file_path)
            if course:
                collector = CourseNotebook.from_parent(parent, path=file_path)
                collector.course = course
        out.append(collector)
    return out


def _course_of(path):
    try:
        metadata = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError, AttributeError):
        metadata = {}                            # unreadable: judged by its name (and reported at collection)
    return rec.course_notebook(metadata, path)


def _first_line(source):
    lines = [line.strip() for line in source.split("\n") if line.strip() and not line.strip().startswith("#")]
    line = lines[0] if lines else source.strip().split("\n")[0]
    return line if len(line) <= 60 else line[:57] + "..."


if IPyNbFile is not None:

    class CourseNotebook(IPyNbFile):
        """A course notebook: its cells are compared with the course's record, not with the file."""

        course = None

        def setup(self):
            kernel_name = self.config.option.nbval_kernel_name or CURRENT_ENV_KERNEL_NAME
            self.kernel = RunningKernel(kernel_name, cwd=str(self.fspath.dirname),
                                        startup_timeout=self.config.option.nbval_kernel_startup_timeout)

        def collect(self):
            try:
                self.nb = nbformat.read(str(self.fspath), as_version=4)
            except Exception as err:  # noqa: BLE001 - any unreadable file gets the same clear message
                raise self.CollectError(f"{self.fspath.basename} is not a readable notebook: {err}") from None
            record = rec.load(self.course)
            grading = self.config.option.nn_grade
            names = set()
            code = [c for c in self.nb.cells if c.cell_type == "code"]
            pairs, missing = rec.match_cells(code, record)
            context = {"notebook": self.course, "exercises": record["exercises"]}
            for number, (cell, expected) in enumerate(pairs):
                item = CourseCell.from_parent(self, name=_unique(names, _label(expected, cell, record)),
                                              cell_num=number, cell=cell, options=defaultdict(bool))
                item.prepare(expected, grading, context)
                yield item
            for expected in missing:
                yield MissingCell.from_parent(self, name=_unique(names, _label(expected, None, record) + " (missing)"),
                                              expected=expected, context=context)

    class CourseCell(IPyNbCell):
        """One learner cell, run in the notebook's kernel and compared with the course's record."""

        def prepare(self, expected, grading, context):
            self.expected, self.label = expected, self.name
            kind = expected["kind"] if expected else "added"
            self.edited = self.frame_edited = False
            if expected is None:                                     # a cell the learner added: run, not compared
                self.options.update(check=False, skip=rec.nbval_options(self.cell).get("skip", False))
            else:
                same = rec.normalised_source(self.cell.source) == rec.normalised_source(expected["source"])
                self.edited = not same and kind != rec.EXERCISE
                self.frame_edited = kind == rec.EXERCISE and not rec.frame_kept(expected["source"], self.cell.source)
                self.options.update({"check": True, **expected["options"]})
                if kind == rec.EXERCISE:       # the checker judges the answer; what the exercise cell shows
                    self.options["check"] = False   # (a list, another valid shuffle) is the learner's own
            run_course_source = grading and self.edited
            self.cell = nbformat.from_dict({"cell_type": "code", "metadata": {}, "outputs": [],
                                            "execution_count": 1,
                                            "source": expected["source"] if run_course_source else self.cell.source})
            self.rejected = self.edited and kind == rec.CHECKER       # an edited checker never passes
            self.user_properties.append((PROPERTY, json.dumps({
                **context, "kind": kind, "exercise": expected["exercise"] if expected else None,
                "label": self.label, "edited": self.edited, "grading": grading})))

        def reportinfo(self):
            return self.fspath, None, f"{self.fspath.basename}: {self.label}"

        def compare_outputs(self, test, ref, skip_compare=None):
            self.comparison_traceback = []
            return rec.same_outputs(test, self.expected["outputs"])

        def runtest(self):
            super().runtest()
            if self.rejected:
                raise NbCellError(self.cell_num, "checker edited", self.cell.source)

        def repr_failure(self, excinfo):
            exc = excinfo.value
            lines = [f"{self.label}  (In [{self.cell_num + 1}] after Restart & Run All)"]
            if self.rejected:
                lines += ["  This checker cell was edited: it differs from the course's, so it cannot count.",
                          "  Restore it (the course's version):", _indent(self.expected["source"], 4)]
                return "\n".join(lines)
            if isinstance(exc, NbCellError) and exc.inner_traceback and str(exc) != "Cell outputs differ":
                trace = _ANSI.sub("", exc.inner_traceback).strip().split("\n")
                lines += [f"  The cell raised an error ({str(exc).lower()}):", _indent("\n".join(trace[-12:]), 4)]
            elif isinstance(exc, NbCellError) and self.expected["kind"] in (rec.EXERCISE, rec.CHECKER):
                got = rec.shown(self.test_outputs or [])
                lines += ["  expected: " + ANSWER_HIDDEN[self.expected["kind"]], "  got:", _indent(got, 4)]
            elif isinstance(exc, NbCellError):
                expected, got = rec.difference(rec.shown(self.expected["outputs"]), rec.shown(self.test_outputs or []))
                lines += ["  expected:", _indent(expected, 4), "  got:", _indent(got, 4)]
            else:
                return super().repr_failure(excinfo)
            if self.edited:
                lines.append("  Note: you edited this cell; the course's version is:\n"
                             + _indent(self.expected["source"], 4))
            if self.frame_edited:
                lines.append("  Note: you changed lines outside your answer (only the `...  # YOUR CODE HERE` "
                             "line is yours to replace).")
            return "\n".join(lines)

    class MissingCell(pytest.Item):
        """A cell of the course that the learner's notebook no longer has."""

        def __init__(self, *, expected, context, **kwargs):
            super().__init__(**kwargs)
            self.expected, self.label = expected, kwargs["name"]
            self.user_properties.append((PROPERTY, json.dumps({
                **context, "kind": expected["kind"], "exercise": expected["exercise"], "label": self.label,
                "edited": False, "missing": True})))

        def runtest(self):
            raise LookupError("missing")

        def repr_failure(self, excinfo):
            return (f"{self.label}\n  This cell of the course is not in your notebook (deleted, or replaced "
                    f"by a new cell). Put it back where it was:\n{_indent(self.expected['source'], 4)}")

        def reportinfo(self):
            return self.fspath, None, f"{self.fspath.basename}: {self.label}"


def _label(expected, cell, record):
    """What a learner reads: "Exercise 07.2: the output delta (BP1)", "... (checker)", or the section
    and the cell's first line."""
    if expected is None:
        return f"your own cell: {_first_line(cell.source)}"
    if expected["kind"] in (rec.EXERCISE, rec.CHECKER):
        name = expected["exercise"]
        title = record["exercises"].get(name, {}).get("title", "")
        return f"Exercise {name}: {title}" + (" (checker)" if expected["kind"] == rec.CHECKER else "")
    section = expected["section"] or "top"
    return f"{section}: {_first_line(expected['source'])}"


def _unique(names, name):
    name = name.replace("::", ":")
    candidate, n = name, 2
    while candidate in names:
        candidate, n = f"{name} ({n})", n + 1
    names.add(candidate)
    return candidate


def _indent(text, spaces):
    return "\n".join(" " * spaces + line for line in str(text).split("\n"))


class Tally:
    """Collects every course cell's outcome; prints a line per notebook and writes --nn-results."""

    def __init__(self, config):
        self.config = config
        self.files = {}                  # file -> {"notebook", "exercises", "cells": {label: {...}}}

    def pytest_runtest_logreport(self, report):
        found = dict(report.user_properties).get(PROPERTY)
        if not found:
            return
        info = json.loads(found)
        path = report.nodeid.split("::")[0]
        entry = self.files.setdefault(path, {"notebook": info["notebook"], "exercises": info["exercises"],
                                             "cells": {}})
        cell = entry["cells"].setdefault(report.nodeid, {**info, "ok": True, "problem": ""})
        if report.failed or hasattr(report, "wasxfail") and report.skipped:
            cell["ok"] = False
            cell["problem"] = ("missing" if info.get("missing") else
                               "checker edited" if info["edited"] and info["kind"] == rec.CHECKER else
                               "raised an error" if "raised an error" in str(report.longrepr) else "output differs")

    def results(self):
        out = []
        for path, entry in sorted(self.files.items()):
            cells = list(entry["cells"].values())
            exercises = []
            for name, exercise in entry["exercises"].items():
                mine = [c for c in cells if c.get("exercise") == name]
                problems = [f"{c['kind']} {c['problem']}" for c in mine if not c["ok"]]
                exercises.append({"name": name, "title": exercise["title"], "solved": bool(mine) and not problems,
                                  "problems": problems})
            others = [c for c in cells if c.get("exercise") is None]
            out.append({
                "file": path, "notebook": entry["notebook"], "exercises": exercises,
                "other_failures": sum(not c["ok"] for c in others),
                "edited": [c["label"] for c in cells if c["edited"]],
                "added": sum(c["kind"] == "added" for c in cells),
                "missing": [c["label"] for c in cells if c.get("missing")],
            })
        return out

    def pytest_terminal_summary(self, terminalreporter):
        results = self.results()
        if not results:
            return
        terminalreporter.section("checked against the course")
        for r in results:
            terminalreporter.write_line(summary_line(r))

    def pytest_sessionfinish(self, session):
        path = self.config.option.nn_results
        if path:
            Path(path).write_text(json.dumps(self.results(), indent=1, ensure_ascii=False), encoding="utf-8")


def summary_line(result):
    """'07_backpropagation: 2 of 3 exercises solved (07.1 ✓ 07.2 ✗ 07.3 ✓); 1 other cell differs'."""
    exercises = result["exercises"]
    solved = sum(e["solved"] for e in exercises)
    marks = " ".join(f"{e['name']} {'✓' if e['solved'] else '✗'}" for e in exercises)
    parts = [f"{result['notebook']}: {solved} of {len(exercises)} exercises solved ({marks})"]
    n = result["other_failures"]
    parts.append(f"{n} other cell{'s' if n != 1 else ''} differ{'s' if n == 1 else ''}" if n else "no other cell differs")
    if result["edited"]:
        parts.append(f"edited: {', '.join(result['edited'])}")
    if result["missing"]:
        parts.append(f"missing: {', '.join(result['missing'])}")
    return "; ".join(parts)
