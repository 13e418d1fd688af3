"""Loss curves: a training run's loss per epoch (``MLP.fit``'s history), and the losses of one
prediction against the prediction, with their slopes (notebook 05, from
``nn_helpers.lessons.one_prediction``).
"""
import numpy as np

from .. import _checks as val
from ..lessons.one_prediction import loss_curves, losses_at
from .style import CLASS_COLORS, axes_list, drawn_list, find, new_axes


def plot_loss_curve(history, ax=None, label="train loss", title="Loss during training", mark_epoch=None):
    """Loss per epoch from ``MLP.fit``'s history (and val_loss if present). Returns ax.

    mark_epoch : int or None; marks that epoch on the curves (e.g. the playground's current epoch).
    """
    losses = _history(history)
    if mark_epoch is not None:
        mark_epoch = val.positive_int(mark_epoch, "mark_epoch", minimum=0)
    ax = new_axes(ax, figsize=(5, 3.5))
    curves = [("loss", label, CLASS_COLORS[1]), ("val_loss", "validation loss", CLASS_COLORS[0])]
    for key, text, color in curves:
        if len(losses[key]):
            ax.plot(losses[key], label=text, color=color)
    if mark_epoch is not None:
        ax.axvline(mark_epoch, color="0.4", linestyle=":", linewidth=1, label=f"epoch {mark_epoch}")
        for key, _, color in curves:
            if mark_epoch < len(losses[key]):
                ax.plot([mark_epoch], [losses[key][mark_epoch]], "o", color=color, zorder=4)
    ax.set(xlabel="epoch", ylabel="loss", title=title)
    ax.legend()
    return ax


def _history(history):
    """The loss and val_loss lists of MLP.fit's history as 1-D float arrays (empty when absent)."""
    val.instance(history, dict, "history", "the dict MLP.fit returns, e.g. {'loss': [0.7, 0.5, ...]}")
    if "loss" not in history:
        raise ValueError(f"history must be the dict MLP.fit returns, with a 'loss' list; got keys {list(history)[:6]}")
    losses = {}
    for key in ("loss", "val_loss"):
        values = val.numeric_array([] if history.get(key) is None else history[key], f"history[{key!r}]")
        if values.ndim != 1:
            raise ValueError(f"history[{key!r}] must be one loss per epoch, shape (epochs,); got shape {values.shape}")
        losses[key] = values
    return losses


# ---------------------------------------------------------------- losses of one prediction (notebook 05)

# name -> (formula for a legend, colour); the losses of one prediction o for a target t.
ONE_PREDICTION_LOSSES = {"squared error": ("½(t − o)²", CLASS_COLORS[1]),
                         "absolute error": ("|t − o|", CLASS_COLORS[0]),
                         "cross-entropy": ("−[t log o + (1 − t) log(1 − o)]", CLASS_COLORS[3])}


def _loss_table(t, o):
    rows = [f"target t = {t:g},  prediction o = {o:.2f}", f"{'':16s}{'loss L':>10s}{'slope dL/do':>14s}"]
    for name, (L, g) in losses_at(t, o).items():
        rows.append(f"{name:16s}{L:10.4f}{g:14.4f}")
    return "\n".join(rows)


def plot_losses_at(t, o, axes=None, grad_limit=1000.0):
    """Three losses of one prediction against o in (0, 1) for the target t, and their slopes.

    axes : a pair (loss_ax, grad_ax), or None for a new figure; a third axes, if given, gets a
    table of each loss and its slope at the prediction o (in (0, 1)), which is marked on every
    curve.  The slope axis is symmetric-logarithmic (linear from -1 to 1, logarithmic beyond, up
    to +-grad_limit), so cross-entropy's slope, which grows without bound as o nears the wrong
    end, is drawn at its true value; only slopes beyond +-grad_limit (for the default, o within
    0.001 of 0 or 1) are drawn at the edge, and the title then says so.  Returns the axes.
    """
    t, o = val.target(t), val.prediction(o)
    grad_limit = val.real_number(grad_limit, "grad_limit", positive=True)
    if axes is None:
        import matplotlib.pyplot as plt
        _, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    given, axes = axes, axes_list(axes, "axes", (2, 3))
    grid = np.linspace(0.001, 0.999, 400)
    for name, (L, g) in loss_curves(t, grid).items():
        formula, color = ONE_PREDICTION_LOSSES[name]
        axes[0].plot(grid, L, color=color, label=f"{name}  {formula}", gid=f"curve {name}")
        axes[1].plot(grid, np.clip(g, -grad_limit, grad_limit), color=color, label=name, gid=f"slope {name}")
        for ax, key in ((axes[0], "point"), (axes[1], "slope point")):
            ax.plot([], [], "o", color=color, markeredgecolor="black", zorder=4, gid=f"{key} {name}")
    for ax in axes[:2]:
        ax.axvline(o, color="0.4", linestyle=":", linewidth=1, gid="o line")
        ax.set_xlim(0, 1)
    axes[0].set(ylim=(0, 4.8), xlabel="prediction $o$", ylabel="loss $L$")
    axes[1].set_yscale("symlog", linthresh=1.0, linscale=1.0)
    ticks = [v for v in 10.0 ** np.arange(0, 7) if v <= grad_limit]
    axes[1].set_yticks([-v for v in ticks[::-1]] + [0.0] + ticks, minor=False)
    axes[1].yaxis.set_major_formatter(lambda v, _: f"{v:g}".replace("-", "−"))
    axes[1].set(xlabel="prediction $o$", ylabel="slope $dL/do$")
    axes[1].axhline(0, color="0.6", linewidth=0.8)
    axes[0].legend(loc="upper center", fontsize=8)
    axes[1].legend(loc="upper left", fontsize=8)
    if len(axes) > 2:
        axes[2].set_axis_off()
        axes[2].text(0.5, 0.5, "", family="monospace", fontsize=10, ha="center", va="center",
                     multialignment="left", transform=axes[2].transAxes, gid="table")
    _move_losses_at(axes, t, o, grad_limit)
    return given


def update_losses_at(axes, t, o, grad_limit=1000.0):
    """Move the marks of ``plot_losses_at`` to the target t and the prediction o, in place."""
    t, o = val.target(t), val.prediction(o)
    grad_limit = val.real_number(grad_limit, "grad_limit", positive=True)
    _move_losses_at(drawn_list(axes, "axes", "plot_losses_at", ("curve squared error", "slope squared error",
                                                                "table"), counts=(2, 3)), t, o, grad_limit)
    return axes


def _move_losses_at(axes, t, o, grad_limit):
    grid = np.linspace(0.001, 0.999, 400)
    for name, (L, g) in loss_curves(t, grid).items():
        find(axes[0], f"curve {name}").set_ydata(L)
        find(axes[1], f"slope {name}").set_ydata(np.clip(g, -grad_limit, grad_limit))
    clipped = False
    for name, (L, g) in loss_curves(t, np.array([o])).items():
        find(axes[0], f"point {name}").set_data([o], L)
        find(axes[1], f"slope point {name}").set_data([o], np.clip(g, -grad_limit, grad_limit))
        clipped = clipped or bool(np.abs(g[0]) > grad_limit)
    for ax in axes[:2]:
        find(ax, "o line").set_xdata([o, o])
    axes[0].set_title(f"Each loss against the prediction $o$ (target $t$ = {t:g})")
    axes[1].set_title("Its slope $dL/do$ (log scale beyond ±1)"
                      + (f"\n(the dot is clipped at ±{grad_limit:g})" if clipped else ""))
    # every slope has the sign of o - t: show that side of zero, and put the legend on the other
    axes[1].set_ylim((-grad_limit * 1.5, 3.0) if t == 1 else (-3.0, grad_limit * 1.5))
    axes[1].get_legend().set_loc("lower right" if t == 1 else "upper left")
    if len(axes) > 2:
        find(axes[2], "table").set_text(_loss_table(t, o))


__all__ = ["ONE_PREDICTION_LOSSES", "plot_loss_curve", "plot_losses_at", "update_losses_at"]
