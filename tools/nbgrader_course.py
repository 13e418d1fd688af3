"""Write an nbgrader course directory from the solution notebooks (grading a course with nbgrader).

    python -m tools.nbgrader_course DIR                          # every notebook, 00 to 10
    python -m tools.nbgrader_course DIR 07_backpropagation 08    # only the notebooks named (or numbered)
    python -m tools.nbgrader_course DIR --course-id ml-2025      # the course id (default nn-from-scratch)

It writes ``DIR/nbgrader_config.py`` (kept if it is already there: it is the lecturer's file after the
first export) and ``DIR/source/NN_topic/NN_topic.ipynb``, one nbgrader assignment per notebook. Each
is the solution notebook, outputs cleared, with nbgrader's cell metadata; which cell is which comes
from the course's record (``nn_helpers/course/records``):

- an exercise cell is a solution cell (``grade_id`` ``ex07_2`` for exercise 07.2): nbgrader replaces
  its ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` block by the course's own stub
  ``...  # YOUR CODE HERE`` (set in the config), so the released notebook's cells are the learner
  copy's: an unsolved exercise returns None instead of raising ``NotImplementedError``;
- a checker cell is a locked, autograded test cell (``ex07_2_check``) worth the exercise's points
  (one each), whose checker is called with ``strict=True``: it prints its usual line and raises
  ``AssertionError`` with it unless the answer is right, which nbgrader counts as a failed test
  (so, as in any nbgrader assignment, "Run All" in the student's copy stops at the first exercise
  not yet right; the autograder runs past it);
- every other cell (text, teaching code, the quiz) is locked: read-only, checksummed, and put back
  as the course wrote it when nbgrader autogrades.

Then, in DIR: ``nbgrader generate_assignment 07_backpropagation``, hand out ``release/``, collect
into ``submitted/<student>/07_backpropagation/``, ``nbgrader autograde 07_backpropagation``,
``nbgrader generate_feedback 07_backpropagation``, ``nbgrader export``. Run nbgrader with the
course's venv activated: the kernel is the venv's Python (the notebooks import ``nn_helpers``), and
nbgrader runs ``alembic`` from PATH when it creates the gradebook.
"""
import argparse
import ast
import copy
import sys
from pathlib import Path

import nbformat

from nn_helpers.course import record as course_record
from tools.course_files import SOLUTIONS, has_solution

COURSE_ID = "nn-from-scratch"
POINTS = 1                       # each exercise's points, shared by its checker cells
STUB = course_record.STUB        # the course's stub, the same in the learner copy and in nbgrader's release
CELL_TIMEOUT = 300               # seconds nbgrader lets one cell run (its default, 30, is short for training cells)
SCHEMA_VERSION = 3               # nbgrader's cell metadata schema (nbgrader 0.6 and later)

CONFIG = '''"""nbgrader's configuration for the course "Neural Networks from Scratch".

Written by `python -m tools.nbgrader_course`; yours to edit (a second export keeps this file).
Run nbgrader in this folder with the course's venv activated: the notebooks import nn_helpers.
"""
import os

c = get_config()  # noqa: F821 - nbgrader's config loader provides get_config

c.CourseDirectory.course_id = "{course_id}"
# this folder, whatever the working directory; the gradebook is gradebook.db in it
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# The course's stub instead of nbgrader's `raise NotImplementedError()`: an unsolved exercise
# returns None and its checker says "not solved yet" (the released cells are the learner copy's).
c.ClearSolutions.code_stub = {{"python": "{stub}"}}

# Some cells train a network: more than nbgrader's default of 30 s per cell, on a slow machine.
c.Execute.timeout = {timeout}
'''


class CourseError(Exception):
    """A solution notebook that cannot be exported: its record is stale, or a checker cell has no call."""


def grade_id(exercise, part=1, suffix=""):
    """nbgrader's id of an exercise's cell: ``ex07_2`` (its first cell), ``ex07_2_check`` (its checker),
    ``ex07_2_part2`` / ``ex07_2_check2`` for further cells of the same exercise."""
    base = "ex" + exercise.replace(".", "_") + (f"_{suffix}" if suffix else "")
    if part == 1:
        return base
    return base + (str(part) if suffix else f"_part{part}")


def strict_source(source):
    """A checker cell's source with each top-level ``check_x(...)`` call given ``strict=True``.

    >>> strict_source("from nn_helpers.course.exercises import check_mse\\n\\ncheck_mse(mse)")
    'from nn_helpers.course.exercises import check_mse\\n\\ncheck_mse(mse, strict=True)'
    """
    calls = [node.value for node in ast.parse(source).body
             if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
             and isinstance(node.value.func, ast.Name) and node.value.func.id.startswith("check_")]
    if not calls:
        raise CourseError(f"a checker cell without a check_...(...) call:\n{source}")
    lines = source.split("\n")
    for call in reversed(calls):              # from the end, so earlier positions stay valid
        if any(keyword.arg == "strict" for keyword in call.keywords):
            continue
        arguments = [*call.args, *call.keywords]
        if arguments:                         # right after the last argument (offsets count UTF-8 bytes)
            last = max(arguments, key=lambda node: (node.end_lineno, node.end_col_offset))
            row, col, text = last.end_lineno - 1, last.end_col_offset, b", strict=True"
        else:                                 # check_x(): just before the closing parenthesis
            row, col, text = call.end_lineno - 1, call.end_col_offset - 1, b"strict=True"
        line = lines[row].encode("utf-8")
        lines[row] = (line[:col] + text + line[col:]).decode("utf-8")
    out = "\n".join(lines)
    for node in ast.walk(ast.parse(out)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.startswith("check_"):
            assert any(k.arg == "strict" for k in node.keywords), out
    return out


def _metadata(grade_id_, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id_, "locked": locked, "schema_version": SCHEMA_VERSION,
            "solution": solution}
    if grade:
        meta["points"] = points
    return meta


def _cells_by_role(record):
    """{cell id: (nbgrader metadata, rewrite the source for strict mode?)} for exercise and checker cells."""
    roles = {}
    for name, exercise in record["exercises"].items():
        for part, cell_id in enumerate(exercise["cells"], start=1):
            roles[cell_id] = (_metadata(grade_id(name, part), solution=True), False)
        checkers = exercise["checkers"]
        for part, cell_id in enumerate(checkers, start=1):
            roles[cell_id] = (_metadata(grade_id(name, part, "check"), grade=True, locked=True,
                                        points=round(POINTS / len(checkers), 6)), True)
    return roles


def _check_record(nb, record, stem):
    """Raise CourseError unless the record gives this solution notebook's cells their roles: the same code
    cells in the same order, and its exercise cells exactly the cells holding a solution block. (A teaching
    cell edited since the last build changes no role: its source is taken from the solution notebook.)"""
    rebuild = f"run `python -m tools.build_notebooks {stem}` first"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    if [cell.get("id") for cell in code] != [cell["id"] for cell in record["cells"]]:
        raise CourseError(f"{stem}: the course's record does not match the solution notebook's code cells; {rebuild}")
    exercise_ids = {cell["id"] for cell in record["cells"] if cell["kind"] == course_record.EXERCISE}
    solution_ids = {cell.id for cell in code if has_solution(cell)}
    if exercise_ids != solution_ids:
        raise CourseError(f"{stem}: the record's exercise cells {sorted(exercise_ids)} are not the cells with "
                          f"a solution block {sorted(solution_ids)}; {rebuild}")


def nbgrader_notebook(nb, record, stem):
    """The nbgrader source version of solution notebook ``nb`` (a copy; outputs cleared).

    Exercise cells become solution cells, checker cells locked test cells calling their checker with
    ``strict=True``, every other cell a locked (read-only) cell whose grade_id is ``cell-<its id>``.
    """
    _check_record(nb, record, stem)
    roles = _cells_by_role(record)
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        if cell.get("id") in roles:
            meta, strict = roles[cell.id]
            if strict:
                cell.source = strict_source(cell.source)
        else:
            meta = _metadata(f"cell-{cell.id}", locked=True)
        cell.metadata["nbgrader"] = meta
    return out


def notebook_paths(names=(), solutions=SOLUTIONS):
    """The solution notebooks, all or the ones named (``07_backpropagation`` or just ``07``)."""
    paths = sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))
    if not names:
        return paths
    wanted = [name.removesuffix(".ipynb") for name in names]
    chosen = [p for p in paths if any(p.stem == w or p.stem.startswith(w + "_") for w in wanted)]
    unknown = [w for w in wanted if not any(p.stem == w or p.stem.startswith(w + "_") for p in paths)]
    if unknown:
        raise CourseError(f"no solution notebook named {unknown} in {solutions}")
    return chosen


def export(directory, names=(), course_id=COURSE_ID, solutions=SOLUTIONS, records=course_record.RECORDS):
    """Write the nbgrader course into ``directory``; return the paths written (the config only if new)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    config = directory / "nbgrader_config.py"
    if not config.exists():
        config.write_text(CONFIG.format(course_id=course_id, stub=STUB, timeout=CELL_TIMEOUT), encoding="utf-8")
        written.append(config)
    for path in notebook_paths(names, solutions):
        record = course_record.load(path.stem, records)
        if record is None:
            raise CourseError(f"{path.stem}: the course has no record; run `python -m tools.build_notebooks "
                              f"{path.stem}` first")
        nb = nbgrader_notebook(nbformat.read(path, as_version=4), record, path.stem)
        target = directory / "source" / path.stem / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        written.append(target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", help="the nbgrader course directory to write (created if missing)")
    parser.add_argument("names", nargs="*", help="notebooks to export, e.g. 07_backpropagation or 07 (default: all)")
    parser.add_argument("--course-id", default=COURSE_ID, help=f"nbgrader's course id (default: {COURSE_ID})")
    args = parser.parse_args(argv)
    try:
        written = export(args.directory, args.names, args.course_id)
    except CourseError as err:
        print(f"export failed: {err}", file=sys.stderr)
        return 2
    config = Path(args.directory) / "nbgrader_config.py"
    for path in written:
        print(f"wrote {path}")
    if config not in written:
        print(f"kept {config} (yours to edit; delete it to get the course's default again)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
