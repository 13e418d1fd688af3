"""Checkers for 09_capstone_handwritten_digits."""

import numpy as np

from ...network import MLP
from ._core import CORRECT, WRONG, Verdict, args_text, call, checker, close_to, fmt


def _compare(result, expected, name, args, hints):
    """None when result matches expected, else a WRONG Verdict (expected vs got) with the hint of
    the first typical mistake in ``hints`` (a list of (wrong array, hint)) that result equals."""
    if np.ndim(result) == 0 and np.ndim(expected) > 0:
        return Verdict(WRONG, f"{name}{args_text(args)} returned one value, {fmt(result)}; expected an "
                              f"array of shape {np.shape(expected)}: {fmt(np.asarray(expected))}.")
    problem = close_to(result, expected, name, args)
    if problem is None:
        return None
    try:
        got = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return problem
    for wrong, hint in hints:
        if got.shape == np.shape(wrong) and np.allclose(got, wrong, rtol=0, atol=1e-6):
            return Verdict(WRONG, f"{problem.message} Hint: {hint}")
    return problem


# ---------------------------------------------------------------- 09.1 one_hot

_ONE_HOT_CASES = [
    (np.array([2, 0, 2, 1]), 3),
    (np.array([3, 3, 0]), 10),              # a batch that misses some classes
    (np.array([1.0, 0.0, 4.0, 1.0]), 5),    # labels stored as floats, as in many data files
]


@checker
def check_one_hot(one_hot):
    """Exercise 09.1: one_hot(y, n_classes) -> (n, n_classes), row i has a 1 in column y[i]."""
    name = getattr(one_hot, "__name__", "one_hot")
    for y, k in _ONE_HOT_CASES:
        args = (y.copy(), k)
        result, problem = call(one_hot, args)
        if problem:
            if " raised " in problem.message and y.dtype.kind == "f" and "ndex" in problem.message:
                return Verdict(WRONG, f"{problem.message}. Hint: the labels here are floats (1.0, 0.0, "
                                      f"...); an index must be an int: use y.astype(int).")
            return problem
        n = len(y)
        expected = np.eye(k)[y.astype(int)]
        hints = [(expected.T, f"one ROW per label: the result has shape (n, n_classes) = ({n}, {k}), "
                              f"not (n_classes, n)."),
                 (np.eye(k)[(y.astype(int) - 1) % k], "off by one: label c puts its 1 in column c "
                                                      "(counting from 0), so label 0 -> column 0."),
                 (np.eye(k + 1)[y.astype(int)], f"use n_classes = {k} columns, not n_classes + 1."),
                 (np.eye(int(y.max()) + 1)[y.astype(int)],
                  f"use n_classes columns ({k}), not y.max() + 1: a batch may not contain every class.")]
        problem = _compare(result, expected, name, args, hints)
        if problem:
            return problem
    y, k = _ONE_HOT_CASES[0]
    return Verdict(CORRECT, f"one_hot matches on {len(_ONE_HOT_CASES)} cases, float labels included "
                            f"(the labels {y.tolist()} with {k} classes give shape {np.eye(k)[y].shape}).")


# ---------------------------------------------------------------- 09.2 per-class accuracy

_CM_CASES = [
    np.array([[8, 1, 1],
              [0, 5, 5],
              [2, 0, 18]]),
    np.array([[30, 0, 2, 0],
              [1, 25, 0, 4],
              [0, 3, 17, 0],
              [6, 0, 0, 14]]),
]


@checker
def check_per_class_accuracy(per_class_accuracy):
    """Exercise 09.2: from a confusion matrix (rows true, columns predicted), the fraction of each
    true class predicted right: diag / row sums."""
    name = getattr(per_class_accuracy, "__name__", "per_class_accuracy")
    for cm in _CM_CASES:
        args = (cm.copy(),)
        result, problem = call(per_class_accuracy, args)
        if problem:
            return problem
        d = np.diag(cm).astype(float)
        expected = d / cm.sum(axis=1)
        if np.ndim(result) == 0:
            hint = (" Hint: that is the overall accuracy (trace / total); the exercise asks for one "
                    "number per class." if np.isclose(float(result), d.sum() / cm.sum()) else "")
            return Verdict(WRONG, f"{name}{args_text(args)} returned one number, {fmt(result)}; expected "
                                  f"one per class, {fmt(expected)}.{hint}")
        hints = [(d / cm.sum(axis=0), "rows are the TRUE digits: divide the diagonal by the row sums "
                                      "(cm.sum(axis=1)), not the column sums."),
                 (d / cm.sum(), "divide each class by its own total (its row sum), not by the total of "
                                "the whole matrix."),
                 (cm.sum(axis=1) / d, "upside down: right / total, i.e. diagonal / row sum."),
                 (d, "those are counts; divide by each row's total to get fractions."),
                 (1 - expected, "that is the error rate per class; the exercise asks for the fraction right.")]
        problem = _compare(result, expected, name, args, hints)
        if problem:
            return problem
    first = np.diag(_CM_CASES[0]) / _CM_CASES[0].sum(axis=1)
    return Verdict(CORRECT, f"per_class_accuracy matches on {len(_CM_CASES)} confusion matrices "
                            f"(the first gives {', '.join(f'{v:g}' for v in first)}).")


# ---------------------------------------------------------------- 09.3 predict, the right way

def _predict_cases():
    """Small trained-looking networks (weights scaled up so activations matter) and inputs."""
    cases = []
    for sizes, act, seed in (([4, 5, 3], "tanh", 1), ([3, 6, 5, 4], "relu", 5)):
        net = MLP(sizes, activation=act, loss="cross_entropy", seed=seed)
        rng = np.random.default_rng(seed + 10)
        net.weights = [3 * W for W in net.weights]
        net.biases = [rng.normal(0, 1, b.shape) for b in net.biases]
        X = rng.normal(0, 1.5, size=(8, sizes[0]))
        cases.append((net, X))
    return cases


def _linear_labels(net, X):
    a = X
    for W, b in zip(net.weights, net.biases):
        a = a @ W.T + b
    return np.argmax(a, axis=1)


@checker
def check_predict(predict):
    """Exercise 09.3: predict(net, X) -> labels (n,): forward through every layer with its
    activation, then the argmax of each row."""
    name = getattr(predict, "__name__", "predict")
    seen = []                                   # "4-5-3 tanh", ...: the networks checked
    for net, X in _predict_cases():
        seen.append(f"{'-'.join(map(str, net.sizes))} {net.hidden.name}")
        label = f"a {seen[-1]} network on X of shape {X.shape}"
        result, problem = call(predict, (net.copy(), X.copy()))
        if problem:
            if " raised " in problem.message:
                return Verdict(WRONG, f"{name} on {label} raised {problem.message.split(' raised ', 1)[1]}. "
                                      f"Hint: a batch goes through each layer as A @ W.T + b, starting "
                                      f"from the input X and the first layer's W.")
            return Verdict(problem.status, problem.message)
        expected = net.predict(X)
        probs = net.forward(X)
        first = net.hidden.f(X @ net.weights[0].T + net.biases[0])
        hints = [(np.argmax(probs, axis=0), "take the argmax of each ROW (axis=1): one label per example."),
                 (probs, "return labels, not probabilities: np.argmax(..., axis=1)."),
                 (np.argmax(first, axis=1), "you stopped after the first layer; go through every layer."),
                 (_linear_labels(net, X), "apply each layer's activation (net.hidden.f for the hidden "
                                          "layers); without them the network collapses to one linear map."),
                 (np.argmax(np.tanh(X @ net.weights[0].T + net.biases[0]) @ net.weights[1].T
                            + net.biases[1], axis=1) if len(net.weights) == 2 else np.zeros(0),
                  "use this network's own activation, net.hidden.f, not a fixed one.")]
        if net.hidden.name == "relu":
            a = X
            for W, b in zip(net.weights[:-1], net.biases[:-1]):
                a = np.tanh(a @ W.T + b)
            hints.append((np.argmax(a @ net.weights[-1].T + net.biases[-1], axis=1),
                          "this network's hidden layers use relu: apply net.hidden.f, not np.tanh."))
        problem = _compare(result, expected, f"{name} on {label}:", (), hints)
        if problem:
            return Verdict(WRONG, problem.message.replace(":()", ""))
    return Verdict(CORRECT, f"predict gives the same labels as net.predict on {len(seen)} networks "
                            f"({' and '.join(seen)}, {len(X)} examples each).")


__all__ = ["check_one_hot", "check_per_class_accuracy", "check_predict"]
