"""Universal approximation, drawn (notebook 01): a 1-input network's output against the target
curve, and each hidden unit's share of it (the networks from ``lessons.staircase_network``).
"""
import numpy as np

from .. import _checks as val
from ..lessons.approximation import CURVE, approximation_error
from ..network import MLP
from .style import CLASS_COLORS, NEGATIVE, POSITIVE, new_axes, title_or


def _one_input_net(net, name="net"):
    """net if it is an MLP with one input and one output (a curve y = net(x))."""
    val.instance(net, MLP, name, "an MLP with one input, e.g. from staircase_network(f, k)")
    if net.sizes[0] != 1 or net.sizes[-1] != 1:
        raise ValueError(f"{name} must take one input and give one output (sizes [1, ..., 1]); "
                         f"got sizes {net.sizes}")
    return net


def plot_approximation(net, f, interval=(-3.0, 3.0), ax=None, target_label="target f(x)", title=None):
    """The target f (grey) and a 1-input network's output (blue) over the interval; the title
    gives the number of hidden units and the largest gap (``lessons.approximation_error``).  Returns ax."""
    net, f = _one_input_net(net), val.function(f, "f", CURVE)
    interval = val.pair(interval, "interval", increasing=True)
    ax = new_axes(ax, figsize=(6, 3.8))
    x = np.linspace(*interval, 1201)
    ax.plot(x, f(x), color="0.55", linewidth=4, alpha=0.6, label=target_label, gid="target")
    ax.plot(x, net.forward(x[:, None])[:, 0], color=CLASS_COLORS[1], linewidth=1.8,
            label="network output", gid="network")
    if title_or(title, None) is None:
        k = net.sizes[1] if len(net.sizes) > 2 else 0
        title = f"{k} hidden unit{'s' * (k != 1)}: largest gap {approximation_error(net, f, interval):.3f}"
    ax.set(xlabel="input x", ylabel="output", xlim=interval, title=title)
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_hidden_contributions(net, interval=(-3.0, 3.0), ax=None, title=None):
    """Each hidden unit's share of a 1-k-1 network's output, v_j a_j(x) (its activation times its
    output weight), one thin line per unit; the output is their sum plus the output bias.  Returns ax."""
    if len(_one_input_net(net).sizes) != 3:
        raise ValueError(f"plot_hidden_contributions needs a 1-k-1 network; got sizes {net.sizes}")
    interval = val.pair(interval, "interval", increasing=True)
    ax = new_axes(ax, figsize=(6, 2.6))
    x = np.linspace(*interval, 1201)
    shares = net.forward_trace(x[:, None])["a"][1] * net.weights[1][0]     # (n, k): a_j(x) v_j
    colors = [POSITIVE if v >= 0 else NEGATIVE for v in net.weights[1][0]]
    for j in range(shares.shape[1]):
        ax.plot(x, shares[:, j], color=colors[j], linewidth=1.2, alpha=0.8, gid="unit")
    ax.axhline(0, color="0.6", linewidth=0.8)
    title = title_or(title, "each hidden unit times its output weight (blue up, orange down)")
    ax.set(xlabel="input x", ylabel="$v_j a_j(x)$", xlim=interval, title=title)
    return ax


__all__ = ["plot_approximation", "plot_hidden_contributions"]
