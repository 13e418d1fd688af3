"""Loss (cost) functions L(y, y_hat) and their gradients dL/dy_hat, with a registry by name.

Argument order is (target, output), as in the formula 1/2 (t - o)^2.
y, y_hat : ndarray (K,) for one sample or (n, K) for a batch (one sample a row).
Each loss returns the MEAN over samples of a per-sample loss (a float); each gradient
is the gradient of that mean, so it has the shape of y_hat and carries the 1/n.

| name                 | per-sample loss                                      |
| squared_error        | sum_k 1/2 (t_k - o_k)^2   (the tutorials' E_total)   |
| mse                  | (1/K) sum_k (t_k - o_k)^2                            |
| mae                  | (1/K) sum_k |t_k - o_k|                              |
| binary_cross_entropy | (1/K) sum_k -[t_k log o_k + (1 - t_k) log(1 - o_k)]  |
| cross_entropy        | -sum_k t_k log o_k   (t one-hot, o from softmax)     |

The log losses clip o to [EPS, 1 - EPS] so that o = 0 or 1 gives a large finite loss,
not inf and a warning. (MLP computes them from the logits instead, which is exact.)
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ._checks import lookup

EPS = 1e-15


def _numeric(x, name):
    """x as a float array; TypeError for strings, None or other non-numbers (NaN passes: a
    diverging network's output must still give a loss, so that fit can report it)."""
    arr = np.asarray(x)
    if arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold numbers; got an array of dtype {arr.dtype}")
    return arr.astype(float)


def _pair(y, y_hat):
    """Both as float arrays of one shape, plus n (samples) and K (outputs)."""
    y, y_hat = _numeric(y, "y (the target)"), _numeric(y_hat, "y_hat (the output)")
    if y.shape != y_hat.shape:
        raise ValueError(f"target and output must have the same shape; got y {y.shape} "
                         f"and y_hat {y_hat.shape}")
    if y.ndim not in (1, 2):
        raise ValueError(f"expected arrays of shape (K,) or (n, K); got ndim {y.ndim}")
    n = 1 if y.ndim == 1 else y.shape[0]
    return y, y_hat, n, y.shape[-1]


def squared_error(y, y_hat):
    """Mean over samples of sum_k 1/2 (t_k - o_k)^2."""
    y, y_hat, n, _ = _pair(y, y_hat)
    return float(0.5 * np.sum((y - y_hat) ** 2) / n)


def squared_error_grad(y, y_hat):
    """dL/do_k = (o_k - t_k) / n: the 1/2 cancels the 2 of the square."""
    y, y_hat, n, _ = _pair(y, y_hat)
    return (y_hat - y) / n


def mse(y, y_hat):
    """Mean over samples of (1/K) sum_k (t_k - o_k)^2."""
    y, y_hat, n, K = _pair(y, y_hat)
    return float(np.sum((y - y_hat) ** 2) / (n * K))


def mse_grad(y, y_hat):
    """dL/do_k = 2 (o_k - t_k) / (n K)."""
    y, y_hat, n, K = _pair(y, y_hat)
    return 2.0 * (y_hat - y) / (n * K)


def mae(y, y_hat):
    """Mean over samples of (1/K) sum_k |t_k - o_k|."""
    y, y_hat, n, K = _pair(y, y_hat)
    return float(np.sum(np.abs(y - y_hat)) / (n * K))


def mae_grad(y, y_hat):
    """dL/do_k = sign(o_k - t_k) / (n K): the same size however close we are (the V-shaped valley)."""
    y, y_hat, n, K = _pair(y, y_hat)
    return np.sign(y_hat - y) / (n * K)


def binary_cross_entropy(y, y_hat):
    """Mean over samples of (1/K) sum_k -[t_k log o_k + (1 - t_k) log(1 - o_k)]."""
    y, y_hat, n, K = _pair(y, y_hat)
    o = np.clip(y_hat, EPS, 1.0 - EPS)
    return float(-np.sum(y * np.log(o) + (1.0 - y) * np.log(1.0 - o)) / (n * K))


def binary_cross_entropy_grad(y, y_hat):
    """dL/do_k = (o_k - t_k) / (o_k (1 - o_k)) / (n K)."""
    y, y_hat, n, K = _pair(y, y_hat)
    o = np.clip(y_hat, EPS, 1.0 - EPS)
    return (o - y) / (o * (1.0 - o)) / (n * K)


def cross_entropy(y, y_hat):
    """Mean over samples of -sum_k t_k log o_k (t one-hot, o a probability row)."""
    y, y_hat, n, _ = _pair(y, y_hat)
    return float(-np.sum(y * np.log(np.clip(y_hat, EPS, 1.0))) / n)


def cross_entropy_grad(y, y_hat):
    """dL/do_k = -t_k / o_k / n."""
    y, y_hat, n, _ = _pair(y, y_hat)
    return -y / np.clip(y_hat, EPS, 1.0) / n


@dataclass(frozen=True)
class Loss:
    """A loss in the registry: its value and its gradient with respect to the output."""

    name: str
    value: Callable
    grad: Callable


LOSSES = {
    "squared_error": Loss("squared_error", squared_error, squared_error_grad),
    "mse": Loss("mse", mse, mse_grad),
    "mae": Loss("mae", mae, mae_grad),
    "binary_cross_entropy": Loss("binary_cross_entropy", binary_cross_entropy,
                                 binary_cross_entropy_grad),
    "cross_entropy": Loss("cross_entropy", cross_entropy, cross_entropy_grad),
}


def get_loss(name):
    """Look up a loss by name; raise ValueError naming the valid choices."""
    return lookup(LOSSES, name, "loss", Loss)
