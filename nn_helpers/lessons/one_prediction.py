"""The losses of one prediction (notebook 05): for a target t (0 or 1) and a predicted probability o,
the squared error 1/2 (t - o)², the absolute error |t - o| and the cross-entropy
-[t log o + (1 - t) log(1 - o)], each with its slope dL/do.

Cross-entropy's slope (o - t) / (o (1 - o)) grows without bound as o nears the wrong end: a
confident mistake is pushed hardest.  ``losses_at`` takes its numbers from ``nn_helpers.losses``;
``loss_curves`` writes the same formulas out, for a whole array of predictions at once.
"""
import numpy as np

from .. import _checks as val
from .. import losses

def loss_curves(t, o):
    """Each loss of one prediction and its slope dL/do, for the target t (0 or 1) and every
    prediction in o (ndarray (m,), values in (0, 1)).  Returns a dict name -> (L, dL/do), two
    ndarrays (m,); the same numbers as ``losses.squared_error``,
    ``losses.mae`` and ``losses.binary_cross_entropy`` (and their ``_grad``) give for one sample
    with one output."""
    t = val.target(t)
    o = np.clip(val.as_float_array(o, "o"), 1e-15, 1 - 1e-15)
    return {"squared error": (0.5 * (t - o) ** 2, o - t),
            "absolute error": (np.abs(t - o), np.sign(o - t)),
            "cross-entropy": (-(t * np.log(o) + (1 - t) * np.log(1 - o)), (o - t) / (o * (1 - o)))}


def losses_at(t, o):
    """Each loss of one prediction o for the target t, and its slope dL/do, from ``nn_helpers.losses``
    (squared_error, mae, binary_cross_entropy and their gradients, for one sample with one output).
    Returns a dict name -> (loss, slope), two floats."""
    y, y_hat = np.array([val.target(t)]), np.array([val.real_number(o, "o")])
    pairs = {"squared error": (losses.squared_error, losses.squared_error_grad),
             "absolute error": (losses.mae, losses.mae_grad),
             "cross-entropy": (losses.binary_cross_entropy, losses.binary_cross_entropy_grad)}
    return {name: (value(y, y_hat), float(grad(y, y_hat)[0])) for name, (value, grad) in pairs.items()}


__all__ = ["loss_curves", "losses_at"]
