"""Answers for the checkers of 04_forward_propagation."""
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _layer_loops(a, W, b):
    """One neuron at a time, as in the number-by-number section."""
    return np.array([_sigmoid(sum(W[j, k] * a[k] for k in range(len(a))) + b[j]) for j in range(len(b))])


CASES = {
    "check_layer_forward": {
        "kind": "function",
        "right": [lambda a, W, b: _sigmoid(W @ a + b),
                  lambda a, W, b: 1 / (1 + np.exp(-(np.dot(W, a) + b))),
                  _layer_loops],
        "wrong": [(lambda a, W, b: _sigmoid(a @ W + b), "use W @ a"),
                  (lambda a, W, b: _sigmoid(W @ a), "left out the bias"),
                  (lambda a, W, b: W @ a + b, "that is z"),
                  (lambda a, W, b: _sigmoid(W @ a) + b, "before the activation"),
                  (lambda a, W, b: _sigmoid(W.T @ a + b), "Row j of W"),
                  (lambda a, W, b: _sigmoid(W @ a + b).reshape(-1, 1), "expected shape")],
    },
    "check_forward_batch": {
        "kind": "function",
        "right": [lambda A, W, b: _sigmoid(A @ W.T + b),
                  lambda A, W, b: _sigmoid(W @ A.T + b[:, None]).T,
                  lambda A, W, b: np.array([_layer_loops(a, W, b) for a in A])],
        "wrong": [(lambda A, W, b: _sigmoid(W @ A.T + b[:, None]), "transpose back"),
                  (lambda A, W, b: _sigmoid(W @ A.T + b), "transpose back"),
                  (lambda A, W, b: _sigmoid(A @ W + b), "use A @ W.T"),
                  (lambda A, W, b: _sigmoid(A @ W.T), "left out the bias"),
                  (lambda A, W, b: A @ W.T + b, "the weighted inputs"),
                  (lambda A, W, b: _sigmoid(A[0] @ W.T + b), "expected shape")],
    },
    "check_hidden_2": {
        "kind": "value",
        "right": [_sigmoid(0.3 * 1 + 0.5 * 1 + 0.6 * 0), 0.68997, np.float64(0.6899744811276125),
                  np.array([0.6899744811276125])],
        "wrong": [(0.8, "apply the sigmoid"),
                  (_sigmoid(0.8 + 0.5), "column 2"),
                  (_sigmoid(0.6), "Python counts from 0"),
                  (_sigmoid(1.7), "node 1"),
                  (_sigmoid(np.array([1.7, 0.8, 0.6])), "all three hidden values"),
                  (0.5, "then apply the sigmoid")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # section 3's pattern (x, z1_2, a1_2) for the input (1, 1, 0)
    "04.1": ("x = np.array([1.0, 1.0, 0.0])\n"
             "z1_2 = 0.3 * x[0] + 0.5 * x[1] + 0.6 * x[2]\n"
             "a1_2 = sigmoid(z1_2)\n"
             "hidden_2 = a1_2"),
    "04.2": "return sigmoid(W @ a + b)",
    "04.3": "return sigmoid(A @ W.T + b)",
}

WRONG = {
    "04.1": ("x = np.array([1.0, 1.0, 0.0])\n"                           # a column of W1, not node 2's row
             "z1_2 = 0.8 * x[0] + 0.5 * x[1] + 0.4 * x[2]\n"
             "a1_2 = sigmoid(z1_2)\n"
             "hidden_2 = a1_2"),
    "04.2": "return W @ a + b",                                          # z, not sigma(z)
    "04.3": "return sigmoid(A @ W + b)",                                 # W, not W.T (silent for square W)
}
