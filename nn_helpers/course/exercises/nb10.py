"""Checkers for 10_beyond_sgd: a momentum step, an Adam step, the gradient with an L2 penalty."""
import numpy as np

from ._core import CORRECT, WRONG, Verdict, call, checker, fmt, unsolved_value


def _text(x):
    """fmt(x) on one line (a checker prints exactly one line)."""
    return " ".join(fmt(x).split())


def _plain(a):
    """An array as nested lists of short numbers, e.g. [[0.15, 0.1], [-0.1, 0.05]] (for success lines)."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 0:
        return f"{float(a):g}"
    return "[" + ", ".join(_plain(row) for row in a) + "]"


def _args(args):
    return "(" + ", ".join(_text(np.asarray(a)) if isinstance(a, np.ndarray) else _text(a) for a in args) + ")"


def _as_arrays(result, count, names, call_text, shape):
    """The learner's result as `count` float arrays of `shape`, or a one-line WRONG Verdict."""
    what = "a pair" if count == 2 else f"a tuple of {count}"
    if not isinstance(result, (tuple, list)) or len(result) != count:
        return None, Verdict(WRONG, f"{call_text} returned {_text(result)}; expected {what} "
                                    f"({', '.join(names)}). Hint: end with `return {', '.join(names)}`.")
    arrays = []
    for name, part in zip(names, result):
        try:
            a = np.asarray(part, dtype=float)
        except (TypeError, ValueError):
            return None, Verdict(WRONG, f"{call_text} returned {name} = {_text(part)}; expected numbers.")
        if a.shape != shape:
            return None, Verdict(WRONG, f"{call_text} returned {name} of shape {a.shape}; expected shape "
                                        f"{shape}, like the w you were given.")
        if not np.all(np.isfinite(a)):
            return None, Verdict(WRONG, f"{call_text} returned {name} = {_text(a)}, which holds NaN or inf.")
        arrays.append(a)
    return arrays, None


def _matches(got, expected, atol=1e-7):
    return all(np.allclose(g, e, rtol=0, atol=atol) for g, e in zip(got, expected))


# ---------------------------------------------------------------- 10.1 momentum

_MOMENTUM_CASES = [   # w, v, grad, lr, beta
    (np.array([-9.0, 2.0]), np.array([0.0, 0.0]), np.array([-0.9, 4.0]), 0.3, 0.8),
    (np.array([0.5, -1.0, 2.0]), np.array([0.2, -0.1, 0.4]), np.array([1.0, 0.5, -2.0]), 0.1, 0.9),
    (np.array([[0.15, 0.2], [0.25, 0.3]]), np.array([[0.01, 0.0], [-0.02, 0.03]]),
     np.array([[0.5, -0.4], [0.3, 0.2]]), 0.5, 0.5),
]


@checker
def check_momentum_step(momentum_step):
    """Exercise 10.1: v_new = beta v + g, w_new = w - lr v_new."""
    for w, v, g, lr, beta in _MOMENTUM_CASES:
        args = (w.copy(), v.copy(), g.copy(), lr, beta)
        result, problem = call(momentum_step, args)
        if problem:
            return problem
        call_text = f"momentum_step{_args(args)}"
        got, problem = _as_arrays(result, 2, ("w_new", "v_new"), call_text, w.shape)
        if problem:
            return problem
        v_new = beta * v + g
        expected = (w - lr * v_new, v_new)
        if _matches(got, expected):
            continue
        message = (f"{call_text} returned w_new = {_text(got[0])}, v_new = {_text(got[1])}; expected "
                   f"w_new = {_text(expected[0])}, v_new = {_text(expected[1])}.")
        mistakes = [
            ((w + lr * v_new, v_new), "the step goes downhill: w_new = w - lr * v_new (minus, not plus)."),
            ((v_new, w - lr * v_new), "you returned the pair the other way round: return w_new, v_new."),
            ((w - lr * (v + g), v + g), "the old velocity must shrink first: v_new = beta * v + grad "
                                        "(you left out beta)."),
            ((w - lr * v, v_new), "update w with the NEW velocity: compute v_new first, then "
                                  "w_new = w - lr * v_new (you used the old v)."),
            ((w - lr * g, g), "that is plain gradient descent: the velocity must remember the past, "
                              "v_new = beta * v + grad."),
            ((w + beta * v - lr * g, beta * v - lr * g), "that is the 'lr inside' form (v <- beta v - lr g, "
                                                         "w <- w + v); this notebook uses v <- beta v + g, "
                                                         "w <- w - lr v."),
            ((w - lr * (beta * v + (1 - beta) * g), beta * v + (1 - beta) * g),
             "no (1 - beta) factor here: that is Adam's running mean; momentum adds the whole gradient, "
             "v_new = beta * v + grad."),
        ]
        for value, hint in mistakes:
            if _matches(got, value):
                return Verdict(WRONG, f"{message} Hint: {hint}")
        return Verdict(WRONG, f"{message} Hint: two lines, as in the task: first the new velocity, then "
                              f"the step of w with it.")
    w, v, g, lr, beta = _MOMENTUM_CASES[0]
    return Verdict(CORRECT, f"momentum_step matches on {len(_MOMENTUM_CASES)} cases (from w = {_plain(w)}, "
                            f"v = 0, grad = {_plain(g)}, lr = {lr}, beta = {beta}: w_new = "
                            f"{_plain(w - lr * (beta * v + g))}).")


# ---------------------------------------------------------------- 10.2 Adam

_ADAM_CASES = [   # w, m, v, grad, t, lr
    (np.array([-9.0, 2.0]), np.zeros(2), np.zeros(2), np.array([-0.9, 4.0]), 1, 0.5),
    (np.array([0.5, -1.0, 2.0]), np.array([0.05, -0.02, 0.1]), np.array([0.01, 0.002, 0.03]),
     np.array([0.4, -0.3, 0.8]), 3, 0.01),
    (np.array([[0.15, 0.2], [0.25, 0.3]]), np.array([[0.1, -0.1], [0.05, 0.2]]),
     np.array([[0.02, 0.03], [0.01, 0.05]]), np.array([[0.5, -0.4], [0.3, 0.6]]), 10, 0.1),
]
_B1, _B2, _EPS = 0.9, 0.999, 1e-8


def _adam(w, m, v, g, t, lr, correct=True, sqrt=True, square=True, eps_inside=False):
    m_new = _B1 * m + (1 - _B1) * g
    v_new = _B2 * v + (1 - _B2) * (g * g if square else g)
    m_hat = m_new / (1 - _B1 ** t) if correct else m_new
    v_hat = v_new / (1 - _B2 ** t) if correct else v_new
    with np.errstate(invalid="ignore", divide="ignore"):
        if eps_inside:
            scale = np.sqrt(v_hat + _EPS)
        else:
            scale = (np.sqrt(v_hat) if sqrt else v_hat) + _EPS
        return w - lr * m_hat / scale, m_new, v_new


@checker
def check_adam_step(adam_step):
    """Exercise 10.2: one Adam step with bias correction (eps outside or inside the sqrt)."""
    for w, m, v, g, t, lr in _ADAM_CASES:
        args = (w.copy(), m.copy(), v.copy(), g.copy(), t, lr)
        result, problem = call(adam_step, args)
        if problem:
            return problem
        call_text = f"adam_step{_args(args)}"
        got, problem = _as_arrays(result, 3, ("w_new", "m_new", "v_new"), call_text, w.shape)
        if problem:
            return problem
        expected = _adam(w, m, v, g, t, lr)
        if _matches(got, expected) or _matches(got, _adam(w, m, v, g, t, lr, eps_inside=True)):
            continue
        message = (f"{call_text} returned w_new = {_text(got[0])}, m_new = {_text(got[1])}, v_new = "
                   f"{_text(got[2])}; expected w_new = {_text(expected[0])}, m_new = {_text(expected[1])}, "
                   f"v_new = {_text(expected[2])}.")
        m_new, v_new = expected[1], expected[2]
        m_hat, v_hat = m_new / (1 - _B1 ** t), v_new / (1 - _B2 ** t)
        mistakes = [
            (_adam(w, m, v, g, t, lr, correct=False), "you left out the bias correction: m_hat = m_new / "
                                                      "(1 - beta1**t), v_hat = v_new / (1 - beta2**t)."),
            (_adam(w, m, v, g, t, lr, sqrt=False), "divide by the square ROOT of v_hat: "
                                                   "np.sqrt(v_hat) + eps."),
            (_adam(w, m, v, g, t, lr, square=False), "v is the running mean of the SQUARED gradient: "
                                                     "(1 - beta2) * grad**2."),
            (_adam(w, m, v, g, t + 1, lr), "t is already this step's number (1 at the first step): use "
                                           "beta1**t, not beta1**(t + 1)."),
            ((expected[0], m_hat, v_hat), "return the running means m_new and v_new themselves; m_hat "
                                          "and v_hat are only for this step's update."),
            ((2 * w - expected[0], m_new, v_new), "the step goes downhill: w_new = w - lr * ... "
                                                        "(minus, not plus)."),
        ]
        for value, hint in mistakes:
            if _matches(got, value):
                return Verdict(WRONG, f"{message} Hint: {hint}")
        return Verdict(WRONG, f"{message} Hint: follow the steps above in order: the running means m and "
                              f"v, their bias-corrected m_hat and v_hat, then the step of w.")
    w, m, v, g, t, lr = _ADAM_CASES[0]
    return Verdict(CORRECT, f"adam_step matches on {len(_ADAM_CASES)} cases (the first step from w = "
                            f"{_plain(w)}, m = v = 0, grad = {_plain(g)}, lr = {lr}: w_new = "
                            f"{_plain(_adam(w, m, v, g, t, lr)[0])}, each weight moved by lr).")


# ---------------------------------------------------------------- 10.3 L2

_W = np.array([[0.5, -1.0], [2.0, 0.0]])
_DW_DATA = np.array([[0.1, 0.2], [-0.3, 0.05]])
_LAM = 0.1


@checker
def check_l2_gradient(dW_total):
    """Exercise 10.3: d/dW [L + lam/2 ||W||^2] = dL/dW + lam W."""
    problem = unsolved_value(dW_total, "dW_total")
    if problem:
        return problem
    expected = _DW_DATA + _LAM * _W
    if isinstance(dW_total, (bool, np.bool_)) or callable(dW_total):
        return Verdict(WRONG, f"dW_total is {_text(dW_total)}; expected a 2x2 array like "
                              f"{_text(expected)}.")
    try:
        got = np.asarray(dW_total, dtype=float)
    except (TypeError, ValueError):
        return Verdict(WRONG, f"dW_total is {_text(dW_total)}; expected a 2x2 array of numbers like "
                              f"{_text(expected)}.")
    if got.shape == ():
        if np.isclose(got, _LAM / 2 * np.sum(_W ** 2)):
            return Verdict(WRONG, f"dW_total is {_text(dW_total)}, the penalty's value lam/2 ||W||^2; "
                                  f"expected its gradient plus the data gradient, a 2x2 array. Hint: "
                                  f"the gradient of lam/2 w^2 is lam w, one number per weight.")
        return Verdict(WRONG, f"dW_total is one number, {_text(dW_total)}; expected a 2x2 array (one "
                              f"gradient per weight), like W.")
    if got.shape != expected.shape:
        return Verdict(WRONG, f"dW_total has shape {got.shape}; expected shape (2, 2), one gradient per "
                              f"weight, like W.")
    if not np.all(np.isfinite(got)):
        return Verdict(WRONG, f"dW_total is {_text(got)}, which holds NaN or inf; expected finite gradients.")
    if np.allclose(got, expected, rtol=0, atol=1e-9):
        return Verdict(CORRECT, f"dW_total = {_plain(expected)}, the gradient of the loss with the L2 "
                                f"penalty (lam = {_LAM}).")
    message = f"dW_total is {_text(got)}, not the gradient with the penalty."
    mistakes = [
        (_DW_DATA, "you left out the penalty's gradient, lam * W."),
        (_LAM * _W, "add the data gradient dW_data: the total loss is L + lam/2 ||W||^2."),
        (_DW_DATA + 2 * _LAM * _W, "the 1/2 in lam/2 w^2 cancels the 2 of the derivative: the "
                                   "gradient is lam * w, not 2 lam w."),
        (_DW_DATA + _LAM / 2 * _W, "the derivative of lam/2 w^2 is lam * w (the 2 of w^2 cancels the 1/2)."),
        (_DW_DATA - _LAM * _W, "the penalty's gradient is +lam * W (it grows with W); the minus sign "
                               "comes only in the update W - lr * dW_total."),
        (_W - 0.5 * (_DW_DATA + _LAM * _W), "that looks like an updated W; the exercise asks for the "
                                            "gradient dW_total."),
    ]
    for value, hint in mistakes:
        if np.allclose(got, value, rtol=0, atol=1e-9):
            return Verdict(WRONG, f"{message} Hint: {hint}")
    return Verdict(WRONG, f"{message} Hint: differentiate the penalty lam/2 w^2 for one weight, then add "
                          f"that to each weight's data gradient.")


__all__ = ["check_adam_step", "check_l2_gradient", "check_momentum_step"]
