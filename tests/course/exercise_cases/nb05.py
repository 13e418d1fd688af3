"""Answers for the checkers of 05_cost_functions."""
import numpy as np

from nn_helpers.examples import boolean_example

_net, _, _ = boolean_example()
_o = float(_net.forward(np.array([0.0, 0.0, 0.0]))[0])       # 0.700567

CASES = {
    "check_mse": {
        "kind": "function",
        "right": [lambda y, y_hat: np.mean((y - y_hat) ** 2),
                  lambda y, y_hat: sum((a - b) ** 2 for a, b in zip(y, y_hat)) / len(y),
                  lambda y, y_hat: float(np.sum((y_hat - y) ** 2) / y.size)],
        "wrong": [(lambda y, y_hat: np.mean(y - y_hat), "forgot to square"),
                  # the notebook's "common mistake": the mean before squaring (1 on the first case,
                  # like np.mean(y - y_hat) itself: only the other cases tell the two apart)
                  (lambda y, y_hat: np.mean(y - y_hat) ** 2, "took the mean of the errors, then squared it"),
                  (lambda y, y_hat: np.mean(y - y_hat ** 2), "squares only y_hat"),
                  (lambda y, y_hat: np.sum((y - y_hat) ** 2), "divide by the number of samples"),
                  (lambda y, y_hat: np.sum(y - y_hat) ** 2 / len(y), "squared the sum"),
                  (lambda y, y_hat: np.mean(np.abs(y - y_hat)), "ABSOLUTE"),
                  (lambda y, y_hat: 0.5 * np.mean((y - y_hat) ** 2), "no 1/2"),
                  (lambda y, y_hat: (y - y_hat) ** 2, "one number")],
    },
    "check_binary_cross_entropy": {
        "kind": "function",
        "right": [lambda t, p: -(t * np.log(p) + (1 - t) * np.log(1 - p)),
                  lambda t, p: -np.log(p) if t == 1 else -np.log(1 - p)],
        "wrong": [(lambda t, p: t * np.log(p) + (1 - t) * np.log(1 - p), "the sign"),
                  (lambda t, p: -(t * np.log(1 - p) + (1 - t) * np.log(p)), "wrong term"),
                  (lambda t, p: -(t * np.log10(p) + (1 - t) * np.log10(1 - p)), "base 10"),
                  (lambda t, p: -np.log(p), "only when t = 1"),
                  (lambda t, p: -t * np.log(p) + (1 - t) * np.log(1 - p), "cover both terms"),
                  (lambda t, p: 0.5 * (t - p) ** 2, "half squared error")],
    },
    "check_half_squared_error": {
        "kind": "value",
        "right": [0.5 * (1 - _o) ** 2, round(0.5 * (1 - _o) ** 2, 6), np.float64(0.5 * (1 - _o) ** 2)],
        "wrong": [((1 - _o) ** 2, "forgot the 1/2"),
                  (np.array([0.5 * (1 - _o) ** 2]), "take its [0]"),
                  (0.5 * (1 - _o), "square the error"),
                  ((0.5 * (1 - _o)) ** 2, "halved the error, then squared it"),
                  (0.5 * _o ** 2, "not 0"),
                  (0.5 * (1 - 0.70) ** 2, "rounded"),
                  (-0.5 * (1 - _o) ** 2, "never negative")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # the task's formula 1/2 (t - o)^2, with its names
    "05.1": ("t = 1.0\n"
             "o = net.forward(np.array([0.0, 0.0, 0.0]))[0]\n"
             "E = 0.5 * (t - o) ** 2"),
    "05.2": "return np.mean((y - y_hat) ** 2)",
    "05.3": "return -(t * np.log(p) + (1 - t) * np.log(1 - p))",
}

WRONG = {
    "05.1": ("t = 1.0\n"                                                 # forgot the 1/2
             "o = net.forward(np.array([0.0, 0.0, 0.0]))[0]\n"
             "E = (t - o) ** 2"),
    "05.2": "return np.sum((y - y_hat) ** 2)",                           # a sum, not a mean
    "05.3": "return t * np.log(p) + (1 - t) * np.log(1 - p)",            # forgot the minus sign
}
