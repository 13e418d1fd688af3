"""Checkers for 04_forward_propagation."""
import numpy as np

from ...activations import sigmoid
from ._core import CORRECT, WRONG, Verdict, args_text, call, checker, close_to, fmt, unsolved_value

_LAYER_HINT = ("W has shape (n_out, n_in): row j holds the weights INTO neuron j, so one example "
               "goes z = W @ a + b (not a @ W), then a = sigmoid(z).")
_BATCH_HINT = ("with one example a row, A has shape (n, n_in) and W shape (n_out, n_in): "
               "use A @ W.T + b, of shape (n, n_out), then apply the sigmoid.")


def _judge(result, expected, name, args, mistakes, shape_hint):
    """None when result equals expected; else a WRONG Verdict naming the mistake it matches.

    mistakes : list of (what a typical mistake returns, hint); shape_hint follows a shape error.
    """
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        got = None
    if got is not None and not np.all(np.isfinite(got)):
        return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}, which holds NaN or inf; "
                              f"expected {fmt(expected)}.")
    if got is not None and got.shape == expected.shape:
        for wrong, hint in mistakes:
            if np.shape(wrong) == got.shape and np.allclose(got, wrong, rtol=0, atol=1e-6) \
                    and not np.allclose(wrong, expected, rtol=0, atol=1e-6):
                return Verdict(WRONG, f"{name}{args_text(args)} returned {fmt(got)}; expected "
                                      f"{fmt(expected)}. Hint: {hint}")
    problem = close_to(result, expected, name, args)
    if problem and got is not None:
        return Verdict(WRONG, f"{problem.message} Hint: {shape_hint}")
    return problem


def _raised_with_hint(problem, hint):
    """A call that raised gets the shape hint (mixing up shapes raises in NumPy)."""
    if problem.status == WRONG and " raised ValueError" in problem.message:
        return Verdict(WRONG, f"{problem.message}. Hint: {hint}")
    return problem


# ---------------------------------------------------------------- 04.2 one layer, one example

_LAYER_CASES = [
    # Mazur's hidden layer: a = (0.05, 0.10) -> (0.593269992, 0.596884378)
    (np.array([0.05, 0.10]), np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([0.35, 0.35])),
    # 3 inputs into 2 neurons: W is not square, so a @ W cannot even be computed
    (np.array([1.0, 0.0, 1.0]), np.array([[0.9, 0.8, 0.1], [0.3, 0.5, 0.6]]), np.array([0.1, -0.2])),
    # one neuron with a negative bias
    (np.array([0.5, -1.0, 2.0]), np.array([[0.4, -0.6, 0.2]]), np.array([-0.5])),
]


@checker
def check_layer_forward(layer_forward):
    """Exercise 04.2: layer_forward(a, W, b) = sigmoid(W @ a + b) for one example."""
    for a, W, b in _LAYER_CASES:
        args = (a.copy(), W.copy(), b.copy())
        result, problem = call(layer_forward, args)
        if problem:
            return (_raised_with_hint(problem, _LAYER_HINT))
        mistakes = [(sigmoid(a @ W + b) if W.shape[0] == W.shape[1] else np.nan,
                     "you computed a @ W, which sums each COLUMN of W (the weights out of one input). "
                     "Row j of W holds the weights into neuron j: use W @ a."),
                    (sigmoid(W @ a), "you left out the bias b: z = W @ a + b."),
                    (W @ a + b, "that is z, the weighted input; the layer's output is a = sigmoid(z)."),
                    (sigmoid(W @ a) + b, "add the bias before the activation: sigmoid(W @ a + b)."),
                    (W @ a, "apply the bias and then the sigmoid: a = sigmoid(W @ a + b).")]
        problem = _judge(result, sigmoid(W @ a + b), "layer_forward", args, mistakes, _LAYER_HINT)
        if problem:
            return (problem)
    a, W, b = _LAYER_CASES[0]
    h1, h2 = sigmoid(W @ a + b)
    return Verdict(CORRECT, f"layer_forward matches on {len(_LAYER_CASES)} cases, Mazur's hidden layer "
                            f"included ({h1:.6f}, {h2:.6f}).")


# ---------------------------------------------------------------- 04.3 one layer, a batch

_BATCH_CASES = [
    # 4 examples (rows), 3 inputs, 2 neurons: Z has shape (4, 2)
    (np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]]),
     np.array([[0.9, 0.8, 0.1], [0.3, 0.5, 0.6]]), np.array([0.1, -0.2])),
    # 2 examples, 2 inputs, 2 neurons: every shape is (2, 2), so only the numbers tell
    (np.array([[0.05, 0.10], [1.0, -0.5]]), np.array([[0.15, 0.20], [0.25, 0.30]]),
     np.array([0.35, -0.35])),
]


@checker
def check_forward_batch(forward_batch):
    """Exercise 04.3: forward_batch(A, W, b) = sigmoid(A @ W.T + b), one example a row."""
    for A, W, b in _BATCH_CASES:
        args = (A.copy(), W.copy(), b.copy())
        result, problem = call(forward_batch, args)
        if problem:
            return (_raised_with_hint(problem, _BATCH_HINT + " (W @ A.T gives one example "
                                                                      "a COLUMN; transpose back with .T.)"))
        mistakes = [(sigmoid(W @ A.T + b[:, None]), "W @ A.T puts one example in each COLUMN; "
                                                   "transpose back: (W @ A.T).T, or A @ W.T."),
                     (sigmoid(A @ W + b) if W.shape[0] == W.shape[1] else np.nan,
                      "A @ W multiplies by the wrong side of W; use A @ W.T (row i of the result "
                      "is W @ A[i])."),
                     (sigmoid(A @ W.T), "you left out the bias b: Z = A @ W.T + b."),
                     (A @ W.T + b, "that is Z, the weighted inputs; the output is sigmoid(Z)."),
                     (sigmoid(A @ W.T) + b, "add the bias before the activation.")]
        problem = _judge(result, sigmoid(A @ W.T + b), "forward_batch", args, mistakes,
                         _BATCH_HINT + " If you computed W @ A.T, transpose back with .T.")
        if problem:
            return (problem)
    A, W, b = _BATCH_CASES[0]
    out = sigmoid(A @ W.T + b)
    return Verdict(CORRECT, f"forward_batch matches on {len(_BATCH_CASES)} batches: A of shape {A.shape} "
                            f"gives {out.shape}, its row (1, 0, 1) gives ({out[1, 0]:.6f}, {out[1, 1]:.6f}).")


# ---------------------------------------------------------------- 04.1 one hidden value by hand

_W1 = np.array([[0.9, 0.8, 0.1], [0.3, 0.5, 0.6], [0.2, 0.4, 0.7]])   # the 3-3-1 network's W^(1)
_X = np.array([1.0, 1.0, 0.0])


@checker
def check_hidden_2(hidden_2):
    """Exercise 04.1: a^(1)_2 of the 3-3-1 network for the input (1, 1, 0)."""
    problem = unsolved_value(hidden_2, "hidden_2")
    if problem:
        return problem
    expected = float(sigmoid(_W1[1] @ _X))                            # sigmoid(0.8) = 0.689974
    if isinstance(hidden_2, (str, bytes, bool, np.bool_)) or not isinstance(
            hidden_2, (int, float, np.number, np.ndarray, list, tuple)):
        return Verdict(WRONG, f"hidden_2 is {fmt(hidden_2)}; expected one number, about 0.69.")
    try:
        got = np.asarray(hidden_2, dtype=float)
    except (TypeError, ValueError):
        return Verdict(WRONG, f"hidden_2 is {fmt(hidden_2)}; expected one number, about 0.69.")
    if got.shape == (3,) and np.allclose(got, sigmoid(_W1 @ _X), atol=5e-5):
        return Verdict(WRONG, "hidden_2 holds all three hidden values; expected only node 2's. Hint: "
                              "Python counts from 0, so node 2 is index 1.")
    if np.size(hidden_2) != 1:
        return Verdict(WRONG, f"hidden_2 has shape {np.shape(hidden_2)}; expected one number.")
    value = float(got.ravel()[0])
    if not np.isfinite(value):
        return Verdict(WRONG, f"hidden_2 is {fmt(value)}; expected a finite number, about 0.69.")
    if abs(value - expected) < 5e-5:
        return Verdict(CORRECT, f"a^(1)_2 = {expected:.6f}, hidden node 2's activation for the input "
                                f"(1, 1, 0).")
    hints = [(_W1[1] @ _X, "that is z^(1)_2 = 0.8, the weighted input; apply the sigmoid to it."),
             (sigmoid(_W1[:, 1] @ _X), "you used column 2 of W^(1) (the weights OUT of input y). "
                                        "Node 2's weights are row 2, (0.3, 0.5, 0.6): to j from k."),
             (sigmoid(_W1[0] @ _X), "that is node 1 (row 1 of W^(1)); node 2's weights are (0.3, 0.5, 0.6)."),
             (sigmoid(_W1[2] @ _X), "that is node 3: W1[2] is the third row, because Python counts "
                                     "from 0. Node 2 is W1[1]."),
             (sigmoid(_W1[1] @ _X[::-1]), "the input is (x, y, z) = (1, 1, 0): z = 0.")]
    for wrong, hint in hints:
        if abs(value - wrong) < 5e-5:
            return Verdict(WRONG, f"hidden_2 is {value:.6f}, not hidden node 2's activation. Hint: {hint}")
    return Verdict(WRONG, f"hidden_2 is {value:.6f}, not hidden node 2's activation. Hint: weigh the input "
                          "(1, 1, 0) with node 2's row of W^(1) and add up (no bias), then apply the sigmoid.")
