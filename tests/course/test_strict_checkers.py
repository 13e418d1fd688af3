"""A checker called with ``strict=True`` (what the nbgrader export's test cells do) prints its usual
one line, then raises ``AssertionError`` with that same line unless the answer is right; called as the
learner calls it, it still never raises."""
import inspect

import pytest

from nn_helpers.course import exercises
from tests.course.test_exercises import CASES, CHECKERS, FUNCTION_CHECKERS, VALUE_CHECKERS, stub


def _strict(name, answer, capsys):
    """(the line printed, the AssertionError's message or None) for check_x(answer, strict=True)."""
    try:
        getattr(exercises, name)(answer, strict=True)
        raised = None
    except AssertionError as err:
        raised = str(err)
    return capsys.readouterr().out, raised


@pytest.mark.parametrize("name", CHECKERS)
def test_a_right_answer_passes_without_raising(name, capsys):
    for answer in CASES[name]["right"]:
        line, raised = _strict(name, answer, capsys)
        assert raised is None, raised
        assert line.startswith("✅ Correct: ") and line.count("\n") == 1, line


@pytest.mark.parametrize("name, answer, hint",
                         [(n, a, h) for n in CASES for a, h in CASES[n]["wrong"]])
def test_a_wrong_answer_raises_the_line_it_printed(name, answer, hint, capsys):
    line, raised = _strict(name, answer, capsys)
    assert raised == line.rstrip("\n"), "the AssertionError says exactly what was printed"
    assert raised.startswith("❌ Not quite: ") and hint in raised
    assert "\n" not in raised


@pytest.mark.parametrize("name", CHECKERS)
def test_the_stub_raises_not_solved_yet(name, capsys):
    line, raised = _strict(name, stub if name in FUNCTION_CHECKERS else None, capsys)
    assert raised == line.rstrip("\n")
    assert raised.startswith("⏳ Not solved yet: ")


@pytest.mark.parametrize("name", FUNCTION_CHECKERS)
def test_a_function_that_raises_gives_an_assertion_error_naming_its_error(name, capsys):
    line, raised = _strict(name, lambda *args: 1 / 0, capsys)
    assert raised == line.rstrip("\n")
    assert raised.startswith("❌ Not quite: ") and "raised ZeroDivisionError" in raised


@pytest.mark.parametrize("name", VALUE_CHECKERS)
def test_a_value_that_is_no_number_gives_an_assertion_error(name, capsys):
    line, raised = _strict(name, "seventy", capsys)
    assert raised == line.rstrip("\n") and raised.startswith("❌ Not quite: ")


def test_a_checker_whose_own_code_fails_raises_its_report_only_when_strict(capsys):
    @exercises.checker
    def check_broken(answer):
        raise RuntimeError("bug in the checker")

    check_broken(stub)                                   # the learner's call: reported, not raised
    assert "checking your answer failed with RuntimeError" in capsys.readouterr().out
    with pytest.raises(AssertionError, match="checking your answer failed with RuntimeError"):
        check_broken(stub, strict=True)


@pytest.mark.parametrize("name", CHECKERS)
def test_without_strict_nothing_is_raised(name, capsys):
    wrong = CASES[name]["wrong"][0][0]
    getattr(exercises, name)(wrong)                      # the default: print, never raise
    getattr(exercises, name)(wrong, strict=False)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(line.startswith("❌ Not quite: ") for line in lines)


def test_strict_is_keyword_only():
    with pytest.raises(TypeError):
        exercises.check_accuracy(CASES["check_accuracy"]["right"][0], True)
    assert "strict" not in inspect.signature(exercises.check_accuracy.verdict).parameters
