"""Checkers for 08_gradient_descent_and_training."""
import math

import numpy as np

from ._core import CORRECT, WRONG, Verdict, args_text, call, checker, fmt, unsolved_value


def _fmt(x):
    """fmt on one line (a path is a 2-D array, which NumPy prints on several lines)."""
    return " ".join(fmt(x).split())


# ---------------------------------------------------------------- 08.1 the descent loop

_GD_CASES = [                 # (grad, its name, w0, lr, steps)
    (lambda w: 2 * (w - 3), "grad of (w - 3)² + 1", np.array([-1.0]), 0.3, 5),
    (lambda w: np.array([2.0, 20.0]) * w, "grad of w1² + 10 w2²", np.array([-9.0, 1.5]), 0.09, 4),
    (lambda w: 2 * (w - 3), "grad of (w - 3)² + 1", np.array([7.0]), 0.1, 0),
]


def _descent(grad, w0, lr, steps, sign=-1.0, fixed=False):
    path, w = [w0.copy()], w0.copy()
    for _ in range(steps):
        w = w + sign * lr * grad(w0 if fixed else w)
        path.append(w)
    return np.array(path)


def _as_path(result, steps, d):
    """The result as an array (k, d), or None when it is not numbers."""
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None
    if d == 1 and got.ndim == 1 and got.shape[0] == steps + 1:
        got = got[:, None]                       # a 1-D path given as a flat list of numbers
    return got


def _gd_hint(got, grad, w0, lr, steps):
    """A hint naming the typical mistake that gives ``got``, or a general one."""
    expected = _descent(grad, w0, lr, steps)
    if got.shape == expected.shape:
        if np.allclose(got, _descent(grad, w0, lr, steps, sign=1.0)):
            return ("you stepped uphill: the update is w - lr * grad(w), with a minus "
                    "(the gradient points up the slope).")
        if steps > 1 and np.allclose(got, _descent(grad, w0, lr, steps, fixed=True)):
            return "evaluate the gradient at the current point w, not at w0, at every step."
        if steps > 1 and np.allclose(got, got[-1]):
            return ("every row is the same point: you appended the same array and then changed it in "
                    "place (w -= ...). Write w = w - lr * grad(w), or append w.copy().")
        return "each step is w = w - lr * grad(w), starting from w0; keep every point in a list."
    if got.shape == expected.shape[1:] or got.shape == (1, expected.shape[1]):
        return ("you returned one point; return every point visited, w0 first: steps + 1 rows, "
                "e.g. np.array(path).")
    if got.ndim == 2 and got.shape[0] == steps:
        return ("one row is missing: row 0 is the start w0, then one row per step, so steps + 1 rows "
                "(did you leave out w0, or stop one step early?).")
    if got.ndim == 2 and got.shape[0] == steps + 2:
        return "one row too many: do exactly `steps` updates (range(steps)), so steps + 1 rows with w0."
    return f"return an array of shape (steps + 1, d) = {expected.shape}: w0, then the point after each step."


@checker
def check_gradient_descent(gradient_descent):
    """Exercise 08.1: gradient_descent(grad, w0, lr, steps) -> every point of w <- w - lr grad(w)."""
    name = getattr(gradient_descent, "__name__", "gradient_descent")
    for grad, gname, w0, lr, steps in _GD_CASES:
        given = w0.copy()
        result, problem = call(gradient_descent, (grad, given, lr, steps))
        if problem:
            return problem
        shown = f"{name}({gname}, {_fmt(w0)}, {lr}, {steps})"
        expected = _descent(grad, w0, lr, steps)
        got = _as_path(result, steps, w0.size)
        if got is None:
            return Verdict(WRONG, f"{shown} returned {_fmt(result)}; expected numbers like {_fmt(expected)}.")
        if got.shape == expected.shape and not np.all(np.isfinite(got)):
            return Verdict(WRONG, f"{shown} returned {_fmt(got)}, which holds NaN or inf; "
                                  f"expected {_fmt(expected)}.")
        if got.shape == expected.shape and np.allclose(got, expected, rtol=1e-9, atol=1e-12):
            if not np.array_equal(given, w0):
                return Verdict(WRONG, f"{shown} changed the caller's w0 to {_fmt(given)}. Hint: start "
                                      f"with w = w0.copy() (or w = w0 - ..., which makes a new array).")
            continue
        return Verdict(WRONG, f"{shown} returned {_fmt(got)} (shape {got.shape}); expected "
                              f"{_fmt(expected)} (shape {expected.shape}). "
                              f"Hint: {_gd_hint(got, grad, w0, lr, steps)}")
    grad, _, w0, lr, _ = _GD_CASES[0]
    visits = ", ".join(f"{w:g}" for w in _descent(grad, w0, lr, 3)[:, 0])
    return Verdict(CORRECT, f"gradient_descent matches in 1-D and 2-D: from w = {w0[0]:g} with lr = {lr} "
                            f"on (w - 3)² + 1 it visits {visits}, ...")


# ---------------------------------------------------------------- 08.2 one step to the minimum

_SLOPE = 8.0            # E(w) = 4 (w - 3)² + 1, dE/dw = 8 (w - 3): the factor per step is 1 - 8 eta
_ONE_STEP = 1 / _SLOPE


def _one_number(answer, name):
    """(float, None) or (None, Verdict) when answer is not one finite number."""
    if callable(answer) or isinstance(answer, (bool, np.bool_, str, bytes)) or np.ndim(answer) != 0:
        return None, Verdict(WRONG, f"{name} is {_fmt(answer)} ({type(answer).__name__}); expected one number.")
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return None, Verdict(WRONG, f"{name} is {_fmt(answer)}; expected one number.")
    if not math.isfinite(value):
        return None, Verdict(WRONG, f"{name} is {value}; expected a finite number.")
    return value, None


@checker
def check_eta_one_step(eta_one_step):
    """Exercise 08.2: the learning rate that reaches the minimum of E(w) = 4 (w - 3)² + 1 in one step."""
    problem = unsolved_value(eta_one_step, "eta_one_step")
    if problem:
        return problem
    got, problem = _one_number(eta_one_step, "eta_one_step")
    if problem:
        return problem
    if abs(got - _ONE_STEP) < 1e-9:
        return Verdict(CORRECT, f"eta_one_step = {_ONE_STEP:g}: one step from any w lands exactly on the "
                                f"minimum, w = 3.")
    hint = ("one step gives w - 3  ->  (1 - 8 eta)(w - 3), because dE/dw = 8 (w - 3). "
            "Which eta makes that factor 0?")
    for wrong, why in [(0.5, "0.5 is the answer for (w - 3)² + 1, whose slope is 2 (w - 3). This bowl is "
                             "4 times steeper: its slope is 8 (w - 3), so the factor per step is 1 - 8 eta."),
                       (0.25, "with eta = 0.25 the factor 1 - 8 eta is -1: w jumps to the mirror point and "
                              "back forever. That is the edge of divergence, not the one-step rate."),
                       (1 / 16, "with eta = 1/16 the factor 1 - 8 eta is 1/2: each step halves the distance."),
                       (8.0, "8 is the slope's factor; eta must cancel it: 1 - 8 eta = 0.")]:
        if abs(got - wrong) < 1e-9:
            hint = why
            break
    else:
        if got <= 0:
            hint = "a learning rate is positive: a step goes downhill by lr times the slope."
    return Verdict(WRONG, f"eta_one_step is {_fmt(got)}, expected the eta that reaches w = 3 in one step "
                          f"from any start. Hint: {hint}")


# ---------------------------------------------------------------- 08.3 mini-batches of one epoch

_MB_CASES = [(10, 3, 0), (12, 4, 1), (7, 7, 2), (100, 32, 0), (5, 1, 3)]


def _batches(result):
    """The result as a list of int arrays, or None when it is not a sequence of index arrays."""
    if isinstance(result, (str, bytes)) or not hasattr(result, "__iter__"):
        return None
    out = []
    try:
        for batch in result:
            if isinstance(batch, (str, bytes)):
                return None
            b = np.asarray(batch)
            if b.ndim != 1 or (b.size and not np.issubdtype(b.dtype, np.integer)):
                if b.ndim == 1 and b.size and np.issubdtype(b.dtype, np.floating) and \
                        np.all(np.isfinite(b)) and np.all(b == np.round(b)):
                    b = b.astype(int)
                else:
                    return None
            out.append(b.astype(int))
    except TypeError:
        return None
    return out


@checker
def check_minibatches(minibatches):
    """Exercise 08.3: minibatches(n, batch_size, seed) -> the shuffled index batches of one epoch."""
    name = getattr(minibatches, "__name__", "minibatches")
    for n, size, seed in _MB_CASES:
        args = (n, size, seed)
        result, problem = call(minibatches, args)
        if problem:
            return problem
        shown = f"{name}{args_text(args)}"
        batches = _batches(result)
        if batches is None:
            return Verdict(WRONG, f"{shown} returned {_fmt(result)}; expected a list of index arrays, "
                                  f"like [array([3, 0, 8]), array([5, 1, 9]), ...].")
        counts = [len(b) for b in batches]
        full, rest = divmod(n, size)
        want = [size] * full + ([rest] if rest else [])
        every = np.concatenate(batches) if batches else np.array([], dtype=int)
        if every.size and (every.min() < 0 or every.max() >= n):
            return Verdict(WRONG, f"{shown} holds the index {every.min() if every.min() < 0 else every.max()}; "
                                  f"indices go from 0 to n - 1 = {n - 1}.")
        if len(np.unique(every)) < every.size:
            return Verdict(WRONG, f"{shown} uses some examples twice in one epoch (batch sizes {counts}). "
                                  f"Hint: draw one permutation, rng.permutation(n), and cut it into slices; "
                                  f"drawing each batch with rng.integers or rng.choice repeats examples "
                                  f"and skips others.")
        if every.size < n:
            missing = n - every.size
            hint = (f"the last, smaller batch of {rest} is missing: keep it (range(0, n, batch_size) "
                    f"gives its start too)." if rest and counts == want[:-1] else
                    f"{missing} example(s) are never used; every index 0..n-1 must appear once.")
            return Verdict(WRONG, f"{shown} gave batches of sizes {counts}, expected {want}. Hint: {hint}")
        if counts != want:
            return Verdict(WRONG, f"{shown} gave batches of sizes {counts}, expected {want}. Hint: cut the "
                                  f"shuffled indices into consecutive slices order[start:start + batch_size].")
        if n >= 10 and np.array_equal(every, np.arange(n)):
            return Verdict(WRONG, f"{shown} gave the batches in order {_fmt(every)}. Hint: shuffle "
                                  f"first, with np.random.default_rng(seed).permutation(n); otherwise every "
                                  f"epoch sees the same batches in the same order.")
        again = _batches(minibatches(*args))
        if again is None or len(again) != len(batches) or \
                any(not np.array_equal(a, b) for a, b in zip(again, batches)):
            return Verdict(WRONG, f"{shown} gave different batches when called twice with the same seed. "
                                  f"Hint: make the generator from the seed, rng = np.random.default_rng(seed).")
    other = _batches(minibatches(100, 32, 1))
    first = _batches(minibatches(100, 32, 0))
    if other is not None and first is not None and len(other) == len(first) and \
            all(np.array_equal(a, b) for a, b in zip(other, first)):
        return Verdict(WRONG, f"{name}(100, 32, 0) and {name}(100, 32, 1) gave the same batches. Hint: use "
                              f"the seed argument: rng = np.random.default_rng(seed).")
    return Verdict(CORRECT, f"minibatches passes {len(_MB_CASES)} cases: each index once per epoch, "
                            f"shuffled by the seed; 10 examples in batches of 3 give sizes [3, 3, 3, 1].")


__all__ = ["check_eta_one_step", "check_gradient_descent", "check_minibatches"]
