"""Checkers for 05_cost_functions."""
import numpy as np

from ._core import (CORRECT, WRONG, Verdict, args_text, as_number, call, checker, fmt,
                    unsolved_value)

_MSE_CASES = [
    (np.array([2.0, 3.0, 5.0, 9.0]), np.array([1.0, 5.0, 3.0, 6.0])),   # the notebook's: 18 / 4 = 4.5
    (np.array([1.0, 0.0, 1.0]), np.array([0.5, 0.5, 1.0])),             # 0.5 / 3
    (np.array([0.0, 0.0]), np.array([-1.0, 3.0])),                       # 10 / 2 = 5
    (np.array([4.0]), np.array([4.0])),                                  # a perfect fit: 0
]


def _mse_hint(got, y, y_hat):
    e, n = y - y_hat, len(y)
    guesses = [
        (np.mean(np.abs(e)), "that is the mean ABSOLUTE error; square each error instead."),
        (np.mean(e), "you forgot to square the errors: (y - y_hat) ** 2."),
        (-np.mean(e), "you forgot to square the errors: (y - y_hat) ** 2."),
        (np.sum(e ** 2), f"that is the SUM of squared errors; divide by the number of samples ({n})."),
        (np.sum(e) ** 2 / n, "you summed the errors, then squared the sum; square each error first, "
                             "then take the mean (positive and negative errors must not cancel)."),
        (np.sum(e) ** 2, "you summed the errors, then squared the sum; square each error first, "
                         "then take the mean."),
        (np.mean(e) ** 2, "you averaged the errors, then squared; square each error first, then average."),
        (0.5 * np.mean(e ** 2), "no 1/2 here: MSE is the plain mean of the squared errors."),
        (np.sqrt(np.mean(e ** 2)), "that is the ROOT mean squared error; leave out the square root."),
    ]
    for value, hint in guesses:
        if np.isclose(got, value):
            return hint
    return "subtract, square each error, then take the mean: np.mean((y - y_hat) ** 2)."


@checker
def check_mse(mse):
    """Exercise 05.2: mse(y, y_hat) = (1/n) sum_i (y_i - y_hat_i)^2."""
    for y, y_hat in _MSE_CASES:
        args = (y.copy(), y_hat.copy())
        result, problem = call(mse, args)
        if problem:
            return problem
        got, problem = as_number(result, mse.__name__, args,
                                 hint="np.mean(...) turns the array of squared errors into one number.")
        if problem:
            return problem
        expected = float(np.mean((y - y_hat) ** 2))
        if np.isclose(got, expected, rtol=0, atol=1e-9):
            continue
        return Verdict(WRONG, f"{mse.__name__}{args_text(args)} returned {fmt(got)}, expected "
                              f"{fmt(expected)}. Hint: {_mse_hint(got, y, y_hat)}")
    return Verdict(CORRECT, f"{mse.__name__} gives the mean squared error on {len(_MSE_CASES)} cases "
                            f"(4.5 for targets 2, 3, 5, 9 and outputs 1, 5, 3, 6).")


_BCE_CASES = [(1, 0.9), (1, 0.2), (0, 0.3), (0, 0.99), (1, 0.5)]


def _bce(t, p):
    return -(t * np.log(p) + (1 - t) * np.log(1 - p))


_BCE_MISTAKES = [
    (lambda t, p: _bce(t, p) * -1, "the sign: log p is negative for p < 1, so put a minus in front "
                                   "to make the loss positive."),
    (lambda t, p: -np.log(p), "-log p is the loss only when t = 1; when t = 0 it is -log(1 - p). "
                              "Add both terms, weighted by t and (1 - t)."),
    (lambda t, p: -np.log(1 - p), "-log(1 - p) is the loss only when t = 0; when t = 1 it is -log p."),
    (lambda t, p: -(t * np.log(1 - p) + (1 - t) * np.log(p)), "log of the wrong term: the target t goes "
                                                              "with log p, and (1 - t) with log(1 - p)."),
    (lambda t, p: -(t * np.log10(p) + (1 - t) * np.log10(1 - p)), "that is log base 10; use the natural "
                                                                  "log, np.log."),
    (lambda t, p: 0.5 * (t - p) ** 2, "that is the half squared error; cross-entropy uses logs."),
]


def _bce_hint(answers):
    """The hint of the first typical mistake that gives all the learner's answers (case -> number)."""
    for mistake, hint in _BCE_MISTAKES:
        if all(np.isclose(got, mistake(t, p)) for (t, p), got in answers.items()):
            return hint
    return "-(t * log(p) + (1 - t) * log(1 - p)), with np.log."


@checker
def check_binary_cross_entropy(binary_cross_entropy):
    """Exercise 05.3: binary_cross_entropy(t, p) = -[t log p + (1 - t) log(1 - p)] for one prediction."""
    name = binary_cross_entropy.__name__ if callable(binary_cross_entropy) else "binary_cross_entropy"
    answers, first_wrong = {}, None
    for t, p in _BCE_CASES:
        args = (t, p)
        result, problem = call(binary_cross_entropy, args)
        if problem:
            return problem
        got, problem = as_number(result, name, args)
        if problem:
            return problem
        answers[(t, p)] = got
        if first_wrong is None and not np.isclose(got, _bce(t, p), rtol=0, atol=1e-9):
            first_wrong = (t, p)
    if first_wrong is None:
        return Verdict(CORRECT, f"{name} gives the cross-entropy on {len(_BCE_CASES)} cases "
                                f"(for example 0.105361 = -log 0.9 for t = 1, p = 0.9).")
    t, p = first_wrong
    return Verdict(WRONG, f"{name}{args_text(first_wrong)} returned {fmt(answers[first_wrong])}, expected "
                          f"{fmt(float(_bce(t, p)))}. Hint: {_bce_hint(answers)}")


def _one_entry_array(value):
    try:
        return np.ndim(value) >= 1 and np.size(value) == 1
    except Exception:                  # a value numpy cannot even look at
        return False


def _boolean_output_000():
    from ..examples import boolean_example
    net, _, _ = boolean_example()
    return float(net.forward(np.array([0.0, 0.0, 0.0]))[0])


@checker
def check_half_squared_error(E):
    """Exercise 05.1: E = 1/2 (t - o)^2 of the 3-3-1 Boolean network on input (0, 0, 0), target 1."""
    problem = unsolved_value(E, "E")
    if problem:
        return problem
    got, problem = as_number(E, "E", ())
    if problem:
        hint = (" Hint: net.forward(x) returns an array with one entry per output unit; take its [0] "
                "to get the number out." if _one_entry_array(E) else "")
        return Verdict(WRONG, f"E should be one number; got {fmt(E)} ({type(E).__name__}).{hint}")
    if not np.isfinite(got):
        return Verdict(WRONG, f"E is {fmt(got)}; expected a finite number near 0.04.")
    o, t = _boolean_output_000(), 1.0
    expected = 0.5 * (t - o) ** 2
    if np.isclose(got, expected, rtol=0, atol=1e-6):
        return Verdict(CORRECT, f"E = 1/2 (1 - {o:.6f})^2 = {expected:.6f}.")
    guesses = [
        ((t - o) ** 2, "you forgot the 1/2 in front."),
        (0.5 * (t - o), "square the error: (t - o) ** 2."),
        (0.5 * (o - t), "square the error: (t - o) ** 2."),
        (t - o, "square the error and halve it: 0.5 * (t - o) ** 2."),
        (-0.5 * (t - o) ** 2, "the squared error is never negative; drop the minus sign."),
        (0.5 * (0 - o) ** 2, "the target for (0, 0, 0) is F(0, 0, 0) = 0*0 + not 0 = 1, not 0."),
        (0.5 * (t - 0.70) ** 2, "you used the output rounded to 0.70; use the network's unrounded output."),
    ]
    hint = next((h for value, h in guesses if np.isclose(got, value, rtol=0, atol=1e-6)),
                "compute o = net.forward(x) for x = (0, 0, 0), then 0.5 * (t - o) ** 2 with t = 1.")
    return Verdict(WRONG, f"E = {fmt(got)}; expected {expected:.6f}. Hint: {hint}")
