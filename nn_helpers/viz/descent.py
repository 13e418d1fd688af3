"""Gradient descent, drawn: a path of points on a loss surface's contours, one run's path and loss
gap with its verdict (notebook 08), and the optimizer race (notebook 10).

The runs come from ``nn_helpers.lessons.descent`` (``descent_path``, ``descent_run``,
``race_paths``, ``race_losses``); these functions draw them and move them in place for a slider.
"""
import numbers

import numpy as np

from .. import _checks as val
from ..lessons.descent import DESCENT_SURFACES, optimizer_surface, race_losses
from .style import RACE_COLORS, REGIME_COLORS, axes_list, drawn_list, find, new_axes


def _path(path, name="path"):
    """path as a float array (k, 2) of its finite rows (a diverged descent ends in NaN rows)."""
    points = val.numeric_array(path, name)
    if points.ndim != 2 or points.shape[1] != 2 or len(points) == 0:
        raise ValueError(f"{name} must have shape (k, 2), one point a row; got {points.shape}")
    finite = points[np.all(np.isfinite(points), axis=1)]
    if len(finite) == 0:
        raise ValueError(f"{name} must have at least one finite point; got {len(points)} row(s) of NaN or inf")
    return finite


def plot_descent_path(path, ax=None, label="gradient descent", color="#c44e52"):
    """A descent path (k, 2) as markers joined by arrows, its start and end marked. Returns ax.

    Rows that are NaN (a diverged descent) are left out; the end is then the last finite point.
    """
    path = _path(path)
    ax = new_axes(ax)
    _draw_path(ax, path, label, color)
    return ax


def _draw_path(ax, path, label="gradient descent", color="#c44e52"):
    """plot_descent_path without the checks: path (k, 2), its finite rows only."""
    ax.plot(path[:, 0], path[:, 1], ".", color=color, markersize=5, label=label, zorder=4)
    every = max(1, len(path) // 30)                        # at most ~30 arrows
    for p, q in zip(path[:-1:every], path[every::every]):
        ax.annotate("", xy=q, xytext=p, zorder=4,
                    arrowprops=dict(arrowstyle="-|>", color=color, linewidth=1.2, shrinkA=0, shrinkB=0))
    ax.plot(*path[0], "o", color="white", markeredgecolor="black", markersize=9, label="start", zorder=5)
    ax.plot(*path[-1], "*", color=color, markeredgecolor="black", markersize=14,
            label=f"end (after {len(path) - 1} steps)", zorder=5)


def _levels(levels):
    """levels as contourf takes them: a count (int >= 1) or increasing values."""
    what = "a number of contour levels (an int >= 1) or a list of increasing values"
    if not isinstance(levels, (list, tuple, np.ndarray)):
        if isinstance(levels, bool) or not isinstance(levels, numbers.Integral):
            raise TypeError(f"levels must be {what}; got {type(levels).__name__} {levels!r:.60}")
        if levels < 1:
            raise ValueError(f"levels must be {what}; got {levels}")
        return levels
    values = val.as_float_array(levels, "levels")
    if values.ndim != 1 or values.size == 0 or np.any(np.diff(values) <= 0):
        raise ValueError(f"levels must be {what}; got {levels!r:.60}")
    return levels


def plot_loss_surface(f, xlim, ylim, ax=None, path=None, levels=30, resolution=120,
                      title="Loss surface", xlabel="$w_1$", ylabel="$w_2$"):
    """Contours of a function f(w1, w2) over the box xlim x ylim, with an optional descent path.

    f : called once on the grid arrays (resolution, resolution) if it works elementwise on
    arrays, else point by point.  path : (k, 2) points, e.g. from ``descent_path``.  Returns ax.
    """
    f = val.function(f, "f", "a function f(w1, w2) returning the loss")
    xlim, ylim = val.pair(xlim, "xlim"), val.pair(ylim, "ylim")
    path = None if path is None else _path(path)
    levels, resolution = _levels(levels), val.resolution(resolution)
    ax = new_axes(ax, figsize=(5.5, 4.5))
    W1, W2 = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    try:
        L = np.asarray(f(W1, W2), dtype=float)
    except (TypeError, ValueError):
        L = None
    if L is None or L.shape != W1.shape:                   # f takes numbers, not arrays
        L = np.vectorize(lambda a, b: float(f(a, b)))(W1, W2)
    filled = ax.contourf(W1, W2, L, levels=levels, cmap="viridis")
    ax.contour(W1, W2, L, levels=filled.levels, colors="white", linewidths=0.4, alpha=0.6)
    ax.figure.colorbar(filled, ax=ax, label="loss")
    if path is not None:
        _draw_path(ax, path)
        ax.legend(loc="upper right", fontsize=8)
    ax.set(xlim=xlim, ylim=ylim, xlabel=xlabel, ylabel=ylabel, title=title)
    return ax


# ---------------------------------------------------------------- one run and its verdict (notebook 08)

def _run(run):
    """run if it is a dict from ``descent_run``."""
    what = "a dict from descent_run(surface, lr, steps)"
    val.instance(run, dict, "run", what)
    missing = [key for key in ("surface", "lr", "steps", "path", "loss", "gap", "regime", "detail") if key not in run]
    if missing:
        raise ValueError(f"run must be {what}; got one without {missing}")
    val.choice(run["surface"], list(DESCENT_SURFACES), "run['surface']")
    val.choice(run["regime"], list(REGIME_COLORS), "run['regime']")
    return run


def plot_descent_run(run, axes):
    """Draw a ``descent_run`` on two axes: the path on the surface (1-D: the curve E(w) with the
    points (w_t, E(w_t)); 2-D: contours with the path), and the loss gap E - E_min per step on a
    log scale; the run's verdict is the first axes' title and its detail the figure's suptitle.
    The artists that change carry gids, so ``update_descent_run`` moves them. Returns axes."""
    run = _run(run)
    ax, ax_gap = axes_list(axes, "axes")
    s = DESCENT_SURFACES[run["surface"]]
    color = REGIME_COLORS[run["regime"]]
    if run["path"].shape[1] == 1:
        w = np.linspace(*s["xlim"], 400)
        ax.plot(w, s["loss"](w[:, None]), color="0.3", linewidth=1.5, label=s["formula"])
        ax.plot([3.0], [s["minimum"]], "*", color="black", markersize=12, label="minimum", zorder=5)
        ax.plot([], [], "o-", color=color, markersize=4, linewidth=1, gid="path", label="path $w_t$")
        ax.set(xlim=s["xlim"], ylim=s["ylim"], xlabel="weight $w$", ylabel="loss $E(w)$")
    else:
        plot_loss_surface(lambda a, b: s["loss"](np.stack([a, b], axis=-1)), s["xlim"], s["ylim"], ax,
                          levels=np.linspace(0, 14, 22) ** 2, title=s["formula"])   # evenly spaced ellipses
        ax.plot([0.0], [0.0], "*", color="white", markeredgecolor="black", markersize=13,
                label="minimum", zorder=5)
        ax.plot([], [], "o-", color=color, markersize=3.5, linewidth=1, gid="path", label="path $w_t$")
    start = np.array(s["start"])
    start_xy = (start[0], s["loss"](start)) if start.size == 1 else start
    ax.plot(*start_xy, "o", color="white", markeredgecolor="black", markersize=9, label="start", zorder=6)
    ax.legend(loc="upper right", fontsize=8)
    ax_gap.semilogy([], [], "o-", color=color, markersize=3, linewidth=1, gid="gap")
    ax_gap.set(xlabel="step t", ylabel="loss gap $E(w_t) - E_{min}$ (log scale)")
    ax_gap.set_title("How far the loss is from its minimum", fontsize=10.5)
    ax_gap.grid(True, which="major", alpha=0.3)
    _show_run(run, ax, ax_gap)
    return axes


def update_descent_run(run, axes):
    """Show another run of the same surface on axes drawn by ``plot_descent_run`` (in place)."""
    _show_run(_run(run), *drawn_list(axes, "axes", "plot_descent_run", ("path", "gap")))
    return axes


def _show_run(run, ax, ax_gap):
    color = REGIME_COLORS[run["regime"]]
    path = run["path"]
    line = find(ax, "path")
    if path.shape[1] == 1:
        line.set_data(path[:, 0], run["loss"])
    else:
        line.set_data(path[:, 0], path[:, 1])
    line.set_color(color)
    legend = ax.get_legend()
    for handle, text in zip(legend.legend_handles if legend else [], legend.get_texts() if legend else []):
        if text.get_text().startswith("path"):
            handle.set_color(color)
    ax.set_title(f"{DESCENT_SURFACES[run['surface']]['formula']}:  learning rate η = {run['lr']:.3g}: "
                 f"{run['regime']}", color=color, fontsize=10.5, weight="bold")
    finite = np.isfinite(run["gap"])
    gap = np.maximum(run["gap"][finite], 1e-16)                # E - E_min = 0 cannot be drawn on a log axis
    gap_line = find(ax_gap, "gap")
    gap_line.set_data(np.arange(len(run["gap"]))[finite], gap)
    gap_line.set_color(color)
    ax_gap.set_xlim(-0.5, max(run["steps"], 1) + 0.5)
    lo, hi = gap.min(), gap.max()
    ax_gap.set_ylim(max(lo, 1e-16) / 3, hi * 3)
    ax.figure.suptitle(f"η = {run['lr']:.3g}: " + run["detail"], fontsize=10, color=color)


# ---------------------------------------------------------------- optimizers race (notebook 10)

def _race_paths(paths):
    """paths (dict name -> (k, 2)) checked, each name one that ``plot_optimizer_race`` draws (``RACE_COLORS``)."""
    paths = val.named_paths(paths)
    for name in paths:
        val.choice(name, list(RACE_COLORS), "each name in paths")
    return paths


def _race_settings(settings, paths):
    """settings (dict name -> legend text) with a text for every path; None or {}: the names."""
    if settings is None or (isinstance(settings, dict) and not settings):
        return {name: name for name in paths}
    val.instance(settings, dict, "settings", "a dict name -> legend text, e.g. {'SGD': 'η = 0.8'}, or None")
    missing = [name for name in paths if name not in settings]
    if missing:
        raise ValueError(f"settings must give a legend text for each path; got none for {missing}")
    return settings


def plot_optimizer_race(surface, paths, axes=None, settings=None):
    """Left: the surface's contours with each optimizer's path; right: E against the step (log scale).

    surface : a name of ``OPTIMIZER_SURFACES``.  paths : dict name -> (k, 2), from ``race_paths``.
    axes : a pair (surface_ax, loss_ax), or None for a new figure.  settings : dict name -> text
    for the legend (e.g. "η = 0.3"); ``update_optimizer_race`` redraws the paths in place.  Returns the axes.
    """
    s, paths = optimizer_surface(surface), _race_paths(paths)
    settings = _race_settings(settings, paths)
    if axes is None:
        import matplotlib.pyplot as plt
        _, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained", width_ratios=[1.25, 1])
    given, axes = axes, axes_list(axes, "axes")
    plot_loss_surface(s["f"], s["xlim"], s["ylim"], axes[0], levels=s["levels"],
                      title=f"Paths on the {s['label']}")
    axes[0].plot(*s["start"], "o", color="white", markeredgecolor="black", markersize=9, zorder=5,
                 label="start")
    axes[0].plot(*s["minimum"], "X", color="white", markeredgecolor="black", markersize=10, zorder=5,
                 label="minimum")
    for name, color in RACE_COLORS.items():
        axes[0].plot([], [], "o-", color=color, markersize=3, linewidth=1.2, zorder=4, gid=f"path {name}")
        axes[0].plot([], [], "*", color=color, markeredgecolor="black", markersize=13, zorder=6,
                     gid=f"end {name}")
        axes[1].plot([], [], color=color, linewidth=1.8, gid=f"loss {name}")
    axes[1].set(yscale="log", xlabel="step", ylabel="loss E (log scale)", title="Loss after each step")
    axes[1].grid(True, which="major", alpha=0.3)
    _show_race(axes, surface, paths, settings)
    return given


def update_optimizer_race(axes, surface, paths, settings=None):
    """Put new paths (dict name -> (k, 2)) on a ``plot_optimizer_race`` picture, in place. Returns axes."""
    optimizer_surface(surface)
    paths = _race_paths(paths)
    settings = _race_settings(settings, paths)
    _show_race(drawn_list(axes, "axes", "plot_optimizer_race", ("path SGD", "loss SGD")), surface, paths, settings)
    return axes


def _race_label(name, loss, settings):
    finite = loss[np.isfinite(loss)]
    end = "diverged" if len(finite) < len(loss) else f"E = {finite[-1]:.2g}"
    return f"{name} ({settings[name]}): {end}"


def _show_race(axes, surface, paths, settings):
    losses = race_losses(surface, paths)
    top = 1.0
    for name, path in paths.items():
        finite = path[np.all(np.isfinite(path), axis=1)]
        find(axes[0], f"path {name}").set_data(finite[:, 0], finite[:, 1])
        find(axes[0], f"end {name}").set_data(finite[-1:, 0], finite[-1:, 1])
        loss = losses[name]
        line = find(axes[1], f"loss {name}")
        line.set_data(np.arange(len(loss)), np.clip(loss, 1e-16, None))
        line.set_label(_race_label(name, loss, settings))
        if np.isfinite(loss).any():
            top = max(top, np.nanmax(loss[np.isfinite(loss)]))
    steps = max(len(p) for p in paths.values()) - 1
    axes[1].set_xlim(0, max(steps, 1))
    finite_losses = np.concatenate([v[np.isfinite(v)] for v in losses.values()])
    low = max(finite_losses.min(), 1e-16) if finite_losses.size else 1e-3
    axes[1].set_ylim(low / 3, min(top, 1e12) * 3)
    axes[1].legend(loc="lower left", fontsize=8)
    axes[0].legend(loc="upper right", fontsize=8, ncols=2)


__all__ = ["plot_descent_path", "plot_descent_run", "plot_loss_surface", "plot_optimizer_race",
           "update_descent_run", "update_optimizer_race"]
