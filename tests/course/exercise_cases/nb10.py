"""Answers for the checkers of 10_beyond_sgd (momentum, Adam, the L2 gradient)."""
import numpy as np


def _adam(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m, v


def _adam_eps_inside(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    return w - lr * (m / (1 - beta1 ** t)) / np.sqrt(v / (1 - beta2 ** t) + eps), m, v


def _adam_in_place(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g * g
    w -= lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps)
    return w, m, v


def _adam_no_correction(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    return w - lr * m / (np.sqrt(v) + eps), m, v


def _adam_no_sqrt(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    return w - lr * (m / (1 - beta1 ** t)) / (v / (1 - beta2 ** t) + eps), m, v


def _adam_returns_hats(w, m, v, g, t, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_hat, v_hat


_W = np.array([[0.5, -1.0], [2.0, 0.0]])
_DW = np.array([[0.1, 0.2], [-0.3, 0.05]])

CASES = {
    "check_momentum_step": {
        "kind": "function",
        "right": [lambda w, v, g, lr, beta: (w - lr * (beta * v + g), beta * v + g),
                  lambda w, v, g, lr, beta: [w - lr * (beta * v + g), list(np.ravel(beta * v + g))]
                  if np.ndim(w) == 1 else (w - lr * (beta * v + g), beta * v + g)],
        "wrong": [(lambda w, v, g, lr, beta: (w + lr * (beta * v + g), beta * v + g), "minus, not plus"),
                  (lambda w, v, g, lr, beta: (w - lr * (v + g), v + g), "you left out beta"),
                  (lambda w, v, g, lr, beta: (w - lr * v, beta * v + g), "you used the old v"),
                  (lambda w, v, g, lr, beta: (w + beta * v - lr * g, beta * v - lr * g), "'lr inside' form"),
                  (lambda w, v, g, lr, beta: (beta * v + g, w - lr * (beta * v + g)), "other way round"),
                  (lambda w, v, g, lr, beta: w - lr * (beta * v + g), "expected a pair")],
    },
    "check_adam_step": {
        "kind": "function",
        "right": [_adam, _adam_eps_inside, _adam_in_place],
        "wrong": [(_adam_no_correction, "bias correction"),
                  (_adam_no_sqrt, "square ROOT"),
                  (_adam_returns_hats, "running means m_new and v_new themselves"),
                  (lambda w, m, v, g, t, lr, *rest: _adam(w, m, v, g, t + 1, lr), "beta1**t"),
                  (lambda w, m, v, g, t, lr, *rest: _adam(w, m, v, g, t, lr)[:2], "a tuple of 3")],
    },
    "check_l2_gradient": {
        "kind": "value",
        "right": [_DW + 0.1 * _W, (_DW + 0.1 * _W).tolist(), [[0.15, 0.1], [-0.1, 0.05]]],
        "wrong": [(_DW, "left out the penalty"),
                  (0.1 * _W, "add the data gradient"),
                  (_DW + 0.2 * _W, "not 2 lam w"),
                  (_DW - 0.1 * _W, "+lam * W"),
                  (0.05 * np.sum(_W ** 2), "the penalty's value"),
                  ([0.15, 0.1, -0.1, 0.05], "shape (2, 2)")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    "10.1": ("v_new = beta * v + grad\n"
             "w_new = w - lr * v_new\n"
             "return w_new, v_new"),
    "10.2": ("m_new = beta1 * m + (1 - beta1) * grad\n"
             "v_new = beta2 * v + (1 - beta2) * grad ** 2\n"
             "m_hat = m_new / (1 - beta1 ** t)\n"
             "v_hat = v_new / (1 - beta2 ** t)\n"
             "w_new = w - lr * m_hat / (np.sqrt(v_hat) + eps)\n"
             "return w_new, m_new, v_new"),
    "10.3": "dW_total = dW_data + lam * W",
}

WRONG = {
    "10.1": ("v_new = beta * v + grad\n"                                 # moved by the old velocity
             "w_new = w - lr * v\n"
             "return w_new, v_new"),
    "10.2": ("m_new = beta1 * m + (1 - beta1) * grad\n"                  # no bias correction
             "v_new = beta2 * v + (1 - beta2) * grad ** 2\n"
             "w_new = w - lr * m_new / (np.sqrt(v_new) + eps)\n"
             "return w_new, m_new, v_new"),
    "10.3": "dW_total = dW_data + 2 * lam * W",                          # the 1/2 of the penalty forgotten
}
