"""Gradient descent on small surfaces you can draw (notebooks 05, 08 and 10).

``descent_path`` is plain gradient descent w <- w - eta grad(w) (``optimizers.SGD``, run by
``optimizers.optimize_path``).  Notebook 08 runs it on two teaching surfaces
(``DESCENT_SURFACES``) and names what it did: it converges, oscillates or diverges
(``classify_descent``, ``descent_run``).  Notebook 10 races SGD, momentum and Adam on an
elongated valley and on Rosenbrock's banana (``OPTIMIZER_SURFACES``, ``race_paths``, ``race_losses``).
A point is a row: w has shape (d,), a path (steps + 1, d).
"""
import warnings

import numpy as np

from .. import _checks as val
from ..optimizers import SGD, Adam, Momentum, optimize_path


def descent_path(grad, start, lr, steps):
    """Plain gradient descent w <- w - lr grad(w) from ``start``; every point visited.

    grad : function of w (d,) returning the gradient (d,).  start : (d,).  lr : the step size
    (eta).  Returns an ndarray (steps + 1, d): row 0 is start, row t the point after t steps.
    If the points overflow (a too large lr), a RuntimeWarning says so and the rest are NaN.
    (The same as ``optimize_path(SGD(lr), grad, start, steps)``.)
    """
    grad = val.function(grad, "grad", "a function of w returning the gradient, e.g. lambda w: 2 * w")
    w = val.as_float_array(start, "start")
    if w.ndim != 1:
        raise ValueError(f"start must be one point, shape (d,); got shape {w.shape}")
    lr = val.real_number(lr, "lr", positive=True)
    steps = val.positive_int(steps, "steps", minimum=0)
    return optimize_path(SGD(lr), grad, w, steps)


# ---------------------------------------------------------------- learning rates (notebook 08)

# name -> the surface's formula, loss E(w) (w : (..., d), elementwise over leading axes), its
# gradient, its smallest value, where descent starts, and the box the pictures show.
DESCENT_SURFACES = {
    "1d": {"formula": "E(w) = (w − 3)² + 1",
            "loss": lambda w: (w[..., 0] - 3.0) ** 2 + 1.0,
            "grad": lambda w: 2.0 * (w - 3.0),
            "minimum": 1.0, "start": (-1.0,), "xlim": (-3.0, 9.0), "ylim": (0.0, 40.0)},
    "2d": {"formula": "E(w) = w₁² + 10 w₂²",
            "loss": lambda w: w[..., 0] ** 2 + 10.0 * w[..., 1] ** 2,
            "grad": lambda w: np.array([2.0, 20.0]) * w,
            "minimum": 0.0, "start": (-9.0, 1.5), "xlim": (-10.0, 10.0), "ylim": (-3.0, 3.0)},
}
DESCENT_REGIMES = ("converges", "oscillates", "diverges")


def classify_descent(path, gaps):
    """Name what a descent did: "converges", "oscillates" or "diverges", and say it in a sentence.

    path : (k, d) points (rows may be NaN after an overflow); gaps : (k,) E(w_t) - E_min >= 0.
    Diverges: the gap grew (or overflowed). Oscillates: some coordinate's steps flip sign more
    often than not (it jumps across the valley). Otherwise converges. Returns (regime, detail).
    """
    path, gaps = val.numeric_array(path, "path"), val.numeric_array(gaps, "gaps")
    if path.ndim == 1:                                         # one weight: a column
        path = path[:, None]
    if path.ndim != 2 or len(path) == 0:
        raise ValueError(f"path must be the points of a descent, shape (k, d), one a row; got shape {path.shape}")
    if gaps.shape != (len(path),):
        raise ValueError(f"gaps must be one number per point of path, shape ({len(path)},); got shape {gaps.shape}")
    steps = len(gaps) - 1
    if not np.all(np.isfinite(gaps)) or gaps[-1] > gaps[0] * (1 + 1e-9):
        return "diverges", "the loss grows at every step: the learning rate is too large"
    left = gaps[-1] / gaps[0] if gaps[0] > 0 else 0.0
    moves = np.diff(path, axis=0)                              # (steps, d)
    signs = np.sign(np.where(np.abs(moves) > 1e-12, moves, 0.0))
    flips = (signs[1:] * signs[:-1] < 0).sum(axis=0)           # per coordinate
    moving = (signs[1:] * signs[:-1] != 0).sum(axis=0)
    fell = f"the loss gap fell from {gaps[0]:.3g} to {gaps[-1]:.3g} in {steps} steps"
    if np.any((moving > 0) & (flips > moving / 2)):
        if left >= 1 - 1e-9:
            return "oscillates", "it jumps from side to side forever, never closer to the minimum"
        return "oscillates", f"it jumps back and forth across the valley; {fell}"
    if left > 0.01:
        return "converges", f"slowly: {fell}"
    return "converges", fell


def descent_run(surface, lr, steps):
    """Gradient descent on one of ``DESCENT_SURFACES`` (by name), from its start.

    Returns a dict: ``path`` (steps + 1, d) from ``descent_path``, ``loss`` (steps + 1,) E at
    each point, ``gap`` (steps + 1,) E - E_min, ``regime`` and ``detail`` (``classify_descent``),
    and ``surface``, ``lr``, ``steps``. Overflow gives NaN rows, without a warning.
    """
    surface = val.key(surface, DESCENT_SURFACES, "surface")
    s = DESCENT_SURFACES[surface]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)    # an overflow is reported as "diverges"
        path = descent_path(s["grad"], s["start"], lr, steps)
        with np.errstate(over="ignore", invalid="ignore"):
            loss = s["loss"](path)
    gap = loss - s["minimum"]
    regime, detail = classify_descent(path, gap)
    return {"surface": surface, "lr": float(lr), "steps": int(steps), "path": path, "loss": loss,
            "gap": gap, "regime": regime, "detail": detail}


# ---------------------------------------------------------------- optimizers race (notebook 10)

def _valley(w1, w2):
    return 0.05 * w1 ** 2 + w2 ** 2


def _valley_grad(w):
    return np.array([0.1 * w[0], 2.0 * w[1]])


def _rosenbrock(w1, w2):
    return (1 - w1) ** 2 + 100 * (w2 - w1 ** 2) ** 2


def _rosenbrock_grad(w):
    w1, w2 = w
    return np.array([-2 * (1 - w1) - 400 * w1 * (w2 - w1 ** 2), 200 * (w2 - w1 ** 2)])


# name -> the surface E(w1, w2), its gradient, a start, the box drawn, contour levels, good settings.
OPTIMIZER_SURFACES = {
    "valley": {"label": "valley E = 0.05 w1² + w2²", "f": _valley, "grad": _valley_grad,
               "start": (-9.0, 2.0), "xlim": (-10.0, 10.0), "ylim": (-3.0, 3.0), "minimum": (0.0, 0.0),
               "levels": np.linspace(0, 14, 29), "defaults": {"lr": 0.8, "beta": 0.5, "adam_lr": 0.3}},
    "rosenbrock": {"label": "Rosenbrock E = (1 − w1)² + 100 (w2 − w1²)²", "f": _rosenbrock,
                   "grad": _rosenbrock_grad, "start": (-1.5, 2.0), "xlim": (-2.0, 2.0), "ylim": (-1.0, 3.0),
                   "minimum": (1.0, 1.0), "levels": [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2500],
                   "defaults": {"lr": 0.001, "beta": 0.9, "adam_lr": 0.1}},
}


def optimizer_surface(name):
    """The dict of a race surface by name ("valley" or "rosenbrock"): label, f(w1, w2), grad(w),
    start, xlim, ylim, minimum, levels and default settings (lr, beta, adam_lr)."""
    return OPTIMIZER_SURFACES[val.key(name, OPTIMIZER_SURFACES, "surface")]


def race_paths(surface, lr, beta, adam_lr, steps):
    """The paths of SGD (lr), momentum (lr, beta) and Adam (adam_lr) from the surface's start,
    ``steps`` steps each (``optimizers.optimize_path``).  Returns a dict name -> ndarray
    (steps + 1, 2); a diverged path ends in NaN rows (no warning: the picture says "diverged")."""
    s = optimizer_surface(surface)
    runs = {"SGD": SGD(lr), "momentum": Momentum(lr, beta), "Adam": Adam(adam_lr)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return {name: optimize_path(opt, s["grad"], s["start"], steps) for name, opt in runs.items()}


def race_losses(surface, paths):
    """E at every point of each path: a dict name -> ndarray (steps + 1,) (NaN after a divergence).

    paths : dict name -> (k, 2), e.g. from ``race_paths``.
    """
    f, paths = optimizer_surface(surface)["f"], val.named_paths(paths)
    with np.errstate(over="ignore", invalid="ignore"):
        return {name: f(p[:, 0], p[:, 1]) for name, p in paths.items()}


__all__ = ["DESCENT_REGIMES", "DESCENT_SURFACES", "OPTIMIZER_SURFACES", "classify_descent", "descent_path",
           "descent_run", "optimizer_surface", "race_losses", "race_paths"]
