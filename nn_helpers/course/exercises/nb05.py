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


_SQUARE_FIRST = ("square each error first, then take the mean (positive and negative errors must not "
                 "cancel).")
_MSE_MISTAKES = [   # (what a typical mistake returns for (y, y_hat), its hint)
    (lambda y, y_hat: np.mean(np.abs(y - y_hat)), "that is the mean ABSOLUTE error; square each error "
                                                  "instead."),
    (lambda y, y_hat: np.mean(y - y_hat) ** 2, "you took the mean of the errors, then squared it; "
                                               + _SQUARE_FIRST),
    (lambda y, y_hat: np.mean(y - y_hat), "you forgot to square the errors; " + _SQUARE_FIRST),
    (lambda y, y_hat: np.mean(y_hat - y), "you forgot to square the errors; " + _SQUARE_FIRST),
    (lambda y, y_hat: np.sum((y - y_hat) ** 2), "that is the SUM of squared errors; divide by the number "
                                                "of samples (or take the mean)."),
    (lambda y, y_hat: np.sum(y - y_hat) ** 2 / len(y), "you summed the errors, then squared the sum; "
                                                        + _SQUARE_FIRST),
    (lambda y, y_hat: np.sum(y - y_hat) ** 2, "you summed the errors, then squared the sum; "
                                              + _SQUARE_FIRST),
    (lambda y, y_hat: np.mean(y - y_hat ** 2), "y - y_hat ** 2 squares only y_hat (** comes before -); "
                                               "put the error in brackets before squaring it."),
    (lambda y, y_hat: 0.5 * np.mean((y - y_hat) ** 2), "no 1/2 here: MSE is the plain mean of the squared "
                                                       "errors."),
    (lambda y, y_hat: np.sqrt(np.mean((y - y_hat) ** 2)), "that is the ROOT mean squared error; leave out "
                                                          "the square root."),
]


def _mse_hint(answers):
    """The hint of the first typical mistake that gives all the learner's answers ((y, y_hat) -> number)."""
    for mistake, hint in _MSE_MISTAKES:
        if all(np.isclose(got, mistake(y, y_hat)) for (y, y_hat), got in answers):
            return hint
    return "subtract, square each error, then take the mean (np.mean averages an array)."


@checker
def check_mse(mse):
    """Exercise 05.2: mse(y, y_hat) = (1/n) sum_i (y_i - y_hat_i)^2."""
    name = getattr(mse, "__name__", "mse")
    answers, first_wrong = [], None        # every case is tried, so that the hint fits them all
    for y, y_hat in _MSE_CASES:
        args = (y.copy(), y_hat.copy())
        result, problem = call(mse, args)
        if not problem:
            got, problem = as_number(result, name, args,
                                     hint="np.mean(...) turns the array of squared errors into one number.")
        if problem:
            if first_wrong is None:
                return problem
            break
        answers.append(((y, y_hat), got))
        expected = float(np.mean((y - y_hat) ** 2))
        if first_wrong is None and not np.isclose(got, expected, rtol=0, atol=1e-9):
            first_wrong = (args, got, expected)
    if first_wrong is None:
        y, y_hat = _MSE_CASES[0]
        return Verdict(CORRECT, f"mse gives the mean squared error on {len(_MSE_CASES)} cases "
                                f"({fmt(float(np.mean((y - y_hat) ** 2)))} for targets 2, 3, 5, 9 and "
                                f"outputs 1, 5, 3, 6).")
    args, got, expected = first_wrong
    return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}, expected "
                          f"{fmt(expected)}. Hint: {_mse_hint(answers)}")


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
    (lambda t, p: -t * np.log(p) + (1 - t) * np.log(1 - p), "the minus sign must cover both terms: put "
                                                            "the whole sum in brackets, then negate it."),
    (lambda t, p: 0.5 * (t - p) ** 2, "that is the half squared error; cross-entropy uses logs."),
]


def _bce_hint(answers):
    """The hint of the first typical mistake that gives all the learner's answers (case -> number)."""
    for mistake, hint in _BCE_MISTAKES:
        if all(np.isclose(got, mistake(t, p)) for (t, p), got in answers.items()):
            return hint
    return ("compare your code with the formula term by term: t goes with log p, (1 - t) with "
            "log(1 - p), and one minus sign in front of the sum; use the natural log, np.log.")


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
        return Verdict(CORRECT, f"binary_cross_entropy matches on {len(_BCE_CASES)} cases "
                                f"(for example {float(_bce(1, 0.9)):.6f} for t = 1, p = 0.9).")
    t, p = first_wrong
    return Verdict(WRONG, f"{name}{args_text(first_wrong)} returned {fmt(answers[first_wrong])}, expected "
                          f"{fmt(float(_bce(t, p)))}. Hint: {_bce_hint(answers)}")


def _one_entry_array(value):
    try:
        return np.ndim(value) >= 1 and np.size(value) == 1
    except Exception:                  # a value numpy cannot even look at
        return False


def _boolean_output_000():
    from ...examples import boolean_example
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
        return Verdict(CORRECT, f"E = {expected:.6f} for the output {o:.6f} on (0, 0, 0), target 1.")
    guesses = [
        ((t - o) ** 2, "you forgot the 1/2 in front."),
        (0.5 * (t - o), "square the error (t - o) before halving it."),
        (0.5 * (o - t), "square the error (t - o) before halving it."),
        ((0.5 * (t - o)) ** 2, "you halved the error, then squared it; square the error first, then "
                               "halve the square."),
        (t - o, "square the error, then halve it."),
        (-0.5 * (t - o) ** 2, "the squared error is never negative; drop the minus sign."),
        (0.5 * (0 - o) ** 2, "the target for (0, 0, 0) is F(0, 0, 0) = 0*0 + not 0 = 1, not 0."),
        (0.5 * (t - 0.70) ** 2, "you used the output rounded to 0.70; use the network's unrounded output."),
    ]
    hint = next((h for value, h in guesses if np.isclose(got, value, rtol=0, atol=1e-6)),
                "take the network's unrounded output o for (0, 0, 0) and the target t = 1, then "
                "the half squared error of the task.")
    return Verdict(WRONG, f"E = {fmt(got)} is not the half squared error of that row. Hint: {hint}")
