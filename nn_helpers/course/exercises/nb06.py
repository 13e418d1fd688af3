"""Checkers for 06_chain_rule."""
import math

import numpy as np

from ...autodiff import Value
from ._core import CORRECT, WRONG, Verdict, as_number, call, checker, fmt, unsolved_value

# ---------------------------------------------------------------- 06.1 central differences

_CENTRAL_CASES = [                      # (f, name, x, h)
    (lambda x: x ** 3, "x**3", 2.0, 0.1),          # (2.1^3 - 1.9^3) / 0.2 = 12.01
    (math.sin, "math.sin", 1.0, 0.01),
    (lambda x: math.exp(2 * x), "exp(2x)", 0.5, 0.05),
]


@checker
def check_central_difference(central_difference):
    """Exercise 06.1: central_difference(f, x, h) = (f(x + h) - f(x - h)) / (2 h)."""
    for f, fname, x, h in _CENTRAL_CASES:
        args = (f, x, h)
        result, problem = call(central_difference, args)
        if problem:
            return problem
        got, problem = as_number(result, central_difference.__name__, (fname, x, h))
        if problem:
            return problem
        diff = f(x + h) - f(x - h)
        expected = diff / (2 * h)
        if np.isclose(got, expected, rtol=1e-9, atol=1e-12):
            continue
        hint = ("evaluate f on both sides of x, at x - h and x + h, and divide the difference by the "
                "distance between the two points.")
        if np.isclose(got, (f(x + h) - f(x)) / h, rtol=1e-9):
            hint = "that is the forward difference (f(x + h) - f(x)) / h; step to both sides, x - h and x + h."
        elif np.isclose(got, (f(x) - f(x - h)) / h, rtol=1e-9):
            hint = "that is the backward difference (f(x) - f(x - h)) / h; step to both sides, x - h and x + h."
        elif np.isclose(got, diff / h, rtol=1e-9):
            hint = "the two points x - h and x + h are 2h apart: divide by 2 * h, not by h."
        elif np.isclose(got, diff / 2 * h, rtol=1e-9):
            hint = "write / (2 * h) with brackets: a / 2 * h means (a / 2) * h."
        return Verdict(WRONG, f"{central_difference.__name__}({fname}, {fmt(x)}, {fmt(h)}) returned "
                              f"{fmt(got)}, expected {fmt(expected)}. Hint: {hint}")
    f, fname, x, h = _CENTRAL_CASES[0]
    return Verdict(CORRECT, f"central_difference matches on {len(_CENTRAL_CASES)} functions "
                            f"({(f(x + h) - f(x - h)) / (2 * h):.6g} for {fname} at x = {x:g}, h = {h:g}).")


# ---------------------------------------------------------------- 06.2 dE/db by the chain rule

_X, _W, _B, _T = 1.5, 0.8, -0.2, 1.0                 # the notebook's neuron: z = 1.0
_A = 1 / (1 + math.exp(-(_W * _X + _B)))


def _one_number(answer, name):
    """(float, None) or (None, Verdict) when answer is not one finite number."""
    if callable(answer) or isinstance(answer, (bool, np.bool_, str, bytes)) or np.ndim(answer) != 0:
        return None, Verdict(WRONG, f"{name} is {fmt(answer)} ({type(answer).__name__}); expected one number.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name} is {fmt(answer)}; expected one number.")
    if not math.isfinite(value):
        return None, Verdict(WRONG, f"{name} is {value}; expected a finite number.")
    return value, None


@checker
def check_dE_db(dE_db):
    """Exercise 06.2: dE/db = (a - t) * sigma'(z) * 1 for the neuron x = 1.5, w = 0.8, b = -0.2, t = 1."""
    problem = unsolved_value(dE_db, "dE_db")
    if problem:
        return problem
    got, problem = _one_number(dE_db, "dE_db")
    if problem:
        return problem
    dE_da, da_dz = _A - _T, _A * (1 - _A)
    expected = dE_da * da_dz * 1.0
    if abs(got - expected) < 1e-6:
        return Verdict(CORRECT, f"dE/db = {expected:.6f} for the neuron x = {_X}, w = {_W}, b = {_B}, "
                                f"t = {_T:g}.")
    hint = ("multiply the three factors dE/da, da/dz and dz/db; the first two are the ones of dE/dw "
            "above, only dz/db is new.")
    for wrong, why in [(expected * _X, "you multiplied by x = 1.5: that is dz/dw. For b, z = w x + b "
                                       "changes one for one with b, so dz/db = 1."),
                       (-expected, "check the sign: dE/da = a - t, which is negative here (a < t)."),
                       (2 * expected, "the 1/2 in E = 1/2 (a - t)^2 cancels the 2 of the square: "
                                      "dE/da = a - t, not 2 (a - t)."),
                       (dE_da, "you left out the middle factor da/dz = sigma'(z) = a (1 - a)."),
                       (dE_da * _A, "sigma'(z) is a (1 - a), not a."),
                       (dE_da * (1 - _A), "sigma'(z) is a (1 - a), not (1 - a).")]:
        if abs(got - wrong) < 1e-6:
            hint = why
            break
    return Verdict(WRONG, f"dE_db is {fmt(got)}, not dE/db. Hint: {hint}")


# ---------------------------------------------------------------- 06.3 tanh for Value

def _is_value(v):
    return all(hasattr(v, attr) for attr in ("data", "grad", "_backward", "_prev"))


def _apply(value_tanh, u0):
    """(u, out, None) or (None, None, Verdict): the learner's tanh applied to a fresh Value(u0)."""
    u = Value(u0)
    out, problem = call(value_tanh, (u,))
    if problem:
        return None, None, problem
    name = getattr(value_tanh, "__name__", "value_tanh")
    if not _is_value(out):
        return None, None, Verdict(WRONG, f"{name}(Value({u0})) returned {fmt(out)} "
                                          f"({type(out).__name__}); expected a new Value, like "
                                          f"out = Value(y, (u,), 'tanh').")
    return u, out, None


def _backward_of(out, grad):
    out.grad = grad
    out._backward()


@checker
def check_value_tanh(value_tanh):
    """Exercise 06.3: value_tanh(u) returns Value(tanh(u.data)) whose _backward adds (1 - y^2) out.grad."""
    name = getattr(value_tanh, "__name__", "value_tanh")
    for u0 in (0.5, -1.2):
        y = math.tanh(u0)
        local = 1 - y ** 2
        u, out, problem = _apply(value_tanh, u0)
        if problem:
            return problem
        data, problem = _one_number(out.data, f"{name}(Value({u0})).data")
        if problem:
            return problem
        if abs(data - y) > 1e-9:
            return Verdict(WRONG, f"{name}(Value({u0})).data is {fmt(data)}, expected tanh({u0}) = "
                                  f"{y:.6f}. Hint: y = math.tanh(u.data).")
        if not any(p is u for p in out._prev):
            return Verdict(WRONG, f"the Value returned by {name} does not list its input in _prev. Hint: "
                                  f"create it as Value(y, (u,), 'tanh') so backward() can reach u.")
        _backward_of(out, 1.0)
        if u.grad == 0:
            return Verdict(WRONG, f"after out._backward(), u.grad is still 0, expected 1 - y^2 = "
                                  f"{local:.6f}. Hint: define _backward inside {name} and set "
                                  f"out._backward = _backward.")
        if abs(u.grad - local) > 1e-9:
            hint = "the local derivative of tanh is 1 - y^2, with y = tanh(u.data), the output."
            if abs(u.grad - (1 - u0 ** 2)) < 1e-9:
                hint = ("you used the input: 1 - u.data**2. The rule is 1 - y**2 with y = tanh(u.data), "
                        "the output.")
            elif abs(u.grad - y) < 1e-9 or abs(u.grad - (1 - y)) < 1e-9:
                hint = "tanh'(u) = 1 - tanh(u)**2: square y."
            return Verdict(WRONG, f"with out.grad = 1, {name}'s backward gives u.grad = {fmt(u.grad)}, "
                                  f"expected 1 - tanh({u0})^2 = {local:.6f}. Hint: {hint}")
        u, out, _ = _apply(value_tanh, u0)
        _backward_of(out, 2.5)
        if abs(u.grad - 2.5 * local) > 1e-9:
            hint = "multiply by out.grad (the chain rule: dE/du = dE/dout * dout/du)." \
                if abs(u.grad - local) < 1e-9 else "add the local derivative times out.grad to u.grad."
            return Verdict(WRONG, f"with out.grad = 2.5, u.grad is {fmt(u.grad)}, expected 2.5 * (1 - y^2) = "
                                  f"{2.5 * local:.6f}. Hint: {hint}")
        u, first, _ = _apply(value_tanh, u0)
        second, problem = call(value_tanh, (u,))
        if problem:
            return problem
        _backward_of(first, 1.0)
        _backward_of(second, 1.0)
        if abs(u.grad - 2 * local) > 1e-9:
            return Verdict(WRONG, f"u used twice (tanh(u) + tanh(u)) should get u.grad = 2 (1 - y^2) = "
                                  f"{2 * local:.6f}; got {fmt(u.grad)}. Hint: add to the gradient with "
                                  f"+=, not =, so each use adds its share.")
    return Verdict(CORRECT, f"value_tanh matches at u = 0.5 and u = -1.2 (u.grad = "
                            f"{1 - math.tanh(0.5) ** 2:.6f} at u = 0.5), also with out.grad = 2.5 and with "
                            f"u used twice.")


__all__ = ["check_central_difference", "check_dE_db", "check_value_tanh"]
