"""A computational graph, drawn (notebook 06): one box per number of a ``Value`` expression with its
value (the forward pass) and its gradient (the backward pass), revealed step by step if asked.

Any object with ``_prev``, ``_op``, ``data``, ``grad`` and ``label`` is a graph here (notebook 06
draws the graph of the ``Value`` class it writes itself); the order is ``autodiff.topological_order``.
"""
import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from .. import _checks as val
from ..autodiff import topological_order
from .style import CLASS_COLORS, new_axes, title_or

_OP_SYMBOLS = {"+": "+", "*": "×", "-": "−", "sigmoid": "σ", "exp": "exp", "tanh": "tanh"}
GRAPH_DX, GRAPH_DY, BOX_W, BOX_H = 2.7, 1.45, 1.75, 1.0     # graph spacing and node box (data units)


def graph_layout(root):
    """Positions for ``plot_graph``: {node: (column, row)}, in topological order.

    A computed node sits one column right of its rightmost input; an input (a leaf) one column
    left of its first user.  In each column computed nodes come first (row 0), leaves below.
    """
    order = topological_order(root)
    col = {}
    for v in order:
        col[v] = 1 + max(col[p] for p in v._prev) if v._prev else 0
    for v in order:
        if not v._prev:
            users = [col[u] for u in order if any(p is v for p in u._prev)]
            col[v] = max(min(users) - 1, 0) if users else 0
    rows, pos = {}, {}
    for v in sorted(order, key=lambda v: (col[v], not v._prev)):
        rows[col[v]] = rows.get(col[v], -1) + 1
        pos[v] = (col[v], -rows[col[v]])
    return {v: pos[v] for v in order}


def plot_graph(root, ax=None, forward=None, backward=None, title=None):
    """The computational graph of a ``Value``: one box per number, an operation circle before each
    computed one, edges from inputs to operations.

    Each box gives the node's label, its value (black, the forward pass) and its gradient
    d(root)/d(node) (red, the backward pass; call ``root.backward()`` first).
    forward : how many nodes, in topological order, show their value (None: all).
    backward : how many nodes, from root back, show their gradient (None: all; 0: none).
    When either is given, the node revealed last is highlighted.  Returns ax.
    """
    pos = graph_layout(root)
    order = list(pos)
    n = len(order)
    stepping = forward is not None or backward is not None     # then highlight the latest node
    forward = n if forward is None else min(val.positive_int(forward, "forward", minimum=0), n)
    backward = n if backward is None else min(val.positive_int(backward, "backward", minimum=0), n)
    known = set(map(id, order[:forward]))
    graded = set(map(id, order[::-1][:backward]))
    latest = None if not stepping else order[::-1][backward - 1] if backward else \
        order[forward - 1] if forward else None
    columns = max(c for c, _ in pos.values()) + 1
    depth = -min(r for _, r in pos.values()) + 1
    xlim = (-BOX_W / 2 - 0.3, (columns - 1) * GRAPH_DX + BOX_W / 2 + 0.3)
    ylim = (-(depth - 1) * GRAPH_DY - BOX_H / 2 - 0.3, BOX_H / 2 + 1.2)
    ax = new_axes(ax, figsize=(0.6 * np.ptp(xlim), 0.6 * np.ptp(ylim) + 0.5))
    ax.set(xlim=xlim, ylim=ylim, aspect="equal")
    ax.set_axis_off()
    xy = {id(v): (c * GRAPH_DX, r * GRAPH_DY) for v, (c, r) in pos.items()}
    for v in order:
        x, y = xy[id(v)]
        if v._prev:                                  # the operation, and edges from the inputs to it
            ox = x - BOX_W / 2 - 0.42
            op = _OP_SYMBOLS.get(v._op, v._op.replace("**", "^"))
            ax.add_patch(Circle((ox, y), 0.27, facecolor="white", edgecolor="0.3", zorder=3, gid="op"))
            ax.text(ox, y, op, ha="center", va="center", fontsize=8 if len(op) > 2 else 11, zorder=4)
            ax.annotate("", (x - BOX_W / 2, y), (ox + 0.27, y), zorder=2,
                        arrowprops=dict(arrowstyle="-|>", color="0.3", lw=1.2, shrinkA=0, shrinkB=0))
            for p in v._prev:
                px, py = xy[id(p)]
                ax.annotate("", (ox, y), (px + BOX_W / 2, py), zorder=2,
                            arrowprops=dict(arrowstyle="-", color="0.45", lw=1.2, shrinkA=0, shrinkB=13))
        is_latest = v is latest
        edge = CLASS_COLORS[3] if (is_latest and backward) else "black" if is_latest else "0.4"
        face = "#fde8e8" if (is_latest and backward) else "#fff6d5" if is_latest else \
            ("#eeeeee" if not v._prev else "#e8f0fa")
        ax.add_patch(FancyBboxPatch((x - BOX_W / 2, y - BOX_H / 2), BOX_W, BOX_H, gid="node",
                                    boxstyle="round,pad=0.04", facecolor=face, edgecolor=edge,
                                    linewidth=2.2 if is_latest else 1.0, zorder=3))
        ax.text(x, y + 0.27, v.label or "", ha="center", va="center", fontsize=10, fontweight="bold", zorder=4)
        if id(v) in known:
            ax.text(x, y + 0.0, f"value {v.data:.4f}", ha="center", va="center", fontsize=8, zorder=4,
                    gid="value")
        if id(v) in graded:
            ax.text(x, y - 0.27, f"grad {v.grad:.4f}", ha="center", va="center", fontsize=8, zorder=4,
                    color=CLASS_COLORS[3], gid="grad")
    top = BOX_H / 2 + 0.85
    ax.annotate("forward pass: values", (xlim[1] - 0.4, top), (xlim[0] + 0.4, top), fontsize=9, va="center",
                arrowprops=dict(arrowstyle="-|>", color="black", lw=1.2))
    ax.annotate("backward pass: gradients", (xlim[0] + 0.4, top - 0.4), (xlim[1] - 0.4, top - 0.4),
                fontsize=9, color=CLASS_COLORS[3], va="center", ha="right",
                arrowprops=dict(arrowstyle="-|>", color=CLASS_COLORS[3], lw=1.2))
    label = root.label or "the result"
    ax.set_title(title_or(title, f"Computational graph of {label}: value (black), grad = d{label}/d(node) (red)"),
                 fontsize=11)
    return ax


__all__ = ["graph_layout", "plot_graph"]
