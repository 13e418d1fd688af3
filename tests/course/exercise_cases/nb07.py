"""Answers for the checkers of 07_backpropagation (Mazur's 2-2-2 example)."""
import numpy as np

_o2, _h1, _h2 = 0.772928465, 0.593269992, 0.596884378
_dw7 = (_o2 - 0.99) * _o2 * (1 - _o2) * _h1          # -0.022602540


def _sig(z):
    return 1 / (1 + np.exp(-z))


CASES = {
    "check_dE_dw7": {
        "kind": "value",
        "right": [_dw7, -0.02260254, np.float64(_dw7)],
        "wrong": [(-_dw7, "sign is flipped"),
                  ((_o2 - 0.99) * _h1, "sigmoid's slope"),
                  ((_o2 - 0.99) * _o2 * (1 - _o2) * _h2, "that is dE/dw8"),
                  ((_o2 - 0.99) * _o2 * (1 - _o2) * 0.05, "not the input x1"),
                  (0.5 - 0.5 * _dw7, "new w7"),
                  ((_o2 - 0.01) * _o2 * (1 - _o2) * _h1, "target of o2 is t[1]"),
                  ((_o2 - 0.99) * 0.75136507 * (1 - 0.75136507) * _h1, "out_o1's"),
                  (0.5, "multiply the three factors")],
    },
    "check_output_delta": {
        "kind": "function",
        "right": [lambda a, t: (a - t) * a * (1 - a),
                  lambda a, t: np.multiply(a - t, a - a ** 2)],
        "wrong": [(lambda a, t: (t - a) * a * (1 - a), "sign is flipped"),
                  (lambda a, t: a - t, "you left out f'(z)"),
                  (lambda a, t: (a - t) * a, "not a."),
                  (lambda a, t: (a - t) * _sig(a) * (1 - _sig(a)), "applied the sigmoid to a again"),
                  (lambda a, t: np.sum((a - t) * a * (1 - a)), "shape")],
    },
    "check_hidden_delta": {
        "kind": "function",
        "right": [lambda d, W, a: (W.T @ d) * a * (1 - a),
                  lambda d, W, a: np.array([sum(d[j] * W[j, k] for j in range(len(d))) * a[k] * (1 - a[k])
                                            for k in range(len(a))])],
        "wrong": [(lambda d, W, a: (W @ d) * a * (1 - a), "use the transpose"),
                  (lambda d, W, a: W.T @ d, "you left out f'(z)"),
                  (lambda d, W, a: (W.T @ d) * _sig(a) * (1 - _sig(a)), "already sigmoid(z)"),
                  (lambda d, W, a: -(W.T @ d) * a * (1 - a), "sign is flipped")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # 07.1 in the pattern of dE_dw5
    "07.1": ("dE_dout_o2 = out_o2 - t[1]\n"
             "dout_o2_dnet_o2 = out_o2 * (1 - out_o2)\n"
             "dnet_o2_dw7 = out_h1\n"
             "dE_dw7 = dE_dout_o2 * dout_o2_dnet_o2 * dnet_o2_dw7"),
    "07.2": "return (a - t) * a * (1 - a)",
    "07.3": "return (W_next.T @ delta_next) * a * (1 - a)",
}

WRONG = {
    "07.1": ("dE_dout_o2 = out_o2 - t[0]\n"                              # o1's target
             "dout_o2_dnet_o2 = out_o2 * (1 - out_o2)\n"
             "dnet_o2_dw7 = out_h1\n"
             "dE_dw7 = dE_dout_o2 * dout_o2_dnet_o2 * dnet_o2_dw7"),
    "07.2": "return a - t",                                              # no sigmoid slope
    "07.3": "return (W_next @ delta_next) * a * (1 - a)",                # W_next, not its transpose
}
