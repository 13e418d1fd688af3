"""Slopes, drawn: an activation f beside its slope f' with the saturated regions shaded
(notebook 03), and the secant whose slope estimates f'(x) beside the tangent (notebook 06).

The numbers come from ``nn_helpers.lessons.slopes`` (``activation_curves``,
``saturated_intervals``, ``secant``); these functions draw them.
"""
import numpy as np
from matplotlib.axes import Axes

from .. import _checks as val
from ..activations import get_activation
from ..lessons.slopes import activation_curves, saturated_intervals, secant
from .style import CLASS_COLORS, find, new_axes


def plot_activation(name, ax=None, z=np.linspace(-6, 6, 400), mark=None):
    """f(z) and its slope f'(z) on one axes, with the saturated regions shaded.

    A region is saturated where |f'(z)| < 5% of max |f'|: the slope is about 0 there, so
    gradients flowing back through the neuron almost vanish.  ``mark`` (a number) marks the
    points (mark, f(mark)) and (mark, f'(mark)) with their values (see ``mark_activation``).
    z : 1-D ndarray, sorted.  Returns ax.
    """
    act = get_activation(name)
    z = val.as_float_array(z, "z")
    if z.ndim != 1 or z.size < 2:
        raise ValueError(f"z must be a 1-D array of at least 2 numbers; got shape {z.shape}")
    if np.any(np.diff(z) <= 0):
        raise ValueError("z must be sorted: each number larger than the one before")
    mark = None if mark is None else val.real_number(mark, "mark")
    ax = new_axes(ax, figsize=(6, 4))
    f, slope = activation_curves(act.name, z)
    what = "softmax(z, 0)$_1$" if act.name == "softmax" else f"{act.name}(z)"
    ax.plot(z, f, color=CLASS_COLORS[1], linewidth=2.2, label=f"f(z) = {what}", gid="f")
    ax.plot(z, slope, color=CLASS_COLORS[3], linewidth=2, linestyle="--", label="f'(z), the slope",
            gid="f'")
    if np.abs(slope).max() > 0:
        for i, (lo, hi) in enumerate(saturated_intervals(z, slope)):
            ax.axvspan(lo, hi, color="0.88", zorder=0, gid="saturated",
                       label="saturated: slope ≈ 0" if i == 0 else None)
    else:                                                  # step: flat everywhere
        ax.plot([0], [0], "o", mfc="white", color=CLASS_COLORS[3], zorder=4)
        ax.annotate("f'(z) = 0 for z ≠ 0\n(undefined at z = 0)", (0, 0), xytext=(0.6, -0.32),
                    fontsize=9, color=CLASS_COLORS[3], arrowprops=dict(arrowstyle="-", color="0.5"))
        ax.set_ylim(-0.5, 1.3)
    ax.axhline(0, color="0.6", linewidth=0.8, zorder=1)
    ax.axvline(0, color="0.6", linewidth=0.8, zorder=1)
    title = "softmax, two classes: first output of softmax(z, 0)" if act.name == "softmax" \
        else f"{act.name}: f(z) and its slope f'(z)"
    ax.set(xlabel="z (the weighted input)", ylabel="f(z) and f'(z)", title=title, xlim=(z[0], z[-1]))
    ax.legend(loc="upper left", fontsize=8)
    if mark is not None:
        mark_activation(ax, act.name, mark)
    return ax


def mark_activation(ax, name, z0):
    """Mark (z0, f(z0)) and (z0, f'(z0)) on a ``plot_activation`` picture; the legend gives their values.

    A second call moves the marks in place (fast: for a slider).  Returns ax.
    """
    ax = val.instance(ax, Axes, "ax", "the Axes of a plot_activation picture")
    z0 = val.real_number(z0, "z0")
    f0, slope0 = (float(v) for v in activation_curves(name, z0))
    undefined = get_activation(name).name == "step" and z0 == 0
    marks = [find(ax, g) for g in ("mark line", "mark f", "mark f'")]
    if None in marks:
        marks = [ax.axvline(z0, color="0.3", linestyle=":", linewidth=1, gid="mark line"),
                 ax.plot([], [], "o", color=CLASS_COLORS[1], markersize=8, zorder=5, gid="mark f")[0],
                 ax.plot([], [], "s", color=CLASS_COLORS[3], markersize=7, zorder=5, gid="mark f'")[0]]
    line, point_f, point_slope = marks
    line.set_xdata([z0, z0])
    point_f.set_data([z0], [f0])
    point_f.set_label(f"f({z0:.2f}) = {f0:.3f}")
    point_slope.set_data([z0], [slope0])
    point_slope.set_label(f"f'({z0:.2f}) undefined" if undefined else f"f'({z0:.2f}) = {slope0:.3f}")
    ax.legend(loc="upper left", fontsize=8)
    return ax


def plot_slope(f, x, h, ax=None, f_prime=None, method="forward", xlim=(-4, 4), name="f(x)"):
    """A curve f, the secant whose slope estimates f'(x), and (given ``f_prime``) the tangent.

    method : "forward" draws the secant through x and x + h, slope (f(x+h) - f(x)) / h;
    "central" the one through x - h and x + h, slope (f(x+h) - f(x-h)) / (2h).
    f, f_prime : functions of an ndarray.  The legend gives both slopes and their difference.
    Returns ax.
    """
    f = val.function(f, "f", "a function of an ndarray (e.g. np.sin)")
    if f_prime is not None:
        val.function(f_prime, "f_prime", "a function of an ndarray (e.g. np.cos), or None")
    x, h = val.real_number(x, "x"), val.real_number(h, "h", positive=True)
    val.choice(method, ("forward", "central"), "method")
    xlim = val.interval(xlim, "xlim")
    ax = new_axes(ax, figsize=(6, 4.2))
    grid = np.linspace(*xlim, 300)
    lo, hi, slope_secant = secant(f, x, h, method)
    ax.plot(grid, f(grid), color=CLASS_COLORS[1], linewidth=2.2, label=name, gid="f")
    formula = "(f(x+h) − f(x−h)) / 2h" if method == "central" else "(f(x+h) − f(x)) / h"
    ax.plot(grid, f(lo) + slope_secant * (grid - lo), color=CLASS_COLORS[0], linewidth=1.6, gid="secant",
            label=f"secant, slope {formula} = {slope_secant:.4f}")
    ax.plot([lo, hi], [f(lo), f(hi)], "o", color=CLASS_COLORS[0], markersize=6, zorder=4)
    if f_prime is not None:
        slope = float(f_prime(x))
        ax.plot(grid, f(x) + slope * (grid - x), color=CLASS_COLORS[3], linestyle="--", linewidth=1.6,
                gid="tangent", label=f"tangent, slope f'(x) = {slope:.4f}")
        gap = slope_secant - slope
        ax.plot([], [], " ", label=f"secant − tangent = {gap:+.4f}" if abs(gap) >= 1e-3 or gap == 0
                else f"secant − tangent = {gap:+.2e}")
    ax.plot([x], [f(x)], "o", color="black", markersize=6, zorder=5)
    span = np.ptp(f(grid))
    ax.set(xlim=xlim, ylim=(f(grid).min() - 0.15 * span, f(grid).max() + 0.15 * span),
           xlabel="x", ylabel="f(x)", title=f"Slope of {name} at x = {x:g}, h = {h:g} ({method} difference)")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    return ax


__all__ = ["mark_activation", "plot_activation", "plot_slope"]
