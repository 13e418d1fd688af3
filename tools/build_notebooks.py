"""Build the learner notebooks and the course's records from the solution notebooks (one source, two versions).

    python -m tools.build_notebooks                  # execute every solution, write learner copies and records
    python -m tools.build_notebooks 00_start_here    # only the notebooks named ("playground" too)
    python -m tools.build_notebooks --check          # are the learner copies and records current? (no kernel)

Each ``notebooks/solutions/NN_topic.ipynb`` first gets its generated parts: the self-check quiz
at its end (``tools/quiz_cells.py``, from ``nn_helpers/course/quizzes``), every cell's slide type
(``tools/slides.py``) and the notebook's name in its metadata (``nn_course``). Then it is executed
top to bottom in a fresh kernel (the same as "Restart kernel and run all") and saved with its
outputs. From it the build writes

- ``notebooks/NN_topic.ipynb``, the learner's copy: every block between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` becomes a ``...  # YOUR CODE HERE`` stub at the block's indentation; the
  exercise cells and their checker cells are stored without output (no answer, no verdict before
  the learner acts); every teaching cell keeps its output, so the notebook reads well unrun.
  A stub is ``...``: a function whose body is a stub returns None, which the checkers report as
  "not solved yet" instead of raising.
- ``nn_helpers/course/records/NN_topic.json``, the course's record: each code cell's kind, source
  and expected outputs, which the self-check (``pytest --nbval``) and the grader compare a learner's
  fresh run with (``nn_helpers/course``).
"""
import argparse
import copy
import json
import re
import sys
from pathlib import Path

import nbformat

from nn_helpers.course import record as course_record
from nn_helpers.viz.alt_text import FIGURE_CLASS
from tools import quiz_cells, slides
from tools.course_files import (BEGIN, END, LEARNER, PLAYGROUND, ROOT, SOLUTIONS, BuildError,
                                 has_solution, solution_paths)

RECORDS = course_record.RECORDS
STUB = "...  # YOUR CODE HERE"
KERNEL_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python", "pygments_lexer": "ipython3"},
}


def strip_solutions(source, where="cell"):
    """Replace each ### BEGIN/END SOLUTION block in a cell's source by an indented stub."""
    out, indent = [], None
    for number, line in enumerate(source.split("\n"), start=1):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if indent is not None:
                raise BuildError(f"{where}, line {number}: BEGIN SOLUTION inside another solution block")
            indent = begin.group("indent")
            out.append(indent + STUB)
        elif end:
            if indent is None:
                raise BuildError(f"{where}, line {number}: END SOLUTION without BEGIN SOLUTION")
            indent = None
        elif indent is None:
            out.append(line)
    if indent is not None:
        raise BuildError(f"{where}: BEGIN SOLUTION without END SOLUTION")
    return "\n".join(out)


def stubbed(nb, name="notebook"):
    """A copy of an executed solution notebook with every solution block a stub (outputs kept)."""
    learner = copy.deepcopy(nb)
    for i, cell in enumerate(learner.cells):
        if has_solution(cell):
            cell.source = strip_solutions(cell.source, f"{name} cell {i}")
            tags = cell.metadata.setdefault("tags", [])
            if "exercise" not in tags:
                tags.append("exercise")
    return learner


def learner_and_record(nb, stem):
    """(the learner's copy, the course's record) of an executed solution notebook ``stem``.

    The record keeps every code cell's expected outputs; the learner's copy drops those of the
    exercise and checker cells (an answer or a verdict shown before the learner acts).
    """
    learner = stubbed(nb, stem)
    record = course_record.make_record(learner, stem)
    answers = {c["id"] for c in record["cells"] if c["kind"] != course_record.TEACHING}
    for cell in learner.cells:
        if cell.get("id") in answers:
            cell.outputs = []
    return learner, record


def learner_version(nb, name="notebook"):
    """The learner's copy of an executed solution notebook: stubs in, answers' outputs out."""
    return learner_and_record(nb, Path(name).stem)[0]


def normalise(nb):
    """Remove what changes from run to run or machine to machine (timings, versions)."""
    nb.metadata = nbformat.from_dict({**{k: v for k, v in nb.metadata.items()
                                         if k not in ("kernelspec", "language_info", "widgets")},
                                      **KERNEL_METADATA})
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = [one_figure_copy(output) for output in merge_streams(cell.outputs)]
    return nb


def one_figure_copy(output):
    """A figure is shown as ``image/png`` and as ``text/html`` (the same PNG with alt text,
    ``nn_helpers.viz.alt_text``): keep the second only, so the stored notebook holds the picture
    once and shows it with its alt text."""
    data = output.get("data", {})
    if "image/png" in data and f'<img class="{FIGURE_CLASS}"' in str(data.get("text/html", "")):
        del data["image/png"]
        output.get("metadata", {}).pop("image/png", None)
    return output


def merge_streams(outputs):
    """Consecutive stdout (or stderr) pieces as one output: how a print arrives in pieces depends
    on timing, so the file would differ from run to run; what it says does not."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def execute(nb, name):
    """Run every cell in a fresh kernel, in notebooks/, as Restart & Run All would.

    (Widget state must be recorded: nbclient fails on Output widgets otherwise; normalise()
    drops it again, since it changes on every run.)
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(LEARNER)}})
    try:
        client.execute()
    except CellExecutionError as err:
        raise BuildError(f"{name}: a cell raised while executing:\n{err}") from None
    return nb


def write(nb, path):
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def generate(nb, stem):
    """Write a notebook's generated parts in place: its quiz cells, then every cell's slide type."""
    nb = slides.assign(quiz_cells.sync(nb, stem))
    nb.metadata["nn_course"] = {"notebook": stem}
    return nb


def generated_parts_current(nb, stem):
    """True if the quiz cells and slide metadata are what ``generate`` would write."""
    fresh = generate(copy.deepcopy(nb), stem)
    strip = lambda n: [(c.cell_type, c.source, c.metadata) for c in n.cells]  # noqa: E731
    return strip(fresh) == strip(nb) and fresh.metadata.get("nn_course") == nb.metadata.get("nn_course")


def build(names=(), run=True, log=print):
    """Execute (if run) and write solution and learner notebooks; return the paths written.

    The playground notebook is rebuilt too when no names are given, or when "playground" is one.
    """
    from tools import slides
    others = [n for n in names if n.removesuffix(".ipynb") != "playground"]
    paths = solution_paths(others) if others or not names else []
    if len(others) < len(names) or not names:
        paths = [PLAYGROUND, *paths]
    written = []
    for path in paths:
        nb = generate(nbformat.read(path, as_version=4), path.stem)
        if run:
            log(f"executing {path.relative_to(ROOT)} ...")
            nb = slides.assign(normalise(execute(nb, path.name)))   # slide types see the new outputs
        write(nb, path)
        written.append(path)
        learner, record = learner_and_record(nb, path.stem)
        record_path = write_record(record)
        written.append(record_path)
        if path == PLAYGROUND:
            continue
        learner_path = LEARNER / path.name
        write(learner, learner_path)
        written.append(learner_path)
        log(f"wrote {learner_path.relative_to(ROOT)} and {record_path.relative_to(ROOT)}")
    return written


def write_record(record, records=RECORDS):
    path = course_record.path_of(record["notebook"], records)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(course_record.dumps(record), encoding="utf-8")
    return path


def stale(names=(), solutions=SOLUTIONS, learner=LEARNER, records=RECORDS):
    """Names of notebooks whose learner copy or course record differs from a fresh build of their
    solution (no kernel)."""
    out = []
    paths = solution_paths(names, solutions)
    if not names or "playground" in names:
        paths = [*paths, Path(learner) / PLAYGROUND.name]
    for path in paths:
        solution = nbformat.read(path, as_version=4)
        if not generated_parts_current(solution, path.stem):
            out.append(path.name)              # its quiz cells, slide types or name are stale
            continue
        expected, record = learner_and_record(solution, path.stem)
        record_path = course_record.path_of(path.stem, records)
        if not record_path.exists() or record_path.read_text(encoding="utf-8") != course_record.dumps(record):
            out.append(path.name)
            continue
        if path.name == PLAYGROUND.name:
            continue
        learner_path = Path(learner) / path.name
        current = json.loads(learner_path.read_text(encoding="utf-8")) if learner_path.exists() else None
        if json.loads(json.dumps(expected, sort_keys=True)) != current:
            out.append(path.name)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to build, e.g. 00_start_here (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="only report learner notebooks that are out of date; exit 1 if any")
    parser.add_argument("--no-execute", action="store_true",
                        help="rewrite the generated parts and the learner copies from the stored solutions, without running them")
    args = parser.parse_args(argv)
    try:
        if args.check:
            out = stale(args.names)
            for name in out:
                print(f"out of date: {name} (run: python -m tools.build_notebooks {name[:-6]})")
            print("learner notebooks are current" if not out else f"{len(out)} out of date")
            return 1 if out else 0
        build(args.names, run=not args.no_execute)
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
