"""Answers for the checkers of 06_chain_rule."""
import math

from nn_helpers.autodiff import Value
from nn_helpers.autodiff import value_tanh as _tanh  # the right answer, as nn_helpers has it

# The notebook's neuron: x = 1.5, w = 0.8, b = -0.2, t = 1, so z = 1.0 and a = sigma(1) = 0.731059.
_a = 1 / (1 + math.exp(-1.0))
_dE_db = (_a - 1.0) * _a * (1 - _a)          # -0.268941 * 0.196612 = -0.052877


def _tanh_with(rule, keep_parent=True, set_backward=True):
    """A learner's tanh whose backward does u.grad = rule(u, y, out, old_grad)."""
    def value_tanh(u):
        y = math.tanh(u.data)
        out = Value(y, (u,) if keep_parent else (), "tanh")

        def _backward():
            u.grad = rule(u, y, out, u.grad)
        if set_backward:
            out._backward = _backward
        return out
    return value_tanh


CASES = {
    "check_central_difference": {
        "kind": "function",
        "right": [lambda f, x, h: (f(x + h) - f(x - h)) / (2 * h),
                  lambda f, x, h: (f(x + h) - f(x - h)) / h / 2],
        "wrong": [(lambda f, x, h: (f(x + h) - f(x)) / h, "forward difference"),
                  (lambda f, x, h: (f(x) - f(x - h)) / h, "backward difference"),
                  (lambda f, x, h: (f(x + h) - f(x - h)) / h, "divide by 2 * h, not by h"),
                  (lambda f, x, h: (f(x + h) - f(x - h)) / 2 * h, "with brackets"),
                  (lambda f, x, h: 2 * x, "expected 12.01")],
    },
    "check_dE_db": {
        "kind": "value",
        "right": [_dE_db, -0.0528770, Value(_dE_db).data],
        "wrong": [(_dE_db * 1.5, "dz/db = 1"),
                  (-_dE_db, "check the sign"),
                  (2 * _dE_db, "cancels the 2"),
                  (_a - 1.0, "left out the middle factor"),
                  ((_a - 1.0) * _a, "not a."),
                  (0.1, "multiply the three factors")],
    },
    "check_value_tanh": {
        "kind": "function",
        "right": [_tanh, lambda u: u.tanh()],
        "wrong": [(_tanh_with(lambda u, y, out, g: g + (1 - u.data ** 2) * out.grad), "you used the input"),
                  (_tanh_with(lambda u, y, out, g: g + (1 - y ** 2)), "multiply by out.grad"),
                  (_tanh_with(lambda u, y, out, g: (1 - y ** 2) * out.grad), "+=, not ="),
                  (_tanh_with(lambda u, y, out, g: g + (1 - y) * out.grad), "square y"),
                  (_tanh_with(lambda u, y, out, g: g + 1, set_backward=False), "out._backward = _backward"),
                  (_tanh_with(lambda u, y, out, g: g + (1 - y ** 2) * out.grad, keep_parent=False), "(u,)"),
                  (lambda u: Value(u.data), "expected tanh"),
                  (lambda u: math.tanh(u.data), "expected a new Value")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # 06.2 in the pattern of dE_dw (dE_da, da_dz, dz_db)
    "06.1": "return (f(x + h) - f(x - h)) / (2 * h)",
    "06.2": ("dz_db = 1.0\n"
             "dE_db = dE_da * da_dz * dz_db"),
    "06.3": ("y = math.tanh(u.data)\n"
             "out = Value(y, (u,), \"tanh\")\n"
             "def _backward():\n"
             "    u.grad += (1 - y ** 2) * out.grad\n"
             "out._backward = _backward\n"
             "return out"),
}

WRONG = {
    "06.1": "return (f(x + h) - f(x - h)) / 2 * h",                      # (a / 2) * h
    "06.2": "dE_db = dE_da * da_dz * x",                                 # dz/db is 1, not x
    "06.3": ("y = math.tanh(u.data)\n"                                   # 1 - u^2: the input, not the output
             "out = Value(y, (u,), \"tanh\")\n"
             "def _backward():\n"
             "    u.grad += (1 - u.data ** 2) * out.grad\n"
             "out._backward = _backward\n"
             "return out"),
}
