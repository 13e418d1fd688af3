"""Answers for the checkers of 03_activation_functions."""
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _softmax_no_shift(Z):
    e = np.exp(Z)
    return e / e.sum(axis=1, keepdims=True)


def _softmax_global_shift(Z):
    e = np.exp(Z - Z.max())
    return e / e.sum(axis=1, keepdims=True)


def _softmax_row_min_shift(Z):
    e = np.exp(Z - Z.min(axis=1, keepdims=True))   # the smallest exponent is exp(0): the others overflow
    return e / e.sum(axis=1, keepdims=True)


def _softmax_row_mean_shift(Z):
    e = np.exp(Z - Z.mean(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _softmax_columns(Z):
    e = np.exp(Z - Z.max(axis=0))
    return e / e.sum(axis=0)


def _softmax_no_keepdims(Z):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1)          # shape (n,): cannot divide an (n, K) array row by row


def _leaky_prime_if(z):
    if z > 0:              # Python's if on an array: "truth value ... is ambiguous"
        return 1.0
    return 0.01


CASES = {
    "check_leaky_relu_prime": {
        "kind": "function",
        "right": [lambda z: np.where(z > 0, 1.0, 0.01),
                  lambda z: (z > 0) * 0.99 + 0.01,
                  lambda z: np.array([1.0 if v > 0 else 0.01 for v in z])],
        "wrong": [(lambda z: np.where(z > 0, 0.01, 1.0), "swapped"),
                  (lambda z: np.where(z > 0, 1.0, 0.1), "not 0.1"),
                  (lambda z: (z > 0).astype(float), "ReLU's slope"),
                  (lambda z: np.where(z > 0, z, 0.01 * z), "leaky_relu(z) itself"),
                  (lambda z: np.where(z >= 0, 1.0, 0.01), "not z >= 0"),
                  (_leaky_prime_if, "np.where"),
                  (lambda z: 0.01, "one value")],
    },
    "check_tanh_from_sigmoid": {
        "kind": "function",
        "right": [lambda z: 2 * _sigmoid(2 * z) - 1,
                  lambda z: np.tanh(z),
                  lambda z: (1 - np.exp(-2 * z)) / (1 + np.exp(-2 * z))],
        "wrong": [(lambda z: 2 * _sigmoid(z) - 1, "sigmoid(2 * z)"),
                  (lambda z: _sigmoid(2 * z) - 1, "multiply by 2"),
                  (lambda z: 2 * _sigmoid(2 * z) + 1, "do not add"),
                  (lambda z: 2 * _sigmoid(2 * z), "subtract 1 at the end"),
                  (lambda z: np.tanh(2 * z), "tanh(2z)"),
                  (lambda z: 2 * (_sigmoid(2 * z) - 1), "check the brackets"),
                  (lambda z: _sigmoid(z), "expected")],
    },
    "check_softmax_batch": {
        "kind": "function",
        "right": [lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True))
                  / np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True),
                  lambda Z: np.array([np.exp(r - r.max()) / np.exp(r - r.max()).sum() for r in Z])],
        "wrong": [(_softmax_no_shift, "overflows"),
                  (_softmax_global_shift, "each row's own maximum"),
                  (_softmax_row_min_shift, "subtract each row's maximum: the largest exponent is then exp(0) = 1"),
                  (_softmax_row_mean_shift, "subtract each row's maximum: the largest exponent is then exp(0) = 1"),
                  (_softmax_columns, "normalised each column"),
                  (_softmax_no_keepdims, "keepdims=True"),
                  (lambda Z: np.exp(Z - Z.max()) / np.exp(Z - Z.max()).sum(), "sum of the whole array"),
                  (lambda Z: np.exp(Z - Z.max(axis=1, keepdims=True)), "normalise"),
                  (lambda Z: 1.0, "one value")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    "03.1": "return np.where(z > 0, 1.0, 0.01)",
    "03.2": "return 2 * activations.sigmoid(2 * z) - 1",
    "03.3": ("e = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
             "return e / e.sum(axis=1, keepdims=True)"),
}

WRONG = {
    "03.1": "return np.where(z > 0, 0.01, 1.0)",                         # the two slopes swapped
    "03.2": "return 2 * activations.sigmoid(z) - 1",                     # sigmoid(z), not sigmoid(2z)
    "03.3": ("e = np.exp(Z - Z.max(axis=0))\n"                           # columns instead of rows
             "return e / e.sum(axis=0)"),
}
