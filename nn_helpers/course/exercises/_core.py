"""The checker machinery: Verdict, the @checker decorator, and helpers for writing checks.

A checker takes the learner's answer (a function or a value) as its argument, never a
global. Calling it prints one line: "Correct", "Not solved yet" (the stub is still
there) or "Not quite" with what was expected, what came, and a hint. It never raises,
whatever the learner's code does, so "Run All" goes on to the end of the notebook.
Each checker's pure part is available as ``check_x.verdict(answer)``, which returns a
``Verdict`` for tests.

Graders call it strictly: ``check_x(answer, strict=True)`` prints the same line and then
raises ``AssertionError`` with it unless the verdict is "Correct", so that a test runner
(nbgrader's autograded test cells) counts the exercise as failed.
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

    def __post_init__(self):
        # one line, whatever the message holds (a 2-D array prints over several lines)
        object.__setattr__(self, "message", " ".join(str(self.message).split()))

    @property
    def passed(self):
        return self.status == CORRECT

    def __str__(self):
        return f"{_ICONS[self.status]}: {self.message}"


def checker(verdict_fn):
    """Turn ``verdict_fn(answer) -> Verdict`` into a checker that prints the verdict.

    Anything the verdict function itself raises is a bug in the learner's answer that
    the checks did not anticipate; it is reported, not raised. With ``strict=True`` (what
    graders use) a verdict other than "Correct" is printed, then raised as
    ``AssertionError`` with the same one-line message.
    """
    @functools.wraps(verdict_fn)
    def check(answer, *, strict=False):
        try:
            verdict = verdict_fn(answer)
        except Exception as err:  # noqa: BLE001 - a checker must never crash the notebook
            verdict = Verdict(WRONG, f"checking your answer failed with {type(err).__name__}: {err}")
        print(verdict)
        if strict and not verdict.passed:
            raise AssertionError(str(verdict))

    check.verdict = verdict_fn
    return check


def fmt(x):
    """A short, stable text for a value in messages."""
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ", threshold=12)
    return repr(x)


def call(fn, args):
    """(result, None) or (None, Verdict) when fn is no function, raises, or is a stub."""
    name = getattr(fn, "__name__", "your function")
    if not callable(fn):
        return None, Verdict(WRONG, f"expected a function, got {type(fn).__name__} {fmt(fn)}. "
                                    f"Pass the function itself, without calling it: check(f), not check(f(...)).")
    try:
        result = fn(*args)
    except Exception as err:  # noqa: BLE001
        return None, Verdict(WRONG, f"{name}{args_text(args)} raised {type(err).__name__}: {err}")
    if result is None or result is Ellipsis:
        return None, Verdict(UNSOLVED, f"{name} returned None. Replace the `...` in the exercise "
                                       f"cell with your code (a function hands back its result with "
                                       f"`return`, not `print`), run that cell, then run this one again.")
    return result, None


def unsolved_value(answer, name="answer"):
    """A Verdict "not solved yet" when a value exercise still holds its stub (None or ...), else None.

    Value exercises start from ``name = None`` and the learner replaces the stub below it.
    """
    if answer is None or answer is Ellipsis:
        return Verdict(UNSOLVED, f"{name} is still None. Replace the `...` in the exercise cell "
                                 f"with code that sets {name}, run that cell, then run this one again.")
    return None


def args_text(args):
    return "(" + ", ".join(fmt(np.asarray(a)) if isinstance(a, (list, np.ndarray)) else fmt(a)
                           for a in args) + ")"


def as_number(result, name, args, hint=None):
    """result as a float, or a Verdict explaining why it is not one number.

    hint : optional text added when result is an array, naming the exercise's usual way from an
    array to one number (e.g. "np.mean(...) turns an array into one number.").
    """
    if isinstance(result, (bool, np.bool_)):
        return None, Verdict(WRONG, f"{name}{args_text(args)} returned {result}, a True/False; "
                                    f"expected a number.")
    if np.ndim(result) != 0:
        return None, Verdict(WRONG, f"{name}{args_text(args)} returned an array of shape "
                                    f"{np.shape(result)}; expected one number."
                                    + (f" Hint: {hint}" if hint else ""))
    try:
        return float(result), None
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(result)}; expected a number.")


def close_to(result, expected, name, args, atol=1e-6):
    """None when result matches expected (number or array, to atol), else a WRONG Verdict
    that says which: the shape, a NaN, or the values (expected vs got)."""
    expected = np.asarray(expected, dtype=float)
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(result)}; expected numbers "
                              f"like {fmt(expected)}.")
    if got.shape != expected.shape:
        return Verdict(WRONG, f"{name}{args_text(args)} returned shape {got.shape}; expected "
                              f"shape {expected.shape}, e.g. {fmt(expected)}.")
    if not np.all(np.isfinite(got)):
        return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}, which holds NaN or inf; "
                              f"expected {fmt(expected)}.")
    if not np.allclose(got, expected, rtol=0, atol=atol):
        return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}; expected {fmt(expected)}.")
    return None
