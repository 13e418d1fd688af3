"""Numerical gradients by central differences, and a gradient check for MLP.

Central difference: df/dx_i ~ (f(x + eps e_i) - f(x - eps e_i)) / (2 eps), with an
error of order eps^2 (a one-sided difference is only of order eps).
"""
from dataclasses import dataclass

import numpy as np

from . import _checks as val
from .network import MLP

_network = val.instance_of(MLP, "a network (an MLP)")


@val.checked(f=val.function_of("a function of one array"), x=val.as_float_array, eps=val.positive_real)
def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of a scalar function f at x.

    f : callable taking an ndarray shaped like x and returning a number.
    x : ndarray, any shape (not modified: the checks made a copy).  Returns an ndarray shaped like x.
    """
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)      # views into x and grad
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        f_plus = float(f(x))
        flat[i] = old - eps
        f_minus = float(f(x))
        flat[i] = old
        gflat[i] = (f_plus - f_minus) / (2 * eps)
    return grad


@val.checked(net=_network)
def numerical_gradients(net, X, Y, eps=1e-6):
    """Central-difference gradients of ``net.loss(X, Y)`` for every weight and bias.

    Returns lists (dW, db) shaped like ``net.weights`` and ``net.biases``. ``net`` is left
    unchanged. Costs two forward passes per parameter: fine for checking, slow for training.
    """
    probe = net.copy()

    def grad_of(params, l):
        def f(p):
            params[l] = p
            return probe.loss(X, Y)
        original = params[l]
        g = numerical_gradient(f, original, eps)
        params[l] = original
        return g

    dW = [grad_of(probe.weights, l) for l in range(len(probe.weights))]
    db = [grad_of(probe.biases, l) if net.bias else np.zeros_like(b)
          for l, b in enumerate(probe.biases)]
    return dW, db


@val.checked(a=val.numeric_array, b=val.numeric_array, floor=val.positive_real)
def relative_error(a, b, floor=1e-12):
    """Elementwise |a - b| / max(|a| + |b|, floor): 0 when equal, near 1 when unrelated (shape of a and b)."""
    if a.shape != b.shape and a.ndim and b.ndim:
        raise ValueError(f"a and b must have the same shape; got {a.shape} and {b.shape}")
    return np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), floor)


@dataclass(frozen=True)
class GradCheck:
    """Result of gradient_check: the worst relative error, where it is, and a verdict."""

    max_relative_error: float
    where: str
    tolerance: float

    @property
    def passed(self):
        return self.max_relative_error <= self.tolerance

    def __str__(self):
        verdict = "PASS" if self.passed else "FAIL"
        return (f"gradient check {verdict}: worst relative error {self.max_relative_error:.2e} "
                f"at {self.where} (tolerance {self.tolerance:.0e})")


@val.checked(net=_network, tolerance=val.positive_real)
def gradient_check(net, X, Y, eps=1e-6, tolerance=1e-6):
    """Compare ``net.gradients`` (backprop) with ``numerical_gradients``; return a GradCheck.

    Each weight matrix and bias vector is compared as a whole:
    ||exact - approx|| / (||exact|| + ||approx||), 0 when both are zero. (Entry by entry,
    a gradient that is exactly 0 in one and 1e-11 of rounding noise in the other would have
    a relative error of 1 although the two agree.) ``where`` names the worst array and its
    entry with the largest difference. The rule: a worst relative error of at most ``tolerance``
    (1e-6 by default) means the two agree (PASS). With eps = 1e-6 a correct backprop usually
    lands below 1e-7, where the digits are rounding noise (the noise of a loss, ~1e-16 of its
    size, divided by 2 eps, is ~1e-11 in every numerical gradient, more in relative terms for
    small gradients); above 1e-3 almost always means a bug.
    """
    dW, db = net.gradients(X, Y)
    nW, nb = numerical_gradients(net, X, Y, eps)
    worst, where = 0.0, "nowhere (no parameters)"
    for kind, exact, approx in (("W", dW, nW), ("b", db, nb)):
        for l, (e, a) in enumerate(zip(exact, approx), start=1):
            if e.size == 0:
                continue
            err = float(np.linalg.norm(e - a) / max(np.linalg.norm(e) + np.linalg.norm(a), 1e-12))
            i = np.unravel_index(np.argmax(np.abs(e - a)), e.shape)
            if err > worst or where.startswith("nowhere"):
                worst, where = err, f"{kind}^({l}){list(map(int, i))}"
    return GradCheck(worst, where, tolerance)
