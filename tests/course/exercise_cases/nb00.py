"""Answers for the checkers of 00_start_here."""
import numpy as np

CASES = {
    "check_accuracy": {
        "kind": "function",
        "right": [lambda t, p: np.mean(t == p),
                  lambda t, p: sum(int(a == b) for a, b in zip(t, p)) / len(t)],
        "wrong": [(lambda t, p: np.sum(t == p), "divide by the number of samples"),
                  (lambda t, p: 100 * np.mean(t == p), "percentage"),
                  (lambda t, p: np.mean(t != p), "fraction of mistakes"),
                  (lambda t, p: t == p, "one number"),
                  (lambda t, p: 0.75, "expected 0.2")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    "00.1": "return np.mean(y_true == y_pred)",
}

WRONG = {
    "00.1": "return np.sum(y_true == y_pred)",                           # counts, not a fraction
}
