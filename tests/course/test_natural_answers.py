"""Every learner notebook, answered three ways, checked by the self-check as a learner runs it.

- natural right answers (``NATURAL`` of ``tests/course/exercise_cases/nbNN.py``: the surrounding
  cells' names reused, NumPy scalars kept): every exercise solved and **no later cell computes
  anything different** (no variable traps);
- typical wrong answers: no exercise solved, every other cell as the course's;
- unsolved: no exercise solved, every other cell as the course's, nothing raises.

Each file stores outputs that would fool a check against the file itself: the wrong and the
unsolved ones store the solution's outputs (every checker saying "✅ Correct"), the natural one
stores the unsolved run's outputs ("⏳ Not solved yet"). Notebook 07 is also tested with notebooks
executed and saved in a kernel, in tests/course/test_selfcheck.py.
"""
import nbformat
import pytest

from nn_helpers.course import record as rec
from tests.course.natural_answers import NATURAL, WRONG, answered
from tests.course.selfcheck_runs import REPO, learner_copy, self_check, solved
from tools.course_files import solution_paths

STEMS = [p.stem for p in solution_paths()]


def with_outputs_of(nb, source):
    """nb with every code cell's stored outputs taken from the cell of the same id in source."""
    stored = {c.id: c.outputs for c in source.cells if c.cell_type == "code"}
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = stored.get(cell.id, [])
            cell.execution_count = 1
    return nb


@pytest.mark.parametrize("stem", STEMS)
def test_natural_wrong_and_unsolved_answers_are_judged_against_the_course(stem, tmp_path):
    learner = learner_copy(stem)
    solution = nbformat.read(REPO / "notebooks" / "solutions" / f"{stem}.ipynb", as_version=4)
    mine = {name: code for name, code in NATURAL.items() if name.startswith(stem[:2])}
    wrong = {name: code for name, code in WRONG.items() if name.startswith(stem[:2])}
    exercises = list(rec.load(stem)["exercises"])
    assert sorted(mine) == sorted(wrong) == exercises, "every exercise needs a natural and a wrong answer"

    files = {"natural": with_outputs_of(answered(learner, mine), learner),
             "wrong": with_outputs_of(answered(learner, wrong), solution),
             "unsolved": with_outputs_of(learner, solution)}
    for name, nb in files.items():
        nbformat.write(nb, tmp_path / f"{name}.ipynb")
    code, output, results = self_check([tmp_path / f"{name}.ipynb" for name in files], cwd=tmp_path)

    assert solved(results["natural.ipynb"]) == exercises, output
    for name in files:
        assert results[f"{name}.ipynb"]["other_failures"] == 0, f"{name}: a later cell changed\n{output}"
        assert results[f"{name}.ipynb"]["edited"] == [] and results[f"{name}.ipynb"]["missing"] == []
    assert solved(results["wrong.ipynb"]) == [] and solved(results["unsolved.ipynb"]) == []
    raised = [(name, e["name"]) for name in files for e in results[f"{name}.ipynb"]["exercises"]
              if any("raised" in p for p in e["problems"])]
    assert raised == [], "a stub or a typical wrong answer must not raise"
