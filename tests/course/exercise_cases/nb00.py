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
