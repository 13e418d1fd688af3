"""Checkers for 01_what_is_a_neural_network."""
import numpy as np

from ._core import CORRECT, WRONG, Verdict, args_text, call, checker, fmt, unsolved_value


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


# ---------------------------------------------------------------- Exercise 01.1: a 1-2-1 network by hand
# y_hat = v1 sigmoid(w1 x + b1) + v2 sigmoid(w2 x + b2) + c at x = 0.5
_NET = dict(w=np.array([4.0, -2.0]), b=np.array([-1.0, 0.5]), v=np.array([2.0, -1.0]), c=0.5, x=0.5)


def _output(x=_NET["x"], f=_sigmoid, hidden_bias=True, output_bias=True, output_f=lambda z: z):
    z = _NET["w"] * x + (_NET["b"] if hidden_bias else 0.0)      # (2,): the hidden units' z_j
    return float(output_f(_NET["v"] @ f(z) + (_NET["c"] if output_bias else 0.0)))


def _one_number(answer, name):
    """(float, None), or (None, Verdict) when the answer is not one finite number."""
    if callable(answer):
        return None, Verdict(WRONG, f"{name} is a function ({getattr(answer, '__name__', 'callable')}); "
                                    f"expected a number. Set {name} to the value itself.")
    if isinstance(answer, (bool, np.bool_)):
        return None, Verdict(WRONG, f"{name} is {answer}, a True/False; expected a number.")
    try:
        arr = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name} is {fmt(answer)}; expected a number.")
    if arr.size != 1:
        return None, Verdict(WRONG, f"{name} holds {arr.size} numbers (shape {arr.shape}); expected one "
                                    f"number, the network's single output.")
    value = float(arr.ravel()[0])
    if not np.isfinite(value):
        return None, Verdict(WRONG, f"{name} is {value}; expected a finite number.")
    return value, None


@checker
def check_network_output(y_hat):
    """Exercise 01.1: the output of the 1-2-1 sigmoid network at x = 0.5, by hand."""
    problem = unsolved_value(y_hat, "y_hat")
    if problem:
        return problem
    got, problem = _one_number(y_hat, "y_hat")
    if problem:
        return problem
    expected = _output()
    if abs(got - expected) < 1e-4:
        a = _sigmoid(_NET["w"] * _NET["x"] + _NET["b"])
        return Verdict(CORRECT, f"y_hat = {expected:.6f}, the network's output at x = 0.5 "
                                f"(hidden units {a[0]:.6f} and {a[1]:.6f}).")
    hints = [
        (_output(f=lambda z: z), "you skipped the sigmoid: each hidden unit outputs a_j = sigmoid(z_j), not z_j."),
        (_output(output_bias=False), "add the output bias c = 0.5 at the end."),
        (_output(hidden_bias=False), "add each hidden unit's bias before the sigmoid: z_j = w_j x + b_j."),
        (_output(output_f=_sigmoid), "the output unit has no sigmoid here (its activation is the identity)."),
        (_output(f=np.tanh), "the hidden activation is the sigmoid 1 / (1 + e^(−z)), not tanh."),
        (_output(x=1.0), "evaluate the network at x = 0.5 (not at x = 1)."),
    ]
    default = ("you are close: keep full precision (do not round the hidden values a_j before the "
               "last step; let NumPy carry all the digits)." if abs(got - expected) < 5e-3 else
               "follow the worked example: both hidden units' z, then their sigmoids, then the "
               "output's weighted sum with its bias.")
    hint = next((h for value, h in hints if abs(got - value) < 1e-4), default)
    return Verdict(WRONG, f"y_hat is {got:.6f}, not the network's output at x = 0.5. Hint: {hint}")


# ---------------------------------------------------------------- Exercise 01.2: a bump from two steps
_BUMP_CASES = [   # x, left, right, height, steepness
    (np.array([-1.0, 0.0, 1.0, 2.0, 3.0]), 0.5, 1.5, 2.0, 50.0),
    (np.linspace(-3.0, 3.0, 13), -1.0, 2.0, 0.7, 10.0),
    (np.array([-2.0, -0.5, 0.0, 0.5]), -1.0, 0.25, -1.5, 4.0),
]


def _bump(x, left, right, height, steepness, f=_sigmoid):
    return height * (f(steepness * (x - left)) - f(steepness * (x - right)))


@checker
def check_bump(bump):
    """Exercise 01.2: bump(x, left, right, height, steepness) from two steep sigmoids."""
    for x, left, right, height, s in _BUMP_CASES:
        args = (x.copy(), left, right, height, s)
        result, problem = call(bump, args)
        if problem:
            return problem
        name = getattr(bump, "__name__", "bump")
        expected = _bump(*args)
        try:
            got = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(result)}; expected numbers "
                                  f"like {fmt(expected)}.")
        if not np.all(np.isfinite(got)):
            return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}, which holds nan or inf; "
                                  f"expected {fmt(expected)}.")
        if got.shape != expected.shape:
            return Verdict(WRONG, f"{name}{args_text(args)} returned shape {got.shape}; expected one value "
                                  f"per x, shape {expected.shape}: {fmt(expected)}. Hint: use NumPy "
                                  f"operations on the whole array x.")
        if np.allclose(got, expected, rtol=0, atol=1e-6):
            continue
        hints = [
            (-expected, "your bump is upside down: subtract the step at `right` from the step at `left`."),
            (expected / height, "multiply the difference of the two steps by `height`."),
            (height * (_sigmoid(s * x - left) - _sigmoid(s * x - right)),
             "the step at `left` is sigmoid(steepness * (x - left)): multiply the whole difference "
             "(x - left) by steepness, not just x."),
            (height * (_sigmoid(s * (x - left)) + _sigmoid(s * (x - right))),
             "a bump is the difference of two steps (up at left, down at right), not their sum."),
            (height * _sigmoid(s * (x - left)), "that is one step up; subtract a second step down at `right`."),
            (height * (_sigmoid(x - left) - _sigmoid(x - right)),
             "multiply (x - left) and (x - right) by steepness: without it the steps are gentle slopes."),
        ]
        hint = next((h for value, h in hints if np.allclose(got, value, rtol=0, atol=1e-6)),
                    "follow the formula above: a step up at `left` minus a step up at `right`, both "
                    "with slope `steepness`, times `height`.")
        return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}; expected {fmt(expected)}. "
                              f"Hint: {hint}")
    x, left, right, height, s = _BUMP_CASES[0]
    inside, outside = _bump(np.array([1.0, 3.0]), left, right, height, s)
    return Verdict(CORRECT, f"bump matches on {len(_BUMP_CASES)} cases, a negative height included (height "
                            f"{height:g} between {left:g} and {right:g}: {inside:.6f} at x = 1, {outside:.6f} "
                            f"at x = 3).")
