"""One neuron a = f(w1 x1 + w2 x2 + b) on 2-D points (notebooks 01 and 02).

The neuron is a 2-1 ``MLP``; it puts class 1 where z = w1 x1 + w2 x2 + b >= 0, on one side of
its decision line z = 0.  ``best_line`` finds the line that gets the most points right (the
most one neuron can do: 3 of XOR's 4 corners); ``decision_grid`` evaluates any model over a
rectangle, the numbers behind every shaded decision-boundary picture.
"""
import numpy as np

from .. import _checks as val
from .. import datasets
from ..activations import get_activation
from ..network import MLP

# name -> menu label: the data sets one neuron is tried on (notebook 02)
NEURON_DATASETS = {"and": "AND", "or": "OR", "xor": "XOR", "moons": "moons"}
_GATES = {"and": lambda a, b: a and b, "or": lambda a, b: a or b, "xor": lambda a, b: a != b}


def neuron(w1, w2, b, activation="sigmoid"):
    """The single neuron a = f(w1 x1 + w2 x2 + b) as a 2-1 MLP (no hidden layer)."""
    w1, w2, b = val.neuron_weights(w1, w2, b)
    return MLP([2, 1], output_activation=activation,
               weights=[np.array([[w1, w2]], dtype=float)], biases=[np.array([b], dtype=float)])


def neuron_formula(w1, w2, b, activation="sigmoid"):
    """The neuron as text with its numbers, e.g. "a = sigmoid(1.0·x1 + 1.0·x2 − 1.5)"."""
    w1, w2, b = val.neuron_weights(w1, w2, b)
    name = get_activation(activation).name

    def num(v):
        return f"{abs(v):.1f}" if np.isclose(v, round(v, 1)) else f"{abs(v):.2f}"
    minus = "\N{MINUS SIGN}"
    w1_text = ("" if w1 >= 0 else minus) + num(w1)
    return (f"a = {name}({w1_text}·x1 {'+' if w2 >= 0 else minus} {num(w2)}·x2 "
            f"{'+' if b >= 0 else minus} {num(b)})")


def neuron_accuracy(w1, w2, b, X, y):
    """Fraction of points the neuron classifies right: class 1 where z = w1 x1 + w2 x2 + b >= 0.

    (That is output a >= 0.5 for step and sigmoid, a >= 0 for tanh: every activation here
    puts its threshold at z = 0, the decision line.)  X : (n, 2), y : (n,) 0/1 labels.
    """
    w1, w2, b = val.neuron_weights(w1, w2, b)
    X, y = val.labelled_points(X, y, binary=True)
    z = X @ np.array([w1, w2], dtype=float) + b                           # (n,)
    return float(np.mean((z >= 0).astype(int) == y))


def decision_line(w1, w2, b, xlim, ylim):
    """Two points of the line w1 x1 + w2 x2 + b = 0 spanning the box xlim x ylim.

    Solved for x2 when the line is flatter than a diagonal (|w2| >= |w1|), else for x1.
    Returns (x1, x2), two ndarrays (2,); both empty when w1 = w2 = 0 (no line).
    """
    w1, w2, b = val.neuron_weights(w1, w2, b)
    xlim, ylim = val.pair(xlim, "xlim"), val.pair(ylim, "ylim")
    if abs(w2) >= abs(w1) and w2 != 0:
        x1 = np.array(xlim, dtype=float)
        return x1, -(w1 * x1 + b) / w2
    if w1 != 0:
        x2 = np.array(ylim, dtype=float)
        return -(w2 * x2 + b) / w1, x2
    return np.array([]), np.array([])


def best_line(X, y, directions=1800):
    """The straight line that gets the most points right, by brute force: (w1, w2, b, accuracy).

    For each of ``directions`` directions u = (cos t, sin t), t evenly spaced in [0, pi), sort the
    points by u . x and try a cut between every two neighbours with distinct u . x (and before
    the first, after the last), class 1 on either side.  The best cut's line w1 x1 + w2 x2 + b = 0
    passes midway between its neighbours; accuracy is ``neuron_accuracy(w1, w2, b, X, y)``.
    X : (n, 2), y : (n,) 0/1 labels.  directions : int >= 1.
    """
    X, y = val.labelled_points(X, y, binary=True)
    directions = val.positive_int(directions, "directions")
    best, line = -1, None
    for angle in np.linspace(0.0, np.pi, directions, endpoint=False):
        u = np.array([np.cos(angle), np.sin(angle)])
        projection = X @ u                                                # (n,): u . x per point
        order = np.argsort(projection, kind="stable")
        p, ys = projection[order], y[order]                               # sorted along u
        # high[i]: points right when the cut falls before sorted point i and class 1 is after it
        high = np.r_[0, np.cumsum(ys == 0)] + np.r_[np.cumsum(ys[::-1] == 1)[::-1], 0]   # (n + 1,)
        valid = np.r_[True, p[1:] > p[:-1], True]                         # no cut between equal values
        right = np.where(valid, np.maximum(high, len(y) - high), -1)      # class 1 after, or before
        i = int(np.argmax(right))
        if right[i] > best:
            cut = (p[0] - 1.0 if i == 0 else p[-1] + 1.0 if i == len(p) else (p[i - 1] + p[i]) / 2)
            sign = 1.0 if high[i] >= len(y) - high[i] else -1.0
            best, line = right[i], (sign * u[0], sign * u[1], -sign * cut)
    w1, w2, b = (float(v) for v in line)
    return w1, w2, b, neuron_accuracy(w1, w2, b, X, y)


def decision_grid(model, xlim, ylim, resolution=100):
    """The model's output on a resolution x resolution grid over the rectangle xlim x ylim.

    model : anything with ``forward(X)`` mapping (n, 2) to (n, k).
    Returns xx, yy (resolution, resolution) and out (resolution, resolution, k).
    """
    model = val.model(model)
    xlim, ylim = val.pair(xlim, "xlim"), val.pair(ylim, "ylim")
    resolution = val.resolution(resolution)
    xx, yy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    out = model.forward(np.c_[xx.ravel(), yy.ravel()])                   # (resolution², k)
    return xx, yy, out.reshape(resolution, resolution, -1)


def neuron_data(name):
    """A data set for one neuron: "and", "or", "xor" (the 4 corners of the unit square with their
    truth table) or "moons" (200 seeded points).  Returns X (n, 2) and 0/1 labels y (n,)."""
    name = val.key(name, NEURON_DATASETS, "dataset")
    if name == "moons":
        return datasets.make_moons(n_samples=200, noise=0.15, seed=0)
    return datasets.truth_table(_GATES[name], n_inputs=2)


__all__ = ["NEURON_DATASETS", "best_line", "decision_grid", "decision_line", "neuron", "neuron_accuracy",
           "neuron_data", "neuron_formula"]
