"""Slopes (notebooks 03 and 06): an activation f beside its derivative f', the regions where f
saturates (its slope is about 0, so gradients through the neuron almost vanish), and the secant
whose slope estimates f'(x) from two values of f (a finite difference).
"""
import numpy as np

from .. import _checks as val
from ..activations import get_activation, sigmoid, sigmoid_prime

SLOPE_FUNCTIONS = {                                     # menu label -> (f, f'), functions of an ndarray
    "x²": (lambda x: x ** 2, lambda x: 2 * x),
    "sin x": (np.sin, np.cos),
    "σ(x)": (sigmoid, sigmoid_prime),
}
SATURATED = 0.05        # f saturates where |f'(z)| < 5% of the largest |f'|


def activation_curves(name, z):
    """f(z) and its slope f'(z) for the activation ``name``, arrays shaped like z.

    softmax has two or more inputs; its curve here is the two-class slice: the first output of
    softmax(z, 0) (which equals sigmoid(z)), and f' is that output's derivative with respect to z.
    """
    act = get_activation(name)
    z = val.numeric_array(z, "z")
    if act.elementwise:
        return act.f(z), act.prime(z)
    pairs = np.stack([z, np.zeros_like(z)], axis=-1)      # (..., 2): the inputs (z, 0)
    return act.f(pairs)[..., 0], act.prime(pairs)[..., 0, 0]


def saturated_intervals(z, slope):
    """The intervals [z_start, z_end] of sorted z (m,) where |slope| < 5% of max |slope| (``SATURATED``).

    slope : (m,), e.g. f'(z) from ``activation_curves``.  Returns a list of (z_start, z_end) pairs;
    empty when the slope is 0 everywhere (a step: flat, but nothing to compare with).
    """
    z, slope = val.as_float_array(z, "z"), val.as_float_array(slope, "slope")
    if z.ndim != 1 or slope.shape != z.shape:
        raise ValueError(f"z and slope must be 1-D arrays of the same length; got shapes {z.shape} and {slope.shape}")
    if z.size == 0 or np.abs(slope).max() == 0:
        return []
    flat = np.abs(slope) < SATURATED * np.abs(slope).max()
    edges = np.flatnonzero(np.diff(np.r_[0, flat.astype(int), 0]))       # where runs of True start, end
    return [(z[i], z[j - 1]) for i, j in zip(edges[::2], edges[1::2])]


def secant(f, x, h, method="forward"):
    """The secant that estimates f'(x): its two ends lo, hi and its slope (f(hi) - f(lo)) / (hi - lo).

    method : "forward" takes lo = x, hi = x + h (slope (f(x+h) - f(x)) / h); "central" takes
    lo = x - h, hi = x + h (slope (f(x+h) - f(x-h)) / 2h, an error h² smaller for small h).
    f : a function of an ndarray (or a number).  Returns (lo, hi, slope).
    """
    f = val.function(f, "f", "a function of an ndarray (e.g. np.sin)")
    x, h = val.real_number(x, "x"), val.real_number(h, "h", positive=True)
    val.choice(method, ("forward", "central"), "method")
    lo, hi = (x - h if method == "central" else x), x + h
    return lo, hi, (f(hi) - f(lo)) / (hi - lo)


__all__ = ["SLOPE_FUNCTIONS", "activation_curves", "saturated_intervals", "secant"]
