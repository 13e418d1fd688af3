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
