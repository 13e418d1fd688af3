"""Checkers for 00_start_here."""
import numpy as np

from ._core import CORRECT, WRONG, Verdict, args_text, as_number, call, checker, fmt

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
        result, problem = call(accuracy, args)
        if problem:
            return problem
        got, problem = as_number(result, accuracy.__name__, args,
                                 hint="np.mean(...) turns an array into one number.")
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
        return Verdict(WRONG, f"{accuracy.__name__}{args_text(args)} returned {fmt(got)}, "
                              f"expected {fmt(expected)}. Hint: {hint}")
    return Verdict(CORRECT, f"accuracy gives the right fraction on "
                            f"{len(_ACCURACY_CASES)} test cases (for example 0.75 for 3 of 4).")
