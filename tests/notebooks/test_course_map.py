"""Every notebook has every part it needs, and nothing lists it by hand.

A notebook ``notebooks/solutions/NN_topic.ipynb`` needs four more files, each found by its name
(CONTRIBUTING.md, "Adding a notebook"):

    nn_helpers/course/exercises/nbNN.py    the checkers its checker cells call (if it has exercises)
    nn_helpers/course/quizzes/nbNN.py      its Check yourself quiz
    tests/course/exercise_cases/nbNN.py    right and wrong answers for its checkers (CASES), and a
                                           natural and a typical wrong answer per exercise (NATURAL, WRONG)
    README.md                              its row in the course map, linking notebooks/NN_topic.ipynb

``missing_parts`` says which parts a course lacks; it is run on the real course, and on copies of it
with a part taken away or a notebook added, to prove that it notices.
"""
import copy
import dataclasses
import re
import types

import nbformat
import pytest

from nn_helpers.course import exercises, quizzes
from tests import REPO
from tests.course import exercise_cases
from tools.course_files import has_solution, solution_paths

EXERCISE_NAME = re.compile(r"Exercise (\d\d\.\d+)")      # the rule of nn_helpers/course/record.py
CHECKER_CALL = re.compile(r"^\s*(check_\w+)\(", re.MULTILINE)
MAP_ROW = re.compile(r"^\| \[(\d\d) [^\]]+\]\(notebooks/(\d\d_\w+)\.ipynb\) \| ([^|]*\S[^|]*) \|", re.MULTILINE)


@dataclasses.dataclass
class Course:
    """What a course holds: its solution notebooks and the parts found beside them."""
    notebooks: dict          # stem -> notebook (nbformat)
    checkers: dict           # "nbNN" -> names of the checkers its exercises module defines
    quizzes: set             # notebook numbers with a quiz module ("05", ...)
    cases: dict              # "nbNN" -> its exercise_cases module (CASES, NATURAL, WRONG)
    readme: str


def real_course():
    checkers = {}
    for name, checker in exercises.checkers().items():
        checkers.setdefault(checker.__module__.rsplit(".", 1)[1], set()).add(name)
    return Course(notebooks={p.stem: nbformat.read(p, as_version=4) for p in solution_paths()},
                  checkers=checkers, quizzes=set(quizzes.notebooks()),
                  cases={m.__name__.rsplit(".", 1)[1]: m for m in exercise_cases.notebook_modules()},
                  readme=(REPO / "README.md").read_text(encoding="utf-8"))


def exercises_and_checkers(nb):
    """The notebook's exercise names ("07.1", ...: the last "Exercise NN.k" in the markdown above a
    solution cell) and the checkers its code cells call."""
    names, called, name = [], set(), None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            name = (EXERCISE_NAME.findall(cell.source) or [name])[-1]
        elif has_solution(cell):
            names.append(name)
        elif cell.cell_type == "code":
            called |= set(CHECKER_CALL.findall(cell.source))
    return names, called


def course_map(readme):
    """{stem: what you learn} of the README's course map rows, in their order."""
    section = readme.split("## Course map", 1)[-1].split("\n## ", 1)[0]
    return {stem: learn.strip() for number, stem, learn in MAP_ROW.findall(section) if stem[:2] == number}


def missing_parts(course):
    """What each notebook lacks, one line per missing part; [] when the course is complete."""
    problems = []
    rows = course_map(course.readme)
    for stem, nb in course.notebooks.items():
        number, module = stem[:2], f"nb{stem[:2]}"
        names, called = exercises_and_checkers(nb)
        cases = course.cases.get(module)
        if names and module not in course.checkers:
            problems.append(f"{stem}: no exercises module nn_helpers/course/exercises/{module}.py")
        for name in sorted(called - course.checkers.get(module, set())):
            problems.append(f"{stem}: calls {name}, which nn_helpers/course/exercises/{module}.py does not define")
        if number not in course.quizzes:
            problems.append(f"{stem}: no quiz nn_helpers/course/quizzes/{module}.py")
        if names and cases is None:
            problems.append(f"{stem}: no checker cases tests/course/exercise_cases/{module}.py")
        elif cases is not None:
            for name in sorted(called - set(getattr(cases, "CASES", {}))):
                problems.append(f"{stem}: no CASES for {name} in tests/course/exercise_cases/{module}.py")
            for kind in ("NATURAL", "WRONG"):
                if sorted(getattr(cases, kind, {})) != sorted(names):
                    problems.append(f"{stem}: {kind} of tests/course/exercise_cases/{module}.py has answers for "
                                    f"{sorted(getattr(cases, kind, {}))}, the exercises are {names}")
        if stem not in rows:
            problems.append(f"{stem}: no row in README.md's course map")
    for stem in rows:
        if stem not in course.notebooks:
            problems.append(f"README.md's course map has a row for {stem}, which is no notebook")
    if list(rows) != sorted(rows):
        problems.append(f"README.md's course map is not in notebook order: {list(rows)}")
    return problems


COURSE = real_course()


def test_every_notebook_has_its_exercises_quiz_cases_and_course_map_row():
    assert len(COURSE.notebooks) >= 11
    assert missing_parts(COURSE) == []


def test_the_course_map_describes_every_notebook_it_links():
    rows = course_map(COURSE.readme)
    assert list(rows) == list(COURSE.notebooks)
    assert all(len(learn) > 20 and learn != "ready" for learn in rows.values()), rows


def test_the_exercises_and_checkers_of_a_notebook_are_found():
    names, called = exercises_and_checkers(COURSE.notebooks["07_backpropagation"])
    assert names == ["07.1", "07.2", "07.3"]
    assert called == {"check_dE_dw7", "check_output_delta", "check_hidden_delta"}


def _without(course, part, module="nb07"):
    course = copy.copy(course)
    if part == "exercises module":
        course.checkers = {k: v for k, v in course.checkers.items() if k != module}
    elif part == "quiz":
        course.quizzes = course.quizzes - {module[2:]}
    elif part == "checker cases":
        course.cases = {k: v for k, v in course.cases.items() if k != module}
    elif part == "a checker's cases":
        real = course.cases[module]
        cases = {k: v for k, v in real.CASES.items() if k != "check_hidden_delta"}
        course.cases = {**course.cases, module: types.SimpleNamespace(CASES=cases, NATURAL=real.NATURAL,
                                                                      WRONG=real.WRONG)}
    elif part == "a natural answer":
        real = course.cases[module]
        natural = {k: v for k, v in real.NATURAL.items() if k != "07.2"}
        course.cases = {**course.cases, module: types.SimpleNamespace(CASES=real.CASES, NATURAL=natural,
                                                                      WRONG=real.WRONG)}
    elif part == "course map row":
        course.readme = re.sub(r"^\| \[07 .*\n", "", course.readme, flags=re.MULTILINE)
    return course


@pytest.mark.parametrize("part, says", [
    ("exercises module", "07_backpropagation: no exercises module nn_helpers/course/exercises/nb07.py"),
    ("quiz", "07_backpropagation: no quiz nn_helpers/course/quizzes/nb07.py"),
    ("checker cases", "07_backpropagation: no checker cases tests/course/exercise_cases/nb07.py"),
    ("a checker's cases", "07_backpropagation: no CASES for check_hidden_delta"),
    ("a natural answer", "07_backpropagation: NATURAL of tests/course/exercise_cases/nb07.py has answers for "
                         "['07.1', '07.3'], the exercises are ['07.1', '07.2', '07.3']"),
    ("course map row", "07_backpropagation: no row in README.md's course map"),
])
def test_a_missing_part_is_named(part, says):
    problems = missing_parts(_without(COURSE, part))
    assert problems and all(p.startswith("07_backpropagation: ") for p in problems), problems
    assert any(p.startswith(says) for p in problems), problems


def test_a_new_notebook_without_its_parts_is_named_part_by_part():
    """A notebook 11 with one exercise and its checker cell, and none of the four files yet."""
    course = copy.copy(COURSE)
    new = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 11 · A new topic\n\n### Exercise 11.1: a new idea"),
        nbformat.v4.new_code_cell("def idea(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION"),
        nbformat.v4.new_code_cell("check_idea(idea)")])
    course.notebooks = {**COURSE.notebooks, "11_a_new_topic": new}
    assert missing_parts(course) == [
        "11_a_new_topic: no exercises module nn_helpers/course/exercises/nb11.py",
        "11_a_new_topic: calls check_idea, which nn_helpers/course/exercises/nb11.py does not define",
        "11_a_new_topic: no quiz nn_helpers/course/quizzes/nb11.py",
        "11_a_new_topic: no checker cases tests/course/exercise_cases/nb11.py",
        "11_a_new_topic: no row in README.md's course map"]


def test_a_course_map_row_without_its_notebook_is_named():
    course = copy.copy(COURSE)
    course.notebooks = {k: v for k, v in COURSE.notebooks.items() if k != "10_beyond_sgd"}
    assert missing_parts(course) == ["README.md's course map has a row for 10_beyond_sgd, which is no notebook"]
