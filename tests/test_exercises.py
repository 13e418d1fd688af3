"""Every checker accepts a right answer, names what is wrong in typical wrong answers,
says "not solved yet" for the stub, and never crashes on garbage."""
import importlib
import inspect
from pathlib import Path

import numpy as np
import pytest

from nn_helpers import exercises
from nn_helpers.exercises import CORRECT, UNSOLVED, WRONG


def stub(*args):
    ...  # YOUR CODE HERE  (what a learner's unsolved exercise looks like)


def _all_cases():
    """CASES of every tests/exercise_cases/nbNN.py, merged (one module per notebook)."""
    cases = {}
    for path in sorted((Path(__file__).parent / "exercise_cases").glob("nb*.py")):
        module = importlib.import_module(f"tests.exercise_cases.{path.stem}")
        overlap = set(cases) & set(module.CASES)
        assert not overlap, f"{path.name} defines cases for {overlap} again"
        cases.update(module.CASES)
    return cases


CASES = _all_cases()
CHECKERS = sorted(name for name, f in inspect.getmembers(exercises, callable)
                  if name.startswith("check_"))


def test_every_checker_is_exported_from_its_notebook_module():
    modules = {getattr(exercises, n).__module__ for n in CHECKERS}
    assert all(m.startswith("nn_helpers.exercises.nb") for m in modules), modules


def test_every_checker_has_cases_with_at_least_two_wrong_answers():
    assert CHECKERS, "no checkers found"
    assert set(CHECKERS) == set(CASES)
    for name in CHECKERS:
        assert len(CASES[name]["wrong"]) >= 2, name


@pytest.mark.parametrize("name", CHECKERS)
def test_right_answers_pass(name):
    for answer in CASES[name]["right"]:
        verdict = getattr(exercises, name).verdict(answer)
        assert verdict.status == CORRECT, verdict.message


@pytest.mark.parametrize("name, answer, hint",
                         [(n, a, h) for n in CASES for a, h in CASES[n]["wrong"]])
def test_wrong_answers_are_rejected_with_a_hint(name, answer, hint):
    verdict = getattr(exercises, name).verdict(answer)
    assert verdict.status == WRONG
    assert hint in verdict.message


FUNCTION_CHECKERS = [n for n in CHECKERS if CASES.get(n, {}).get("kind") == "function"]
VALUE_CHECKERS = [n for n in CHECKERS if CASES.get(n, {}).get("kind") == "value"]


def test_every_checker_says_what_it_takes():
    assert sorted(FUNCTION_CHECKERS + VALUE_CHECKERS) == CHECKERS


@pytest.mark.parametrize("name", FUNCTION_CHECKERS)
def test_the_stub_function_is_not_solved_yet(name):
    verdict = getattr(exercises, name).verdict(stub)
    assert verdict.status == UNSOLVED
    assert "Replace the `...`" in verdict.message


@pytest.mark.parametrize("name", VALUE_CHECKERS)
def test_the_stub_value_is_not_solved_yet(name):
    verdict = getattr(exercises, name).verdict(None)
    assert verdict.status == UNSOLVED
    assert "Replace the `...`" in verdict.message


def _reports_one_wrong_line(name, garbage, capsys):
    getattr(exercises, name)(garbage)              # must not raise
    line = capsys.readouterr().out
    assert line.startswith("❌ Not quite"), line
    assert line.count("\n") == 1, "a checker prints exactly one line"
    return line


@pytest.mark.parametrize("name", FUNCTION_CHECKERS)
@pytest.mark.parametrize("garbage, says", [
    (lambda *a: 1 / 0, "raised ZeroDivisionError"),
    (lambda *a: "seventy", "seventy"),
    (lambda *a: float("nan"), "nan"),
    (lambda: 1, "raised TypeError"),           # wrong number of parameters
    (42, "expected a function"),
])
def test_garbage_functions_are_reported_not_raised(name, garbage, says, capsys):
    assert says in _reports_one_wrong_line(name, garbage, capsys)


@pytest.mark.parametrize("name", VALUE_CHECKERS)
@pytest.mark.parametrize("garbage", ["seventy", float("nan"), [[1.0, 2.0], [3.0, 4.0]], object(), print])
def test_garbage_values_are_reported_not_raised(name, garbage, capsys):
    _reports_one_wrong_line(name, garbage, capsys)


def test_checker_prints_one_stable_line_on_success(capsys):
    exercises.check_accuracy(CASES["check_accuracy"]["right"][0])
    exercises.check_accuracy(CASES["check_accuracy"]["right"][0])
    first, second = capsys.readouterr().out.splitlines()
    assert first == second and first.startswith("✅ Correct")


def test_a_checker_whose_own_code_fails_reports_instead_of_raising(capsys):
    @exercises.checker
    def check_broken(answer):
        raise RuntimeError("bug in the checker")
    check_broken(stub)
    assert "checking your answer failed with RuntimeError" in capsys.readouterr().out


def test_checkers_do_not_modify_the_learners_inputs():
    seen = []

    def spy(t, p):
        seen.append((t.copy(), p.copy()))
        t[:] = 0                                   # a learner's function that scribbles on its input
        return np.mean(t == p)

    exercises.check_accuracy.verdict(spy)
    again = []
    exercises.check_accuracy.verdict(lambda t, p: again.append((t.copy(), p.copy())) or 0.5)
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(seen, again))
