"""Checkers for 03_activation_functions."""

import numpy as np

from ...activations import LEAKY_SLOPE, leaky_relu, leaky_relu_prime, sigmoid, softmax
from ._core import CORRECT, WRONG, Verdict, args_text, call, checker, close_to, fmt


def _run(fn, z):
    """fn(z) on a copy of z, NumPy's overflow warnings silenced: (result, None) or (None, Verdict)."""
    with np.errstate(all="ignore"):
        return call(fn, (z.copy(),))


def _compare(result, expected, name, args, hints):
    """None when result matches expected, else a WRONG Verdict: expected vs got, and the hint of
    the first typical mistake (an array it equals) in ``hints``, a list of (array, hint)."""
    if np.ndim(result) == 0 and np.ndim(expected) > 0:
        return Verdict(WRONG, f"{name}{args_text(args)} returned one value, {fmt(result)}; expected an "
                              f"array shaped like z, {fmt(expected)}. Hint: work on the whole array "
                              f"with NumPy (np.where, np.exp, np.max) rather than Python's if/max.")
    problem = close_to(result, expected, name, args)
    if problem is None:
        return None
    try:
        with np.errstate(all="ignore"):
            got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return problem
    for wrong, hint in hints:
        if got.shape == np.shape(wrong) and np.allclose(got, wrong, rtol=0, atol=1e-6, equal_nan=True):
            return Verdict(WRONG, f"{problem.message} Hint: {hint}")
    return problem


# ---------------------------------------------------------------- 03.1 leaky_relu_prime

@checker
def check_leaky_relu_prime(leaky_relu_prime_fn):
    """Exercise 03.1: the slope of leaky ReLU, 1 where z > 0 and 0.01 where z <= 0."""
    name = getattr(leaky_relu_prime_fn, "__name__", "leaky_relu_prime")
    for z in (np.array([-3.0, -0.5, 0.5, 2.0]), np.array([0.0, -1e-9, 1e-9, 7.5])):
        result, problem = _run(leaky_relu_prime_fn, z)
        if problem:
            if "ambiguous" in problem.message:
                return Verdict(WRONG, f"{problem.message}. Hint: `if z > 0` asks one question of a whole "
                                      f"array; np.where(z > 0, 1.0, 0.01) answers it element by element.")
            return problem
        pos = z > 0
        hints = [(np.where(pos, LEAKY_SLOPE, 1.0), "the two slopes are swapped: 1 belongs to z > 0, "
                                                    "0.01 to z <= 0."),
                 (np.where(pos, 1.0, 0.1), "the leak is 0.01 (one percent), not 0.1."),
                 (np.where(pos, 1.0, 0.0), "that is ReLU's slope; leaky ReLU keeps a small slope "
                                            "0.01 where z <= 0."),
                 (leaky_relu(z), "that is leaky_relu(z) itself; the task is its slope (derivative)."),
                 (np.where(z >= 0, 1.0, LEAKY_SLOPE), "at z = 0 we take the left side's slope, 0.01 "
                                                      "(as relu_prime takes 0 there): use z > 0, not z >= 0.")]
        problem = _compare(result, leaky_relu_prime(z), name, (z,), hints)
        if problem:
            return problem
    return Verdict(CORRECT, "leaky_relu_prime gives the right slope at 8 values of z, z = 0 included "
                            f"({leaky_relu_prime(np.array([0.0]))[0]:g} there).")


# ---------------------------------------------------------------- 03.2 tanh_from_sigmoid

_TANH_Z = np.array([-2.0, -0.5, 0.0, 0.3, 1.0, 4.0])


@checker
def check_tanh_from_sigmoid(tanh_from_sigmoid):
    """Exercise 03.2: tanh(z) = 2 sigma(2z) - 1, built from the sigmoid."""
    name = getattr(tanh_from_sigmoid, "__name__", "tanh_from_sigmoid")
    z = _TANH_Z
    result, problem = _run(tanh_from_sigmoid, z)
    if problem:
        return problem
    hints = [(2 * sigmoid(z) - 1, "use sigmoid(2 * z), not sigmoid(z): tanh rises twice as steeply."),
             (sigmoid(2 * z) - 1, "stretch the range (0, 1) to (-1, 1): multiply by 2, then subtract 1."),
             (2 * sigmoid(2 * z) + 1, "subtract 1 (the range must become (-1, 1)); do not add it."),
             (2 * sigmoid(2 * z), "subtract 1 at the end, so that z = 0 gives 0."),
             (np.tanh(2 * z), "that is tanh(2z); the identity is tanh(z) = 2 sigmoid(2z) - 1."),
             (2 * (sigmoid(2 * z) - 1), "check the brackets: 2 * (sigmoid(2 * z) - 1) subtracts 1 before "
                                        "doubling; the identity doubles first, 2 * sigmoid(2 * z) - 1.")]
    problem = _compare(result, np.tanh(z), name, (z,), hints)
    if problem:
        return problem
    return Verdict(CORRECT, f"tanh_from_sigmoid matches tanh on {z.size} values of z "
                            f"(e.g. {np.tanh(1.0):.6f} at z = 1).")


# ---------------------------------------------------------------- 03.3 softmax_batch

_NO_SHIFT = ("exp(1000) overflows to inf, and inf / inf is NaN: subtract each row's maximum first, "
             "Z - Z.max(axis=1, keepdims=True).")
_ONE_SHIFT = ("subtracting the maximum of the whole array is not enough when rows are far apart "
              "(exp(0 - 1002) is 0, and 0 / 0 is NaN): subtract each row's own maximum, "
              "Z.max(axis=1, keepdims=True).")
_ROW_MAX = ("subtract each row's maximum: the largest exponent is then exp(0) = 1. Subtracting the "
            "row's minimum or mean is not enough when a row spans a wide range: for (-1000, 0, 1000) "
            "it leaves exp(2000) or exp(1000), which overflow to inf.")
_NORMALISE = "normalise: divide each row by its sum, so that it adds up to 1."
_SOFTMAX_CASES = [   # (Z, the hint when the answer holds NaN or inf)
    (np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]]), _NO_SHIFT),       # the classic example; a tie
    (np.array([[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]]), _NO_SHIFT),    # 3 examples, 2 classes
    (np.array([[1000.0, 1001.0, 1002.0], [1002.0, 1000.0, 1001.0]]), _NO_SHIFT),
    (np.array([[0.0, 1.0, 2.0], [1000.0, 1001.0, 1002.0]]), _ONE_SHIFT),
    (np.array([[-1000.0, 0.0, 1000.0], [0.0, 1000.0, 0.0]]), _ROW_MAX),   # a wide row: min or mean shift overflows
]


@checker
def check_softmax_batch(softmax_batch):
    """Exercise 03.3: softmax of every row of a batch Z (n, K), without overflow."""
    name = getattr(softmax_batch, "__name__", "softmax_batch")
    for Z, nan_hint in _SOFTMAX_CASES:
        result, problem = _run(softmax_batch, Z)
        if problem and "broadcast" in problem.message:
            return Verdict(WRONG, f"{problem.message.rstrip()}. Hint: Z.max(axis=1) and .sum(axis=1) give one "
                                  f"number per row, shape (n,), which NumPy cannot line up with the rows "
                                  f"of an (n, K) array; add keepdims=True to get shape (n, 1).")
        if problem:
            return problem
        e_col = np.exp(Z - Z.max(axis=0, keepdims=True))
        e_row = np.exp(Z - Z.max(axis=1, keepdims=True))
        e_all = np.exp(Z - Z.max())
        hints = [(e_col / e_col.sum(axis=0, keepdims=True),
                  "you normalised each column (axis=0); each ROW is one example: use axis=1, keepdims=True."),
                 (e_all / e_all.sum(), "you divided by the sum of the whole array; divide each row by its "
                                       "own sum (axis=1, keepdims=True)."),
                 (e_row, _NORMALISE), (e_all, _NORMALISE)]
        problem = _compare(result, softmax(Z), name, (Z,), hints)
        if problem and "NaN or inf" in problem.message and np.shape(result) == Z.shape:
            return Verdict(WRONG, f"{problem.message} Hint: {nan_hint}")
        if problem:
            return problem
    big = softmax(np.array([[1000.0, 1001.0, 1002.0]]))[0]
    return Verdict(CORRECT, f"softmax_batch matches on {len(_SOFTMAX_CASES)} batches, including "
                            f"z = (1000, 1001, 1002): ({big[0]:.6f}, {big[1]:.6f}, {big[2]:.6f}).")
