"""Checkers for the notebooks' exercises: one per exercise.

A checker takes the learner's answer (a function or a value) as its argument, never a
global. Calling it prints one line: "Correct", "Not solved yet" (the stub is still
there) or "Not quite" with what was expected, what came, and a hint. It never raises,
whatever the learner's code does, so "Run All" goes on to the end of the notebook.
Each checker's pure part is available as ``check_x.verdict(answer)``, which returns a
``Verdict`` for tests.
"""
import functools
from dataclasses import dataclass

import numpy as np

CORRECT, WRONG, UNSOLVED = "correct", "wrong", "unsolved"
_ICONS = {CORRECT: "✅ Correct", WRONG: "❌ Not quite", UNSOLVED: "⏳ Not solved yet"}


@dataclass(frozen=True)
class Verdict:
    """A checker's judgement: status is "correct", "wrong" or "unsolved"."""

    status: str
    message: str

    @property
    def passed(self):
        return self.status == CORRECT

    def __str__(self):
        return f"{_ICONS[self.status]}: {self.message}"


def checker(verdict_fn):
    """Turn ``verdict_fn(answer) -> Verdict`` into a checker that prints the verdict.

    Anything the verdict function itself raises is a bug in the learner's answer that
    the checks did not anticipate; it is reported, not raised.
    """
    @functools.wraps(verdict_fn)
    def check(answer):
        try:
            verdict = verdict_fn(answer)
        except Exception as err:  # noqa: BLE001 - a checker must never crash the notebook
            verdict = Verdict(WRONG, f"checking your answer failed with {type(err).__name__}: {err}")
        print(verdict)

    check.verdict = verdict_fn
    return check


def _fmt(x):
    """A short, stable text for a value in messages."""
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ", threshold=12)
    return repr(x)


def _call(fn, args):
    """(result, None) or (None, Verdict) when fn is no function, raises, or is a stub."""
    name = getattr(fn, "__name__", "your function")
    if not callable(fn):
        return None, Verdict(WRONG, f"expected a function, got {type(fn).__name__} {_fmt(fn)}. "
                                    f"Pass the function itself, without calling it: check(f), not check(f(...)).")
    try:
        result = fn(*args)
    except Exception as err:  # noqa: BLE001
        return None, Verdict(WRONG, f"{name}{_args(args)} raised {type(err).__name__}: {err}")
    if result is None or result is Ellipsis:
        return None, Verdict(UNSOLVED, f"{name} returned None. Replace the `...` in the exercise "
                                       f"cell with your code, run that cell, then run this one again.")
    return result, None


def _args(args):
    return "(" + ", ".join(_fmt(np.asarray(a)) if isinstance(a, (list, np.ndarray)) else _fmt(a)
                           for a in args) + ")"


def _as_number(result, name, args):
    """result as a float, or a Verdict explaining why it is not one number."""
    if isinstance(result, (bool, np.bool_)):
        return None, Verdict(WRONG, f"{name}{_args(args)} returned {result}, a True/False; "
                                    f"expected a number.")
    if np.ndim(result) != 0:
        return None, Verdict(WRONG, f"{name}{_args(args)} returned an array of shape "
                                    f"{np.shape(result)}; expected one number. Hint: np.mean(...) "
                                    f"turns an array into one number.")
    try:
        return float(result), None
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name}{_args(args)} returned {_fmt(result)}; expected a number.")


# ---------------------------------------------------------------- 00_start_here
_ACCURACY_CASES = [
    (np.array([0, 1, 1, 0]), np.array([0, 1, 0, 0])),          # 3 of 4 right: 0.75
    (np.array([1, 1, 1, 1, 1]), np.array([1, 0, 0, 0, 0])),    # 1 of 5 right: 0.2
    (np.array([2, 0, 1]), np.array([2, 0, 1])),                # all right, 3 classes: 1.0
    (np.array([0, 1]), np.array([1, 0])),                      # none right: 0.0
]


@checker
def check_accuracy(accuracy):
    """Exercise 00.1: accuracy(y_true, y_pred) is the fraction of predictions equal to the labels."""
    for y_true, y_pred in _ACCURACY_CASES:
        args = (y_true.copy(), y_pred.copy())
        result, problem = _call(accuracy, args)
        if problem:
            return problem
        got, problem = _as_number(result, accuracy.__name__, args)
        if problem:
            return problem
        n, right = len(y_true), int(np.sum(y_true == y_pred))
        expected = right / n
        if np.isclose(got, expected):
            continue
        hint = "compare the arrays element by element (==), then take the mean."
        if np.isclose(got, right) and right != expected:
            hint = f"you counted the {right} matches; divide by the number of samples ({n})."
        elif np.isclose(got, 100 * expected):
            hint = "that is a percentage; return a fraction between 0 and 1."
        elif np.isclose(got, 1 - expected):
            hint = "that is the fraction of mistakes (the error rate); count the matches instead."
        return Verdict(WRONG, f"{accuracy.__name__}{_args(args)} returned {_fmt(got)}, "
                              f"expected {_fmt(expected)}. Hint: {hint}")
    return Verdict(CORRECT, f"{accuracy.__name__} gives the right fraction on "
                            f"{len(_ACCURACY_CASES)} test cases (for example 0.75 for 3 of 4).")
