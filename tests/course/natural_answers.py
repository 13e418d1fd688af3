"""What a learner types into each exercise: one natural right answer and one typical wrong one.

The rule these answers test (DESIGN.md, "Exercises"): whatever a learner types in an exercise
cell, no later cell of the notebook may compute something different. A first-year student
answers *naturally*: they copy the pattern of the cells around the exercise and reuse their
names (`x`, `t`, `o`, `a1_2`, `eta`, ...), keep NumPy scalars as they come (no `float()`) and
define helper variables on the way. So each NATURAL answer is such an answer, and it is
right; each WRONG answer is the mistake students really make (most are the ones the checkers'
hints name in ``nn_helpers/course/exercises/nbNN.py``), and it runs without raising. They live
beside the notebook's checker cases, in ``tests/course/exercise_cases/nbNN.py``, and are merged here.

    NATURAL["04.1"]    the code that replaces the stub line ``...  # YOUR CODE HERE`` of
    WRONG["04.1"]      exercise 04.1, written unindented (``answered`` indents it)

Every exercise of every notebook has one entry in each (tests/course/test_natural_answers.py). A function exercise's answer is the
function's body (``return ...`` lines); a value exercise's answer is the assignment(s).

``answered(nb, answers)`` puts the answers into a learner notebook (the build's
``learner_version`` of a solution notebook). Executed, a notebook answered with NATURAL must
print "✅ Correct" in every checker cell and give every other cell the solution notebook's
stored output; answered with WRONG, every checker prints "❌ Not quite" and the notebook still
runs to the end.
"""
import copy
import re

from tests.course.exercise_cases import merged

STUB = "...  # YOUR CODE HERE"                      # the build's stub line (tools/build_notebooks.py)
EXERCISE_NAME = re.compile(r"Exercise (\d\d\.\d+)")  # as the course's records find exercise names

NATURAL = merged("NATURAL")    # from tests/course/exercise_cases/nbNN.py, one module per notebook
WRONG = merged("WRONG")


def answered(nb, answers):
    """A copy of the learner notebook ``nb`` with each exercise's stub replaced by its answer.

    An exercise cell is a code cell holding the stub line; its name is the last
    "Exercise NN.k" in the markdown cells before it (the rule of nn_helpers/course/record.py).
    Each line of ``answers[name]`` is indented like the stub. Exercises without an answer
    keep their stub.
    """
    nb = copy.deepcopy(nb)
    name = None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = EXERCISE_NAME.findall(cell.source)
            name = found[-1] if found else name
            continue
        if cell.cell_type != "code" or name not in answers:
            continue
        cell.source = with_answer(cell.source, answers[name])
    return nb


def with_answer(source, answer):
    """A cell's source with its stub line replaced by ``answer``, each line indented like the stub."""
    lines = []
    for line in source.split("\n"):
        if line.strip() == STUB:
            indent = line[:len(line) - len(line.lstrip())]
            lines += [indent + l if l.strip() else l for l in answer.split("\n")]
        else:
            lines.append(line)
    return "\n".join(lines)
