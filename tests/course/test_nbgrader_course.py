"""The nbgrader route (tools/nbgrader_course.py), end to end with the real nbgrader command line.

The course is exported (notebook 07 only, to keep it quick), ``nbgrader generate_assignment`` releases
it, and five students hand it in:

    all_right       NATURAL answers (tests/course/natural_answers.py)      3 of 3
    typical_wrong   WRONG answers, the mistakes students really make       0 of 3
    unsolved        the released notebook as it came                       0 of 3
    tampered        right, except 07.2: a WRONG answer, and 07.2's locked
                    checker cell edited to print a success line            2 of 3 (0 for 07.2)
    tampered_right  all right, 07.2's checker edited the same way          3 of 3 (the edit undone)

``nbgrader autograde`` grades them, ``nbgrader export`` writes the CSV, ``nbgrader generate_feedback``
the HTML the students get back. A control course whose checker cells lack ``strict=True`` shows
that the zeros come from the strict mode: there the typical wrong answers get full marks.
"""
import csv
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

from nn_helpers.course import record as course_record
from tests.course.natural_answers import NATURAL, WRONG, with_answer
from tools import nbgrader_course
from tests import REPO

ROOT = REPO
NOTEBOOK = "07_backpropagation"
RECORD = course_record.load(NOTEBOOK)
EXERCISES = sorted(RECORD["exercises"])                            # ["07.1", "07.2", "07.3"]
TAMPERED = "07.2"
FAKE_SUCCESS = 'print("✅ Correct: output_delta matches on 3 cases.")'
BIN = Path(sys.executable).parent                                  # the venv's nbgrader (and alembic)
STUDENTS = {   # student: {exercise: expected score}
    "all_right": {"07.1": 1, "07.2": 1, "07.3": 1},
    "typical_wrong": {"07.1": 0, "07.2": 0, "07.3": 0},
    "unsolved": {"07.1": 0, "07.2": 0, "07.3": 0},
    "tampered": {"07.1": 1, "07.2": 0, "07.3": 1},
    "tampered_right": {"07.1": 1, "07.2": 1, "07.3": 1},
}


def nbgrader(course, *args, timeout=600):
    """Run the real ``nbgrader`` in the course directory; its log (stdout and stderr)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}   # it calls `alembic`
    done = subprocess.run([str(BIN / "nbgrader"), *args], cwd=course, env=env, capture_output=True,
                          text=True, timeout=timeout)
    log = done.stdout + done.stderr
    assert done.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{log[-4000:]}"
    return log


def export(course, *names):
    done = subprocess.run([sys.executable, "-m", "tools.nbgrader_course", str(course), *names], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def with_answers(nb, answers):
    """A copy of a released notebook with each solution cell's stub line (the course's, which the config
    gives nbgrader) replaced by ``answers[exercise]``: tests/course/natural_answers.py's unindented code,
    indented like the stub. The cells are found by their nbgrader grade_id (``ex07_2``)."""
    names = {nbgrader_course.grade_id(name): name for name in RECORD["exercises"]}
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    for cell in nb.cells:
        name = names.get(cell.metadata.get("nbgrader", {}).get("grade_id"))
        if name not in answers:
            continue
        assert course_record.STUB in cell.source, f"no stub in the cell of exercise {name}"
        cell.source = with_answer(cell.source, answers[name])
    return nb


def tampered(nb):
    """The notebook with the locked checker cell of exercise TAMPERED printing a success line instead."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    [cell] = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id")
              == nbgrader_course.grade_id(TAMPERED, suffix="check")]
    cell.source = FAKE_SUCCESS
    return nb


def submissions(released):
    right = with_answers(released, NATURAL)
    wrong_in_one = with_answers(released, {**NATURAL, TAMPERED: WRONG[TAMPERED]})
    return {"all_right": right, "typical_wrong": with_answers(released, WRONG), "unsolved": released,
            "tampered": tampered(wrong_in_one), "tampered_right": tampered(right)}


def hand_in(course, student, nb):
    path = course / "submitted" / student / NOTEBOOK / f"{NOTEBOOK}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def scores(course):
    """{student: {exercise: score}} from nbgrader's gradebook, one score per exercise (its checkers')."""
    from nbgrader.api import Gradebook
    checks = {name: [nbgrader_course.grade_id(name, part, "check") for part in range(1, len(e["checkers"]) + 1)]
              for name, e in RECORD["exercises"].items()}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=nbgrader_course.COURSE_ID) as gb:
        return {student.id: {name: sum(gb.find_grade(cell, NOTEBOOK, NOTEBOOK, student.id).score for cell in cells)
                             for name, cells in checks.items()}
                for student in gb.students}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course graded by the real nbgrader: generate_assignment, autograde, export, generate_feedback."""
    course = tmp_path_factory.mktemp("nbgrader") / "course"
    export(course, "07")
    nbgrader(course, "generate_assignment", NOTEBOOK)
    released = nbformat.read(course / "release" / NOTEBOOK / f"{NOTEBOOK}.ipynb", as_version=4)
    for student, nb in submissions(released).items():
        hand_in(course, student, nb)
    autograde_log = nbgrader(course, "autograde", NOTEBOOK)
    nbgrader(course, "export", "--to", "grades.csv")
    nbgrader(course, "generate_feedback", NOTEBOOK)
    validate_log = nbgrader(course, "validate", str(course / "submitted" / "tampered" / NOTEBOOK / f"{NOTEBOOK}.ipynb"))
    with open(course / "grades.csv", newline="", encoding="utf-8") as fh:
        rows = {row["student_id"]: row for row in csv.DictReader(fh)}
    return SimpleNamespace(course=course, released=released, autograde_log=autograde_log,
                           validate_log=validate_log, csv=rows, scores=scores(course))


def autograded(graded, student):
    return nbformat.read(graded.course / "autograded" / student / NOTEBOOK / f"{NOTEBOOK}.ipynb", as_version=4)


def cell_of(nb, grade_id):
    [cell] = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return cell


def printed(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def changes_reported(autograde_log):
    """{student: [(attribute, grade_id)]} of autograde's "Attribute 'checksum' for cell ... has changed!"."""
    blocks = re.split(r"Sanitizing \S*/submitted/(\w+)/", autograde_log)[1:]
    return {student: re.findall(r"Attribute '(\w+)' for cell ([\w-]+) has changed!", block)
            for student, block in zip(blocks[::2], blocks[1::2])}


# --- the export itself (no nbgrader run) ---------------------------------------------------------

def test_every_solution_notebook_is_exported_with_nbgraders_metadata(tmp_path):
    from nbgrader.nbgraderformat import MetadataValidator
    written = nbgrader_course.export(tmp_path)
    notebooks = sorted(p for p in written if p.suffix == ".ipynb")
    solutions = sorted((ROOT / "notebooks" / "solutions").glob("[0-9][0-9]_*.ipynb"))
    assert [p.stem for p in notebooks] == [p.stem for p in solutions] and len(notebooks) == 11
    assert (tmp_path / "nbgrader_config.py") in written
    for path in notebooks:
        assert path == tmp_path / "source" / path.stem / path.name
        nb = nbformat.read(path, as_version=4)
        MetadataValidator().validate_nb(nb)                  # nbgrader's own schema (version 3)
        record = course_record.load(path.stem)
        kinds = {c["id"]: c for c in record["cells"]}
        points = 0
        for cell in nb.cells:
            meta = cell.metadata["nbgrader"]
            kind = kinds[cell.id]["kind"] if cell.cell_type == "code" else course_record.TEACHING
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None
            if kind == course_record.EXERCISE:
                name = kinds[cell.id]["exercise"]
                assert meta == {"grade": False, "grade_id": nbgrader_course.grade_id(name), "locked": False,
                                "schema_version": 3, "solution": True}
                assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
            elif kind == course_record.CHECKER:
                name = kinds[cell.id]["exercise"]
                assert meta == {"grade": True, "grade_id": nbgrader_course.grade_id(name, suffix="check"),
                                "locked": True, "points": 1, "schema_version": 3, "solution": False}
                assert re.search(r"^check_\w+\(\w+, strict=True\)$", cell.source, re.MULTILINE), cell.source
                points += meta["points"]
            else:
                assert meta == {"grade": False, "grade_id": f"cell-{cell.id}", "locked": True,
                                "schema_version": 3, "solution": False}
                assert "strict=True" not in cell.source
        assert points == len(record["exercises"]), path.stem


def test_the_quiz_cells_are_exported_as_locked_cells(tmp_path):
    [path] = [p for p in nbgrader_course.export(tmp_path, ["07"]) if p.suffix == ".ipynb"]
    quiz = [c for c in nbformat.read(path, as_version=4).cells if "quiz" in c.metadata.get("tags", [])]
    assert quiz and all(c.metadata["nbgrader"]["locked"] and not c.metadata["nbgrader"]["grade"] for c in quiz)


def test_strict_source_adds_the_keyword_to_every_checker_call():
    assert nbgrader_course.strict_source("check_mse(mse)") == "check_mse(mse, strict=True)"
    assert nbgrader_course.strict_source("x = 1\ncheck_a(f,)\ncheck_b(\n    g\n)\ncheck_c()") == \
        "x = 1\ncheck_a(f, strict=True,)\ncheck_b(\n    g, strict=True\n)\ncheck_c(strict=True)"
    assert nbgrader_course.strict_source("check_a(f(1), 'é')  # é") == "check_a(f(1), 'é', strict=True)  # é"
    assert nbgrader_course.strict_source("check_a(f, strict=True)") == "check_a(f, strict=True)"
    with pytest.raises(nbgrader_course.CourseError, match="without a check_"):
        nbgrader_course.strict_source("print('no checker here')")


def test_a_second_export_keeps_the_lecturers_config(tmp_path):
    nbgrader_course.export(tmp_path, ["00"])
    config = tmp_path / "nbgrader_config.py"
    config.write_text(config.read_text() + "c.Execute.timeout = 60\n")
    written = nbgrader_course.export(tmp_path, ["00"])
    assert config not in written and config.read_text().endswith("c.Execute.timeout = 60\n")


def test_unknown_names_and_stale_records_are_refused(tmp_path):
    assert nbgrader_course.main([str(tmp_path), "42_unknown"]) == 2
    nb = nbformat.read(ROOT / "notebooks" / "solutions" / f"{NOTEBOOK}.ipynb", as_version=4)
    stale = {**RECORD, "cells": RECORD["cells"][1:]}
    with pytest.raises(nbgrader_course.CourseError, match="build_notebooks 07_backpropagation"):
        nbgrader_course.nbgrader_notebook(nb, stale, NOTEBOOK)


# --- the round trip with the real nbgrader -------------------------------------------------------

@pytest.mark.slow
def test_the_released_notebook_is_the_learners_copy_with_strict_checkers(graded):
    learner = {c["id"]: c for c in RECORD["cells"]}
    for cell in graded.released.cells:
        if cell.cell_type != "code":
            continue
        expected = learner[cell.id]["source"]
        if learner[cell.id]["kind"] == course_record.CHECKER:
            expected = nbgrader_course.strict_source(expected)
        assert cell.source == expected, cell.id
        assert cell.outputs == []
        assert "checksum" in cell.metadata["nbgrader"]


@pytest.mark.slow
def test_the_scores_are_exactly_full_zero_zero_and_zero_for_the_tampered_exercise(graded):
    assert graded.scores == STUDENTS
    for student, expected in STUDENTS.items():
        row = graded.csv[student]
        assert row["assignment"] == NOTEBOOK
        assert float(row["score"]) == sum(expected.values()) and float(row["max_score"]) == 3


@pytest.mark.slow
def test_every_student_notebook_ran_to_the_end(graded):
    for student in STUDENTS:
        nb = autograded(graded, student)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count is not None for c in code), student        # nothing left unrun
        errors = [(c.metadata["nbgrader"]["grade_id"], o["ename"]) for c in code for o in c.outputs
                  if o["output_type"] == "error"]
        failed = sorted(gid for gid, _ in errors)
        expected = sorted(nbgrader_course.grade_id(name, suffix="check")
                          for name, score in STUDENTS[student].items() if not score)
        assert failed == expected and all(ename == "AssertionError" for _, ename in errors), (student, errors)


@pytest.mark.slow
def test_the_checkers_say_why_in_the_graded_notebooks(graded):
    check = {name: nbgrader_course.grade_id(name, suffix="check") for name in EXERCISES}
    for name in EXERCISES:
        assert printed(cell_of(autograded(graded, "all_right"), check[name])).startswith("✅ Correct: ")
        assert printed(cell_of(autograded(graded, "typical_wrong"), check[name])).startswith("❌ Not quite: ")
        assert printed(cell_of(autograded(graded, "unsolved"), check[name])).startswith("⏳ Not solved yet: ")


@pytest.mark.slow
def test_the_tampered_checker_is_detected_and_put_back(graded):
    gid = nbgrader_course.grade_id(TAMPERED, suffix="check")
    # autograde: the changed checksum is reported for each tampering student (and no one else) ...
    assert changes_reported(graded.autograde_log) == {
        "all_right": [], "typical_wrong": [], "unsolved": [],
        "tampered": [("checksum", gid)], "tampered_right": [("checksum", gid)]}
    # ... and the locked cell is put back as released, so the real checker judges the answer
    for student, says in (("tampered", "❌ Not quite: "), ("tampered_right", "✅ Correct: ")):
        cell = cell_of(autograded(graded, student), gid)
        assert cell.source == cell_of(graded.released, gid).source
        assert printed(cell).startswith(says), printed(cell)
    # validate, on the student's own file: nbgrader names the changed test cell
    assert "THE CONTENTS OF 1 TEST CELL(S) HAVE CHANGED!" in graded.validate_log
    assert f"The following cell has changed:\n\n    {FAKE_SUCCESS}" in graded.validate_log


@pytest.mark.slow
def test_the_feedback_shows_the_checkers_message(graded):
    page = html.unescape((graded.course / "feedback" / "typical_wrong" / NOTEBOOK / f"{NOTEBOOK}.html")
                         .read_text(encoding="utf-8"))
    assert f"{NOTEBOOK} (Score: 0.0 / 3.0)" in page
    nb = autograded(graded, "typical_wrong")
    for name in EXERCISES:
        gid = nbgrader_course.grade_id(name, suffix="check")
        line = printed(cell_of(nb, gid)).strip()
        assert line.startswith("❌ Not quite: ") and "Hint: " in line
        assert f'href="#{gid}">Test cell</a> (Score: 0.0 / 1.0)' in page
        assert page.count(line) == 2, line            # printed, then the AssertionError's message
    right = html.unescape((graded.course / "feedback" / "all_right" / NOTEBOOK / f"{NOTEBOOK}.html")
                          .read_text(encoding="utf-8"))
    assert f"{NOTEBOOK} (Score: 3.0 / 3.0)" in right and "Not quite" not in right


@pytest.mark.slow
def test_without_strict_the_wrong_answers_would_get_full_marks(tmp_path):
    """The control: the same course with the checkers called as a learner calls them. A checker that
    only prints never fails a test cell, so nbgrader gives the typical wrong answers full marks; the
    zeros above are the strict mode's doing."""
    course = tmp_path / "course"
    export(course, "07")
    source = course / "source" / NOTEBOOK / f"{NOTEBOOK}.ipynb"
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        cell.source = cell.source.replace(", strict=True)", ")")
    nbformat.write(nb, source)
    nbgrader(course, "generate_assignment", NOTEBOOK)
    released = nbformat.read(course / "release" / NOTEBOOK / f"{NOTEBOOK}.ipynb", as_version=4)
    hand_in(course, "typical_wrong", with_answers(released, WRONG))
    nbgrader(course, "autograde", NOTEBOOK)
    assert scores(course) == {"typical_wrong": {"07.1": 1, "07.2": 1, "07.3": 1}}
