"""Checkers for 07_backpropagation."""
import numpy as np

from ._core import CORRECT, WRONG, Verdict, as_number, call, checker, fmt, unsolved_value

# Mazur's 2-2-2 example after the forward pass (x = 0.05, 0.10; t = 0.01, 0.99).
_X, _T = np.array([0.05, 0.10]), np.array([0.01, 0.99])
_W2 = np.array([[0.40, 0.45], [0.50, 0.55]])
_OUT_H = 1 / (1 + np.exp(-(np.array([[0.15, 0.20], [0.25, 0.30]]) @ _X + 0.35)))
_OUT_O = 1 / (1 + np.exp(-(_W2 @ _OUT_H + 0.60)))


def _text(x):
    """fmt(x) on one line (a checker prints exactly one line)."""
    return " ".join(fmt(x).split())


def _compare(name, label, result, expected):
    """None when result matches expected (to 1e-9), else a one-line WRONG Verdict."""
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name} on {label} returned {_text(result)}; expected numbers like "
                                    f"{_text(expected)}.")
    if got.shape != expected.shape:
        return None, Verdict(WRONG, f"{name} on {label} returned {_text(result)} of shape {got.shape}; "
                                    f"expected shape {expected.shape}: {_text(expected)}.")
    if not np.all(np.isfinite(got)):
        return None, Verdict(WRONG, f"{name} on {label} returned {_text(got)}, which holds NaN or inf; "
                                    f"expected {_text(expected)}.")
    if not np.allclose(got, expected, rtol=0, atol=1e-9):
        return got, Verdict(WRONG, f"{name} on {label} returned {_text(got)}; expected {_text(expected)}.")
    return got, None


def _with_hint(got, problem, hints):
    """problem, with the hint of the first typical mistake that got matches."""
    for value, hint in hints:
        if np.allclose(got, value, rtol=0, atol=1e-9):
            return Verdict(WRONG, f"{problem.message} Hint: {hint}")
    return problem


@checker
def check_dE_dw7(dE_dw7):
    """Exercise 07.1: dE/dw7 = dE/dout_o2 * dout_o2/dnet_o2 * dnet_o2/dw7 in Mazur's network."""
    problem = unsolved_value(dE_dw7, "dE_dw7")
    if problem:
        return problem
    got, problem = as_number(dE_dw7, "dE_dw7", ())
    if problem:
        return Verdict(WRONG, problem.message.replace("dE_dw7()", "dE_dw7"))
    o2, h1, h2, t2 = _OUT_O[1], _OUT_H[0], _OUT_H[1], _T[1]
    expected = (o2 - t2) * o2 * (1 - o2) * h1
    if np.isclose(got, expected, rtol=0, atol=1e-7):
        return Verdict(CORRECT, f"dE/dw7 = {expected:.9f} (Mazur's 2-2-2 network, before the first update).")
    mistakes = [
        (-expected, "the sign is flipped: dE/dout_o2 = out_o2 - target_o2 (the derivative of "
                    "1/2 (target - out)^2 with respect to out), which is negative here."),
        ((o2 - t2) * h1, "you left out dout_o2/dnet_o2 = out_o2 (1 - out_o2), the sigmoid's slope."),
        ((o2 - t2) * o2 * (1 - o2) * h2, "that is dE/dw8: w7 comes from h1, so dnet_o2/dw7 = out_h1."),
        ((o2 - t2) * o2 * (1 - o2) * _X[0], "dnet_o2/dw7 is the output of h1 (out_h1), not the input x1."),
        ((_OUT_O[0] - _T[0]) * _OUT_O[0] * (1 - _OUT_O[0]) * h2, "that is dE/dw6 (h2 -> o1): w7 goes "
                                                                  "from h1 to o2."),
        (_W2[1, 0] - 0.5 * expected, "that is the new w7 after the update; the exercise asks for the "
                                     "gradient dE/dw7."),
        ((o2 - _T[0]) * o2 * (1 - o2) * h1, "you used t[0] = 0.01, the target of o1; the target of o2 "
                                            "is t[1] = 0.99."),
        ((o2 - t2) * _OUT_O[0] * (1 - _OUT_O[0]) * h1, "the middle factor is o2's slope, "
                                                       "out_o2 (1 - out_o2); you used out_o1's."),
        ((_OUT_O[0] - _T[0]) * _OUT_O[0] * (1 - _OUT_O[0]) * h1, "that is dE/dw5 (h1 -> o1): w7 goes "
                                                                  "from h1 to o2, so use out_o2 and t[1]."),
    ]
    for value, hint in mistakes:
        if np.isclose(got, value, rtol=0, atol=1e-7):
            return Verdict(WRONG, f"dE_dw7 is {fmt(got)}, not dE/dw7. Hint: {hint}")
    return Verdict(WRONG, f"dE_dw7 is {fmt(got)}, not dE/dw7. Hint: multiply the three "
                          f"factors of the chain rule, as for w5, with o2's output and target and the "
                          f"output of h1, where w7 starts.")


_OUTPUT_CASES = [
    ("Mazur's outputs a = [0.751365, 0.772928], t = [0.01, 0.99]", _OUT_O.copy(), _T.copy()),
    ("a = [0.2, 0.5, 0.9], t = [1, 0, 1]", np.array([0.2, 0.5, 0.9]), np.array([1.0, 0.0, 1.0])),
    ("a batch of 2 rows, a = [[0.3, 0.6], [0.8, 0.1]], t = [[0, 1], [1, 0]]",
     np.array([[0.3, 0.6], [0.8, 0.1]]), np.array([[0.0, 1.0], [1.0, 0.0]])),
]


@checker
def check_output_delta(output_delta):
    """Exercise 07.2: delta = (a - t) * a * (1 - a) for sigmoid outputs and squared error."""
    for label, a, t in _OUTPUT_CASES:
        result, problem = call(output_delta, (a.copy(), t.copy()))
        if problem:
            return (problem)
        expected = (a - t) * a * (1 - a)
        got, problem = _compare("output_delta", label, result, expected)
        if not problem:
            continue
        if got is None:
            return problem
        return _with_hint(got, problem, [(-expected, "the sign is flipped: dE/da = a - t, not t - a."),
                 (a - t, "you left out f'(z) = a (1 - a), the sigmoid's slope (BP1 multiplies by it)."),
                 ((a - t) * a, "the sigmoid's slope is a (1 - a), not a."),
                 ((a - t) * (1 - a), "the sigmoid's slope is a (1 - a), not (1 - a)."),
                 ((a - t) * _sig(a) * (1 - _sig(a)), "you applied the sigmoid to a again: a is already "
                                                     "sigmoid(z), so f'(z) = a (1 - a).")])
    return Verdict(CORRECT, f"output_delta matches on {len(_OUTPUT_CASES)} cases, including Mazur's "
                            f"[{_delta_text()}].")


def _sig(z):
    return 1 / (1 + np.exp(-z))


def _delta_text():
    d = (_OUT_O - _T) * _OUT_O * (1 - _OUT_O)
    return ", ".join(f"{v:.9f}" for v in d)


_RNG = np.random.default_rng(7)
_HIDDEN_CASES = [
    ("Mazur's network (delta_o, W2 = [[0.40, 0.45], [0.50, 0.55]], out_h)",
     (_OUT_O - _T) * _OUT_O * (1 - _OUT_O), _W2.copy(), _OUT_H.copy()),
    ("3 units fed by 4 hidden units (W_next of shape (3, 4))",
     np.array([0.3, -0.2, 0.1]), _RNG.normal(size=(3, 4)), np.array([0.1, 0.4, 0.7, 0.9])),
]


@checker
def check_hidden_delta(hidden_delta):
    """Exercise 07.3: delta = (W_next^T delta_next) * a * (1 - a) for a sigmoid hidden layer."""
    for label, delta_next, W_next, a in _HIDDEN_CASES:
        result, problem = call(hidden_delta, (delta_next.copy(), W_next.copy(), a.copy()))
        if problem and " raised " in problem.message:
            error = problem.message.split(" raised ", 1)[1]
            hint = (f" Hint: W_next has shape {W_next.shape} (to, from); to send delta_next of shape "
                    f"{delta_next.shape} back, use W_next.T @ delta_next."
                    if W_next.shape[0] != W_next.shape[1] else "")
            return Verdict(WRONG, f"hidden_delta on {label} raised {error}{hint}")
        if problem:
            return (problem)
        expected = (W_next.T @ delta_next) * a * (1 - a)
        got, problem = _compare("hidden_delta", label, result, expected)
        if not problem:
            continue
        if got is None:
            return problem
        hints = []
        if W_next.shape[0] == W_next.shape[1]:
            hints.append(((W_next @ delta_next) * a * (1 - a), "use the transpose: W_next.T @ "
                          "delta_next (each hidden unit k collects delta_j w_jk over the units j it feeds)."))
        hints += [(W_next.T @ delta_next, "you left out f'(z) = a (1 - a), the hidden layer's slope (BP2)."),
                  (-(W_next.T @ delta_next) * a * (1 - a), "the sign is flipped; no minus sign in BP2."),
                  ((W_next.T @ delta_next) * _sig(a) * (1 - _sig(a)), "a is already sigmoid(z): the "
                                                                     "slope is a (1 - a).")]
        return _with_hint(got, problem, hints)
    d = (_W2.T @ _HIDDEN_CASES[0][1]) * _OUT_H * (1 - _OUT_H)
    return Verdict(CORRECT, f"hidden_delta matches on {len(_HIDDEN_CASES)} cases, including Mazur's hidden "
                            f"deltas [{d[0]:.9f}, {d[1]:.9f}].")


__all__ = ["check_dE_dw7", "check_hidden_delta", "check_output_delta"]
