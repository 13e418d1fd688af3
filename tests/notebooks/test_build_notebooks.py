"""The exercise pipeline: solutions -> learner copies (tools/build_notebooks.py).

The solutions pass (nbval on notebooks/solutions, run by plain `pytest`, and the stored checker
lines say Correct); the learner copies carry no answer and no verdict. How learner notebooks are
judged (unsolved, wrong, right, edited) is tested in tests/course/test_selfcheck.py and
tests/course/test_natural_answers.py.
"""
import re
import shutil

import nbformat
import pytest

from tools import build_notebooks as build

SOLUTION_PATHS = build.solution_paths()
CHECKER_CALL = re.compile(r"^\s*check_\w+\(", re.MULTILINE)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def is_checker(cell):
    return bool(CHECKER_CALL.search(cell.source))


# ---------------------------------------------------------------- stripping
def test_solution_block_becomes_stub_at_its_indentation():
    source = ("def f(x):\n"
              "    \"\"\"Doc.\"\"\"\n"
              "    ### BEGIN SOLUTION\n"
              "    y = 2 * x\n"
              "    return y\n"
              "    ### END SOLUTION\n"
              "\n"
              "f(3)")
    assert build.strip_solutions(source) == ("def f(x):\n"
                                             "    \"\"\"Doc.\"\"\"\n"
                                             "    ...  # YOUR CODE HERE\n"
                                             "\n"
                                             "f(3)")


def test_stubbed_function_returns_none_instead_of_raising():
    source = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\nresult = f(1)"
    namespace = {}
    exec(build.strip_solutions(source), namespace)   # noqa: S102 - our own fixed source
    assert namespace["result"] is None


@pytest.mark.parametrize("source, problem", [
    ("### BEGIN SOLUTION\nx = 1", "without END"),
    ("x = 1\n### END SOLUTION", "without BEGIN"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "inside another"),
])
def test_unbalanced_markers_are_build_errors(source, problem):
    with pytest.raises(build.BuildError, match=problem):
        build.strip_solutions(source)


# ---------------------------------------------------------------- the notebooks in the repo
def test_there_are_solution_notebooks_and_each_has_a_learner_twin():
    assert SOLUTION_PATHS, "no notebooks/solutions/NN_*.ipynb found"
    learner_names = {p.name for p in build.LEARNER.glob("[0-9][0-9]_*.ipynb")}
    assert learner_names == {p.name for p in SOLUTION_PATHS}


def test_learner_notebooks_equal_a_fresh_build():
    assert build.stale() == [], "run: python -m tools.build_notebooks"


def test_stale_check_catches_an_edited_solution(tmp_path):
    solutions, learner = tmp_path / "solutions", tmp_path / "learner"
    solutions.mkdir()
    shutil.copytree(build.LEARNER, learner, ignore=shutil.ignore_patterns("solutions"))
    path = SOLUTION_PATHS[0]
    nb = nbformat.read(path, as_version=4)
    nbformat.write(nb, solutions / path.name)
    assert build.stale(solutions=solutions, learner=learner) == []
    nb.cells[0].source += "\nAn edit nobody rebuilt."
    nbformat.write(nb, solutions / path.name)
    assert build.stale(solutions=solutions, learner=learner) == [path.name]


@pytest.mark.parametrize("path", SOLUTION_PATHS, ids=lambda p: p.stem)
def test_solution_was_executed_top_to_bottom_without_errors(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in code_cells(nb)]
    assert counts == list(range(1, len(counts) + 1)), "not a clean Restart & Run All: rebuild it"
    errors = [i for i, c in enumerate(code_cells(nb)) for o in c.outputs if o.output_type == "error"]
    assert errors == []


@pytest.mark.parametrize("path", SOLUTION_PATHS, ids=lambda p: p.stem)
def test_every_exercise_is_followed_by_a_checker_that_says_correct(path):
    cells = code_cells(nbformat.read(path, as_version=4))
    exercises = [i for i, c in enumerate(cells) if build.has_solution(c)]
    assert exercises, f"{path.name} has no exercise"
    for i in exercises:
        checker = next((c for c in cells[i + 1:] if is_checker(c)), None)
        assert checker is not None, f"code cell {i} is an exercise with no checker cell after it"
    for c in filter(is_checker, cells):
        text = "".join(o.get("text", "") for o in c.outputs)
        assert text.startswith("✅ Correct"), f"stored checker output is not a pass: {text!r}"


@pytest.mark.parametrize("path", SOLUTION_PATHS, ids=lambda p: p.stem)
def test_learner_copy_shows_no_answer_and_no_verdict_before_the_learner_acts(path):
    learner = nbformat.read(build.LEARNER / path.name, as_version=4)
    record = {c["id"]: c for c in build.course_record.load(path.stem)["cells"]}
    answers = [c for c in code_cells(learner) if record[c.id]["kind"] != "teaching"]
    assert answers and all(c.outputs == [] for c in answers)
    stored = " ".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                      for c in code_cells(learner) for o in c.outputs)
    assert "Correct" not in stored and "Not quite" not in stored and "Not solved" not in stored
    # ... while the record keeps what the checkers must print
    assert all(record[c.id]["outputs"] for c in answers if record[c.id]["kind"] == "checker")
