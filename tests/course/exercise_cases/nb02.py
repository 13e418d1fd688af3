"""Answers for the checkers of 02_the_neuron."""
import numpy as np

from nn_helpers.activations import sigmoid, step

CASES = {
    "check_neuron": {
        "kind": "function",
        "right": [lambda x, w, b: float(sigmoid(np.dot(w, x) + b)),
                  lambda x, w, b: 1 / (1 + np.exp(-(sum(wi * xi for wi, xi in zip(w, x)) + b))),
                  lambda x, w, b: sigmoid(w @ x + b)],
        "wrong": [(lambda x, w, b: np.dot(w, x) + b, "apply the activation"),
                  (lambda x, w, b: sigmoid(np.dot(w, x)), "left out the bias"),
                  (lambda x, w, b: step(np.dot(w, x) + b), "step function"),
                  (lambda x, w, b: 1 / (1 + np.exp(np.dot(w, x) + b)), "sign in the exponent"),
                  (lambda x, w, b: sigmoid(np.sum(w) + np.sum(x) + b), "dot product"),
                  (lambda x, w, b: sigmoid(w * x + b), "one number")],
    },
    "check_line": {
        "kind": "function",
        "right": [lambda w1, w2, b: (-w1 / w2, -b / w2),
                  lambda w1, w2, b: np.array([-w1, -b]) / w2],
        "wrong": [(lambda w1, w2, b: (w1 / w2, b / w2), "minus sign"),
                  (lambda w1, w2, b: (-w2 / w1, -b / w1), "solved for x1"),
                  (lambda w1, w2, b: (-w1 / w2, -b), "divide b by w2"),
                  (lambda w1, w2, b: (-b / w2, -w1 / w2), "(slope, intercept)"),
                  (lambda w1, w2, b: -w1 / w2, "expected a pair")],
    },
    "check_nand": {
        "kind": "value",
        "right": [(-1.0, -1.0, 1.5), (-2, -2, 3), [-1.0, -1.0, 1.0], np.array([-0.5, -0.7, 1.0])],
        "wrong": [((1.0, 1.0, -1.5), "that is AND"),
                  ((-1.0, -1.0, 2.5), "every row gives 1"),
                  ((-1.0, -1.0, 2.0), "z = 0 exactly"),
                  ((-1.0, -1.0, -0.5), "b must be >= 0"),
                  ((1.0, 1.0), "three numbers")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    "02.1": ("z = np.dot(w, x) + b\n"
             "return sigmoid(z)"),
    "02.2": "return -w1 / w2, -b / w2",
    "02.3": ("w1, w2, b = -1.0, -1.0, 1.5\n"
             "nand_weights = (w1, w2, b)"),
}

WRONG = {
    "02.1": "return np.dot(w, x) + b",                                   # no activation
    "02.2": "return w1 / w2, b / w2",                                    # lost the minus sign
    "02.3": ("w1, w2, b = 1.0, 1.0, -1.5\n"                              # that is AND
             "nand_weights = (w1, w2, b)"),
}
