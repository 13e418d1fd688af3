"""Checkers for 02_the_neuron."""
import numpy as np

from ...activations import sigmoid, step
from ._core import (CORRECT, WRONG, Verdict, args_text, as_number, call, checker, fmt,
                    unsolved_value)

# (x, w, b): the notebook's example, three inputs, a negative z, a zero x, a big z
_NEURON_CASES = [
    (np.array([1.0, 0.0]), np.array([0.5, -0.3]), 0.1),            # z = 0.6
    (np.array([2.0, -1.0, 0.5]), np.array([0.2, 0.4, -1.0]), -0.3),  # z = -0.8
    (np.array([0.0, 0.0]), np.array([3.0, 3.0]), 2.0),             # z = 2 (only the bias)
    (np.array([1.5, 2.0]), np.array([-2.0, 0.25]), 0.5),           # z = -2
]


def _neuron_hint(got, x, w, b):
    """A hint naming the typical mistake that gives ``got``, or a general one."""
    z = float(np.dot(w, x) + b)
    mistakes = [
        (z, "that is z itself; apply the activation: return sigmoid(z)."),
        (float(sigmoid(np.dot(w, x))), "you left out the bias: z = w . x + b."),
        (float(step(z)), "that is the step function; this neuron uses the sigmoid."),
        (float(sigmoid(-z)), "check the sign in the exponent: sigmoid(z) = 1 / (1 + exp(-z))."),
        (float(sigmoid(np.dot(w, x) - b)), "add the bias, do not subtract it: z = w . x + b."),
        (float(sigmoid(np.sum(w) + np.sum(x) + b)), "multiply each x_i by its w_i before adding "
                                                     "(the dot product), do not add them all."),
    ]
    for value, hint in mistakes:
        if np.isclose(got, value, rtol=0, atol=1e-6):
            return hint
    return "compute z from the dot product and the bias, then apply the sigmoid."


@checker
def check_neuron(neuron):
    """Exercise 02.1: neuron(x, w, b) = sigmoid(w . x + b) for one input x."""
    for x, w, b in _NEURON_CASES:
        args = (x.copy(), w.copy(), b)
        result, problem = call(neuron, args)
        if problem:
            return problem
        if np.ndim(result) != 0 and not isinstance(result, str):
            return Verdict(WRONG, f"{neuron.__name__}{args_text(args)} returned {fmt(result)}; expected "
                                  f"one number, the neuron's output. Hint: w * x multiplies element by "
                                  f"element; np.dot(w, x) also adds the products up into one number.")
        got, problem = as_number(result, neuron.__name__, args)
        if problem:
            return problem
        expected = float(sigmoid(np.dot(w, x) + b))
        if np.isclose(got, expected, rtol=0, atol=1e-6):
            continue
        return Verdict(WRONG, f"{neuron.__name__}{args_text(args)} returned {fmt(got)}, expected "
                              f"{fmt(expected)} (z = {fmt(float(np.dot(w, x) + b))}). "
                              f"Hint: {_neuron_hint(got, x, w, b)}")
    x, w, b = _NEURON_CASES[0]
    return Verdict(CORRECT, f"neuron matches on {len(_NEURON_CASES)} test cases (for example "
                            f"{float(sigmoid(np.dot(w, x) + b)):.6f} for x = (1, 0), w = (0.5, -0.3), "
                            f"b = 0.1).")


# (w1, w2, b) -> the line x2 = slope * x1 + intercept
_LINE_CASES = [(1.0, 1.0, -1.5), (0.5, -0.3, 0.1), (2.0, 4.0, 1.0), (-3.0, 1.0, 2.0)]


def _line_hint(got, w1, w2, b):
    mistakes = [
        ((w1 / w2, b / w2), "both the slope and the intercept carry a minus sign (w1 x1 and b move "
                            "to the other side of the equation)."),
        ((-w1 / w2, b / w2), "the intercept carries a minus sign too."),
        ((w1 / w2, -b / w2), "the slope carries a minus sign too."),
        ((-w2 / w1, -b / w1), "you solved for x1; solve w1 x1 + w2 x2 + b = 0 for x2 (divide by w2)."),
        ((-w1 / w2, -b), "divide b by w2 as well: intercept = -b/w2."),
        ((-w1, -b), "divide by w2 as well: w2 x2 = ... is not yet x2 = ..."),
        ((-b / w2, -w1 / w2), "the order is (slope, intercept)."),
    ]
    for value, hint in mistakes:
        if np.allclose(got, value, rtol=0, atol=1e-6):
            return hint
    return "the line is where z = w1 x1 + w2 x2 + b = 0: solve that for x2."


@checker
def check_line(line_of_neuron):
    """Exercise 02.2: line_of_neuron(w1, w2, b) = (slope, intercept) of the line z = 0."""
    name = getattr(line_of_neuron, "__name__", "your function")
    for w1, w2, b in _LINE_CASES:
        args = (w1, w2, b)
        result, problem = call(line_of_neuron, args)
        if problem:
            return problem
        expected = (-w1 / w2, -b / w2)
        try:
            got = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            got = None
        if got is None or got.shape != (2,):
            return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(result)}; expected a pair "
                                  f"(slope, intercept) like {fmt(np.array(expected))}.")
        if not np.all(np.isfinite(got)):
            return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}, which holds NaN or "
                                  f"inf; expected {fmt(np.array(expected))}.")
        if np.allclose(got, expected, rtol=0, atol=1e-6):
            continue
        return Verdict(WRONG, f"{name}{args_text(args)} returned (slope, intercept) = {fmt(got)}, "
                              f"expected {fmt(np.array(expected))}. Hint: {_line_hint(got, w1, w2, b)}")
    w1, w2, b = _LINE_CASES[0]
    return Verdict(CORRECT, f"line_of_neuron gives the right (slope, intercept) on {len(_LINE_CASES)} "
                            f"test cases (for example ({-w1 / w2:g}, {-b / w2:g}) for w = (1, 1), b = -1.5).")


_TABLE = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_NAND = np.array([1, 1, 1, 0])


@checker
def check_nand(nand_weights):
    """Exercise 02.3: nand_weights = (w1, w2, b) for one step neuron that computes NAND."""
    problem = unsolved_value(nand_weights, "nand_weights")
    if problem:
        return problem
    try:
        params = np.asarray(nand_weights, dtype=float)
    except (TypeError, ValueError):
        params = None
    if params is None or params.shape != (3,):
        return Verdict(WRONG, f"nand_weights is {fmt(nand_weights)}; expected three numbers "
                              f"(w1, w2, b), for example (2.0, -1.0, 0.5).")
    if not np.all(np.isfinite(params)):
        return Verdict(WRONG, f"nand_weights is {fmt(params)}, which holds NaN or inf; expected "
                              f"three ordinary numbers (w1, w2, b).")
    w1, w2, b = params
    z = _TABLE @ np.array([w1, w2]) + b
    out = step(z).astype(int)
    wrong = [i for i in range(4) if out[i] != _NAND[i]]
    if not wrong:
        return Verdict(CORRECT, f"your (w1, w2, b) give NAND: outputs {out.tolist()} for the rows "
                                f"(0,0), (0,1), (1,0), (1,1).")
    rows = "; ".join(f"row ({_TABLE[i, 0]:.0f},{_TABLE[i, 1]:.0f}): z = {z[i]:g}, output {out[i]}, "
                     f"expected {_NAND[i]}" for i in wrong)
    if np.array_equal(out, 1 - _NAND):
        hint = "that is AND; NAND is NOT AND: flip the signs of all three numbers."
    elif any(z[i] == 0 for i in wrong):
        hint = "z = 0 exactly counts as output 1 (step(0) = 1); move the bias by 0.5 to keep clear of 0."
    elif np.all(out == 1):
        hint = "every row gives 1: for (1,1), w1 + w2 + b must be negative."
    elif 0 in wrong:
        hint = "for (0,0), z is just b: b must be >= 0 so that the output is 1."
    else:
        hint = ("NAND is 0 only at (1,1): b >= 0, w1 + b >= 0, w2 + b >= 0 and w1 + w2 + b < 0, "
                "e.g. two equal negative weights and a positive bias.")
    return Verdict(WRONG, f"w = ({w1:g}, {w2:g}), b = {b:g} gets {4 - len(wrong)} of 4 rows right. "
                          f"{rows}. Hint: {hint}")
