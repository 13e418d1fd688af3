"""Schematics, drawn once: a nerve cell beside the artificial neuron it inspired (notebook 01), and
the notation of a layer on a 3-3-1 network (notebook 04).  Fixed pictures: no numbers computed.
"""
import numpy as np
from matplotlib.patches import Circle, Ellipse, FancyBboxPatch

from .. import _checks as val
from .style import NODE_FACES, NODE_RADIUS, new_axes


def plot_notation(ax=None):
    """The notation of notebook 04 on a 3-3-1 network: layers counted from 0, a node's output
    a^(l)_j, one weight w^(l)_21 ("to neuron 2 of layer 1, from neuron 1 of layer 0") highlighted
    with the rest of its row of W^(1), and the bias b^(1)_2 from a "+1" unit.  Returns ax."""
    ax = new_axes(ax, figsize=(9, 5.2))
    ax.set(xlim=(-1.6, 9.6), ylim=(-4.4, 2.6), aspect="equal")
    ax.set_axis_off()
    xs, ys = (0.0, 4.0, 8.0), ([1.3, 0.0, -1.3], [1.3, 0.0, -1.3], [0.0])
    row, key = "#f2a97e", "#c44e52"                     # the row w^(1)_2k, and the weight w^(1)_21
    for l in (1, 2):
        for j, yj in enumerate(ys[l], start=1):
            for k, yk in enumerate(ys[l - 1], start=1):
                into = l == 1 and j == 2
                color = (key if k == 1 else row) if into else "0.75"
                ax.plot([xs[l - 1] + NODE_RADIUS * 1.5, xs[l] - NODE_RADIUS * 1.5], [yk, yj], color=color,
                        linewidth=2.6 if into else 1.0, zorder=1 + into, gid="edge")
    for l, (x, yl) in enumerate(zip(xs, ys)):
        face = NODE_FACES["input" if l == 0 else "output" if l == 2 else "hidden"]
        for j, y in enumerate(yl, start=1):
            ax.add_patch(Circle((x, y), NODE_RADIUS * 1.5, facecolor=face, edgecolor="0.25", linewidth=1.2,
                                zorder=3, gid="node"))
            ax.text(x, y, f"$a^{{({l})}}_{{{j}}}$", ha="center", va="center", fontsize=12, zorder=4)
    ax.text(1.2, 1.05, "$w^{(1)}_{21}$", color=key, fontsize=13, ha="center", va="center", zorder=5,
            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"), gid="key weight")
    ax.add_patch(FancyBboxPatch((1.85, -2.35), 0.5, 0.5, boxstyle="round,pad=0.03", facecolor="#f4f4f4",
                                edgecolor="0.35", zorder=3, gid="bias unit"))
    ax.text(2.1, -2.1, "+1", ha="center", va="center", fontsize=10, zorder=4)
    ax.plot([2.35, 4.0 - NODE_RADIUS * 1.2], [-1.85, -NODE_RADIUS * 1.3], color=row, linewidth=2.0, zorder=2)
    ax.text(2.84, -1.3, "$b^{(1)}_2$", color="0.2", fontsize=12, ha="center", va="center", zorder=5,
            bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none"))
    for x, text in zip(xs, ("layer 0 (input)\n$a^{(0)} = x$", "layer 1 (hidden)\n$a^{(1)}$",
                            "layer 2 (output)\n$a^{(2)} = \\hat{y}$")):
        ax.text(x, 2.45, text, ha="center", va="top", fontsize=10)
    ax.text(2.0, -2.95, "$W^{(1)}$: 3×3,  $b^{(1)}$: 3", ha="center", fontsize=10, color="0.3")
    ax.text(6.0, -2.95, "$W^{(2)}$: 1×3,  $b^{(2)}$: 1", ha="center", fontsize=10, color="0.3")
    ax.text(4.0, -3.55, "$w^{(1)}_{21}$: the weight TO neuron 2 of layer 1 FROM neuron 1 of layer 0;"
            " orange: the rest of row 2 of $W^{(1)}$\n"
            "$z^{(1)}_2 = w^{(1)}_{21}a^{(0)}_1 + w^{(1)}_{22}a^{(0)}_2 + w^{(1)}_{23}a^{(0)}_3 + b^{(1)}_2$"
            ",      $a^{(1)}_2 = f(z^{(1)}_2)$", ha="center", va="top", fontsize=10, linespacing=1.6)
    ax.set_title("Notation: layers counted from 0, weights named $w_{jk}$ \"to j from k\"", fontsize=12)
    return ax


# ---------------------------------------------------------------- the biological neuron and its cartoon (notebook 01)

_BIO_INPUT, _BIO_BODY, _BIO_OUTPUT = "#4daf4a", "#8172b3", "#c44e52"   # dendrites/inputs, soma/sum, axon/output


def plot_biological_neuron(ax=None, title="A biological neuron (schematic)"):
    """A labelled schematic of a nerve cell: dendrites (green) -> cell body with nucleus (purple)
    -> axon with its myelin sheath -> axon terminals (red); arrows show the direction of the
    signal.  Colours match ``plot_artificial_neuron``.  Returns ax."""
    ax = new_axes(ax, figsize=(6.5, 3.6))
    for angle, length in [(150, 1.1), (180, 1.3), (210, 1.05), (125, 0.8), (235, 0.8)]:
        t = np.deg2rad(angle)
        x1, y1 = 0.55 * np.cos(t) + length * np.cos(t), 0.55 * np.sin(t) + length * np.sin(t)
        ax.plot([0.45 * np.cos(t), x1], [0.45 * np.sin(t), y1], color=_BIO_INPUT, lw=3, solid_capstyle="round")
        for turn in (-35, 35):                               # each dendrite forks twice
            u = t + np.deg2rad(turn)
            x2, y2 = x1 + 0.45 * np.cos(u), y1 + 0.45 * np.sin(u)
            ax.plot([x1, x2], [y1, y2], color=_BIO_INPUT, lw=1.8, solid_capstyle="round")
            for twig in (-25, 25):
                v = u + np.deg2rad(twig)
                ax.plot([x2, x2 + 0.25 * np.cos(v)], [y2, y2 + 0.25 * np.sin(v)], color=_BIO_INPUT, lw=1)
    ax.add_patch(Ellipse((0, 0), 1.3, 1.1, color=_BIO_BODY, alpha=0.85, zorder=3))
    ax.add_patch(Circle((-0.1, 0.05), 0.2, color="white", alpha=0.8, zorder=4))
    ax.plot([0.6, 5.6], [0, 0], color=_BIO_OUTPUT, lw=2.5, zorder=2)
    for x0 in np.arange(1.0, 5.0, 0.85):                      # myelin sheath segments
        ax.add_patch(FancyBboxPatch((x0, -0.13), 0.65, 0.26, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    color="#f2c6c8", ec=_BIO_OUTPUT, lw=0.8, zorder=3))
    for angle in (-40, -15, 12, 38):                          # axon terminals with their synapses
        t = np.deg2rad(angle)
        end = (5.6 + 0.8 * np.cos(t), 0.8 * np.sin(t))
        ax.plot([5.6, end[0]], [0, end[1]], color=_BIO_OUTPUT, lw=1.8)
        ax.add_patch(Circle(end, 0.09, color=_BIO_OUTPUT, zorder=3))
    notes = [("dendrites: receive signals\nfrom other cells", (-1.45, 0.95), (-1.9, 1.95), _BIO_INPUT),
             ("cell body (soma)\ncombines them; fires a\nspike above a threshold", (0.3, 0.45), (0.9, 1.75), _BIO_BODY),
             ("nucleus", (-0.1, -0.1), (0.2, -1.3), "0.3"),
             ("axon: carries the spike", (3.0, -0.15), (3.0, -1.3), _BIO_OUTPUT),
             ("axon terminals (synapses)\npass it on to the next cells", (6.25, 0.5), (4.6, 1.75), _BIO_OUTPUT)]
    for text, xy, xytext, color in notes:
        ax.annotate(text, xy, xytext=xytext, fontsize=8.5, color=color, ha="center", va="center",
                    arrowprops=dict(arrowstyle="-", color=color, lw=0.8, shrinkB=2))
    ax.annotate("", (7.0, -2.3), xytext=(-3.0, -2.3), zorder=0,
                arrowprops=dict(arrowstyle="-|>", color="0.6", lw=1.2))
    ax.text(2.0, -2.4, "direction of the signal", fontsize=8, color="0.45", va="top", ha="center")
    ax.set(xlim=(-3.3, 7.2), ylim=(-2.8, 2.4), aspect="equal", title=title)
    ax.set_axis_off()
    return ax


def plot_artificial_neuron(ax=None, n_inputs=3, title="An artificial neuron"):
    """The artificial neuron a = f(w_1 x_1 + ... + w_n x_n + b): inputs (green) with their weights,
    the weighted sum and the activation (purple), the output (red); colours match
    ``plot_biological_neuron``.  n_inputs : 1 to 5 (the picture's room).  Returns ax."""
    n = val.positive_int(n_inputs, "n_inputs")
    if n > 5:
        raise ValueError(f"n_inputs must be from 1 to 5 (the picture has room for 5 inputs); got {n}")
    ax = new_axes(ax, figsize=(6.5, 3.6))
    ys = (np.arange(n)[::-1] - (n - 1) / 2) * 1.1
    names = [f"$x_{{{i + 1}}}$" for i in range(n)]
    weights = [f"$w_{{{i + 1}}}$" for i in range(n)]
    if n > 3:
        names[-1], weights[-1] = "$x_n$", "$w_n$"
    for y, name, w in zip(ys, names, weights):
        ax.add_patch(Circle((0, y), 0.3, fc="white", ec=_BIO_INPUT, lw=2, zorder=3))
        ax.text(0, y, name, ha="center", va="center", fontsize=12, zorder=4)
        ax.annotate("", (2.55, 0.3 * y / 1.1 * 0.5), xytext=(0.3, y), zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=_BIO_INPUT, lw=1.5))
        ax.text(1.35, y * 0.62 + 0.18, w, color=_BIO_INPUT, fontsize=11, ha="center")
    ax.text(1.35, -1.6, "weights $w_i$:\nhow much each\ninput counts", color=_BIO_INPUT, fontsize=9,
            ha="center", va="top")
    ax.add_patch(Circle((3.1, 0), 0.55, fc="white", ec=_BIO_BODY, lw=2.5, zorder=3))
    ax.text(3.1, 0, r"$\Sigma$", ha="center", va="center", fontsize=18, color=_BIO_BODY, zorder=4)
    ax.annotate("", (3.1, -0.55), xytext=(3.1, -1.45), arrowprops=dict(arrowstyle="-|>", color="0.4", lw=1.2))
    ax.text(3.1, -1.6, "bias $b$", ha="center", va="top", fontsize=10, color="0.3")
    ax.add_patch(FancyBboxPatch((4.25, -0.4), 0.8, 0.8, boxstyle="round,pad=0.05", fc="white", ec=_BIO_BODY,
                                lw=2.5, zorder=3))
    ax.text(4.65, 0, "$f$", ha="center", va="center", fontsize=16, color=_BIO_BODY, zorder=4)
    ax.annotate("", (4.2, 0), xytext=(3.65, 0), arrowprops=dict(arrowstyle="-|>", color=_BIO_BODY, lw=1.5))
    ax.text(3.9, 0.12, "$z$", ha="center", va="bottom", fontsize=11, color=_BIO_BODY)
    ax.annotate("", (6.4, 0), xytext=(5.1, 0), arrowprops=dict(arrowstyle="-|>", color=_BIO_OUTPUT, lw=2))
    ax.text(6.5, 0, "$a$", ha="left", va="center", fontsize=14, color=_BIO_OUTPUT)
    notes = [(0, ys[0] + 0.55, "inputs $x_i$", _BIO_INPUT),
             (3.1, 1.25, "weighted sum\n$z = \\sum_i w_i x_i + b$", _BIO_BODY),
             (4.65, -1.0, "activation\n$a = f(z)$", _BIO_BODY),
             (6.0, 0.35, "output", _BIO_OUTPUT)]
    for x, y, text, color in notes:
        ax.text(x, y, text, ha="center", va="bottom" if y > 0 else "top", fontsize=9, color=color)
    ax.set(xlim=(-0.6, 7.0), ylim=(-2.8, 2.4), aspect="equal", title=title)
    ax.set_axis_off()
    return ax


__all__ = ["plot_artificial_neuron", "plot_biological_neuron", "plot_notation"]
