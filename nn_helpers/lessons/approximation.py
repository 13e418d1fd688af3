"""Universal approximation, built by hand (notebook 01): a 1-k-1 sigmoid network whose output is
a staircase through a target curve f, and how far it stays from f.

Each hidden unit is a steep step up at a border; its output weight is the height of the step.
More units make finer stairs and a smaller gap, except at a jump of f, where the gap stays at
least half the jump.
"""
import numpy as np

from .. import _checks as val
from ..network import MLP

APPROXIMATION_TARGETS = {                   # name -> (label, f): the curves notebook 01 approximates
    "sin": ("sin(x)", np.sin),
    "abs": ("|x|", np.abs),
    "bump": ("exp(−2x²)", lambda x: np.exp(-2.0 * np.square(x))),
    "step": ("a jump at x = 0.5 (not continuous)", lambda x: (np.asarray(x) >= 0.5).astype(float)),
}
CURVE = "a function of x that works on arrays, e.g. np.sin"     # what a target f must be


def approximation_target(name):
    """(label, f) of a target curve by name: "sin", "abs", "bump" or "step"; f maps arrays to arrays."""
    return APPROXIMATION_TARGETS[val.key(name, APPROXIMATION_TARGETS, "target")]


def staircase_network(f, units, interval=(-3.0, 3.0), steepness=100.0):
    """A 1-k-1 sigmoid network whose output is a staircase through f (universal approximation, built).

    The interval [a, b] is cut into k + 1 equal pieces of width d = (b - a) / (k + 1), centred at
    c_0 .. c_k.  Hidden unit j = 1..k is a steep step a_j = sigmoid(w (x - m_j)) at the border
    m_j = a + j d (weight w = steepness, bias -w m_j); its output weight is the jump
    f(c_j) - f(c_{j-1}) and the output bias is f(c_0).  So on piece i the output is about
    f(c_0) + (the first i jumps) = f(c_i).
    f : function on arrays.  units : k >= 1.  Returns an MLP([1, k, 1], activation="sigmoid",
    output_activation="identity", loss="mse").
    """
    f = val.function(f, "f", CURVE)
    k = val.positive_int(units, "units")
    w = val.real_number(steepness, "steepness", positive=True)
    a, b = val.pair(interval, "interval", increasing=True)
    d = (b - a) / (k + 1)
    centres = a + d * (np.arange(k + 1) + 0.5)               # (k + 1,)
    borders = a + d * np.arange(1, k + 1)                     # (k,)
    levels = np.asarray(f(centres), dtype=float)              # f(c_0) .. f(c_k)
    W1, b1 = np.full((k, 1), w), -w * borders                 # (k, 1), (k,)
    W2, b2 = np.diff(levels)[None, :], levels[:1]             # (1, k), (1,)
    return MLP([1, k, 1], activation="sigmoid", output_activation="identity", loss="mse",
               weights=[W1, W2], biases=[b1, b2])


def approximation_error(net, f, interval=(-3.0, 3.0), n=1201):
    """The largest gap max |f(x) - net(x)| over n evenly spaced x in the interval (a 1-input net)."""
    net, f = val.model(net, "net"), val.function(f, "f", CURVE)
    x = np.linspace(*val.pair(interval, "interval", increasing=True), val.positive_int(n, "n"))
    return float(np.max(np.abs(np.asarray(f(x), dtype=float) - net.forward(x[:, None])[:, 0])))


__all__ = ["APPROXIMATION_TARGETS", "CURVE", "approximation_error", "approximation_target", "staircase_network"]
