"""Answers for the checkers of 01_what_is_a_neural_network."""
import numpy as np


def _s(z):
    return 1 / (1 + np.exp(-z))


_A = _s(np.array([4.0 * 0.5 - 1.0, -2.0 * 0.5 + 0.5]))        # the hidden units at x = 0.5

CASES = {
    "check_network_output": {
        "kind": "value",
        "right": [float(2.0 * _A[0] - 1.0 * _A[1] + 0.5),
                  np.array([2.0, -1.0]) @ _A + np.array([0.5]),          # shape (1,): still one number
                  1.584577],                                             # rounded to 6 places
        "wrong": [(2.0 * 1.0 - 1.0 * (-0.5) + 0.5, "skipped the sigmoid"),
                  (float(2.0 * _A[0] - 1.0 * _A[1]), "output bias"),
                  (float(_s(2.0 * _A[0] - 1.0 * _A[1] + 0.5)), "identity"),
                  (float(2.0 * np.tanh(1.0) - np.tanh(-0.5) + 0.5), "not tanh"),
                  (float(2.0 * _s(2.0) - _s(-1.0) + 0.5), "hidden unit's bias"),
                  (np.array([1.0, 2.0]), "2 numbers"),
                  (True, "True/False"),
                  (2.0 * 0.731 - 0.378 + 0.5, "keep full precision")],
    },
    "check_bump": {
        "kind": "function",
        "right": [lambda x, l, r, h, s: h * (_s(s * (x - l)) - _s(s * (x - r))),
                  lambda x, l, r, h, s: h / (1 + np.exp(-s * (x - l))) - h / (1 + np.exp(-s * (x - r))),
                  lambda x, l, r, h, s: np.array([h * (_s(s * (xi - l)) - _s(s * (xi - r))) for xi in x])],
        "wrong": [(lambda x, l, r, h, s: h * (_s(s * (x - r)) - _s(s * (x - l))), "upside down"),
                  (lambda x, l, r, h, s: _s(s * (x - l)) - _s(s * (x - r)), "by `height`"),
                  (lambda x, l, r, h, s: h * (_s(s * x - l) - _s(s * x - r)), "not just x"),
                  (lambda x, l, r, h, s: h * (_s(s * (x - l)) + _s(s * (x - r))), "not their sum"),
                  (lambda x, l, r, h, s: h * _s(s * (x - l)), "one step up"),
                  (lambda x, l, r, h, s: h * (_s(x - l) - _s(x - r)), "multiply (x - left)"),
                  (lambda x, l, r, h, s: float(np.sum(h * (_s(s * (x - l)) - _s(s * (x - r))))), "shape")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # the worked example's names w, b, v, c, x, a, y_hat
    "01.1": ("w, b = np.array([4.0, -2.0]), np.array([-1.0, 0.5])\n"
             "v, c = np.array([2.0, -1.0]), 0.5\n"
             "x = 0.5\n"
             "a = sigmoid(w * x + b)\n"
             "y_hat = v @ a + c"),
    "01.2": "return height * (sigmoid(steepness * (x - left)) - sigmoid(steepness * (x - right)))",
}

WRONG = {
    "01.1": ("w, b = np.array([4.0, -2.0]), np.array([-1.0, 0.5])\n"    # skipped the sigmoid
             "v, c = np.array([2.0, -1.0]), 0.5\n"
             "x = 0.5\n"
             "a = w * x + b\n"
             "y_hat = v @ a + c"),
    "01.2": "return height * (sigmoid(steepness * (x - right)) - sigmoid(steepness * (x - left)))",  # upside down
}
