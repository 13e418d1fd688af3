"""Drawings of a network's parts: the network diagram, and the activation functions with their slopes.

Plain functions that draw on a matplotlib ``ax`` (a new figure when None) and return it.
Every artist a test or a widget needs to find carries a ``gid``: "node" (circles), "bias unit"
(squares), "weight label" and "bias label" (edge texts), "trace" (z and a under a node).
"""
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

from .. import _checks as val
from ..activations import get_activation
from ..network import MLP
from .plotting import CLASS_COLORS, _axes, _blank, _find

POSITIVE, NEGATIVE = CLASS_COLORS[1], CLASS_COLORS[0]    # edge colours by sign: blue +, orange -
DX, DY, R = 3.0, 1.15, 0.27         # layer spacing, node spacing, node radius (data units)


# ---------------------------------------------------------------- checks of what a learner passes

def _network(net):
    """net, if it is an MLP: the diagrams read its sizes, weights, biases and activations."""
    return val.instance(net, MLP, "net", "an MLP (nn_helpers.MLP)")


def _picture(ax, of):
    """ax, if it is a matplotlib Axes: the picture ``of`` (a function's name) drew, to mark on."""
    return val.instance(ax, Axes, "ax", f"the Axes of a {of} picture")


def _title(title, default):
    """The title given, or the default for None or "" (anything else is shown as its text)."""
    return default if _blank(title) else title


def _edge(net, edge, name):
    """edge as (l, j, k), checked against net: the weight to node j of layer l from node k of layer l-1."""
    what = f"{name} must be (l, j, k): the weight to node j of layer l (1 to {len(net.sizes) - 1}) from node k"
    try:
        l, j, k = edge if not isinstance(edge, (str, bytes, dict)) else ()
    except (TypeError, ValueError):     # not three things
        raise TypeError(f"{what}; got {type(edge).__name__} {edge!r:.60}") from None
    l, j, k = (val.positive_int(v, name, minimum=0) for v in (l, j, k))
    if not (1 <= l < len(net.sizes) and j < net.sizes[l] and k < net.sizes[l - 1]):
        raise ValueError(f"{what}, nodes counted from 0 (layer sizes {list(net.sizes)}); got ({l}, {j}, {k})")
    return l, j, k


# ---------------------------------------------------------------- network diagrams

def _layout(sizes, max_nodes, dy=DY):
    """Per layer: the node indices shown and their y positions (a gap marks hidden nodes)."""
    shown, ys = [], []
    for n in sizes:
        if n <= max_nodes:
            idx, slots = list(range(n)), list(range(n))
        else:                                   # the first and last k, a gap for the "⋮" between
            k = max_nodes // 2
            idx = list(range(k)) + list(range(n - k, n))
            slots = list(range(k)) + list(range(k + 1, 2 * k + 1))
        count = max(slots) + 1
        shown.append(idx)
        ys.append([((count - 1) / 2 - s) * dy for s in slots])
    return shown, ys


def _node_names(sizes, names):
    if names is not None:
        if not isinstance(names, (list, tuple)):
            raise TypeError(f"node_names must be a list of name lists, one per layer; "
                            f"got {type(names).__name__} {names!r:.60}")
        got = [len(layer) if isinstance(layer, (list, tuple, np.ndarray)) else type(layer).__name__
               for layer in names]
        if got != list(sizes):
            raise ValueError(f"node_names needs one list of names per layer, sized {list(sizes)}; got sizes {got}")
        return names
    L = len(sizes) - 1
    hidden = (lambda l, j: f"$h_{{{j + 1}}}$") if L == 2 else (lambda l, j: f"$h^{{({l})}}_{{{j + 1}}}$")
    return [[f"$x_{{{j + 1}}}$" if l == 0 else f"$o_{{{j + 1}}}$" if l == L else hidden(l, j)
             for j in range(n)] for l, n in enumerate(sizes)]


def _check_trace(net, trace):
    if trace is None:
        return None
    z, a = (trace.get(key) if isinstance(trace, dict) else None for key in ("z", "a"))
    per_layer = all(isinstance(v, (list, tuple)) and len(v) == len(net.sizes) for v in (z, a))
    one_example = per_layer and all(np.shape(a[l]) == (n,) and (l == 0 or np.shape(z[l]) == (n,))
                                    for l, n in enumerate(net.sizes))      # the inputs have no z
    if not one_example:
        raise ValueError("trace must be net.forward_trace(x) for one example x of shape "
                         f"({net.sizes[0]},), a dict of per-layer 'z' and 'a' vectors")
    return trace


def _check_gradients(net, gradients):
    if gradients is None:
        return None
    what = "gradients must be (dW, db) from net.gradients(X, Y), shaped like the weights and biases"
    expected = [[W.shape for W in net.weights], [b.shape for b in net.biases]]
    if not (isinstance(gradients, (list, tuple)) and len(gradients) == 2
            and all(isinstance(part, (list, tuple)) for part in gradients)):
        raise TypeError(f"{what} {expected}; got {type(gradients).__name__} {gradients!r:.60}")
    got = [[np.shape(g) for g in part] for part in gradients]
    if got != expected:
        raise ValueError(f"{what} {expected}; got {got}")
    dW, db = gradients
    return [val.numeric_array(g, "gradients") for g in dW], [val.numeric_array(g, "gradients") for g in db]


class _Boxes:
    """Rectangles already used on the diagram, to place edge labels where they overlap least."""

    def __init__(self):
        self.boxes = []

    def add(self, cx, cy, w, h):
        self.boxes.append((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))

    def overlap(self, cx, cy, w, h):
        x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
        return sum(max(0, min(x1, b[2]) - max(x0, b[0])) * max(0, min(y1, b[3]) - max(y0, b[1]))
                   for b in self.boxes)


def plot_network(net, ax=None, trace=None, gradients=None, show_weights="auto", title=None,
                 node_names=None, max_nodes=10, hide_gradients=()):
    """A network diagram: neurons as circles in layers, a "+1" bias unit per layer, every weight an edge.

    net : an MLP.  show_weights : "labels" writes each weight (and bias) on its edge; "width"
    shows it by the edge's width (|w|) and colour (blue positive, orange negative); "auto" picks
    "labels" for at most 24 edges.  trace : ``net.forward_trace(x)`` for one example x (n_in,);
    writes z and a under each node.  gradients : (dW, db) from ``net.gradients(x, t)``; with
    labels they are written under each weight (g = dE/dw), with "width" the edges show them
    instead of the weights.  node_names : optional list per layer of node labels.
    max_nodes : layers larger than this show their first and last few nodes.
    hide_gradients : edges (l, j, k) whose gradient label reads "g = ?" (an exercise's answer);
    needs gradients and the labels mode.  Returns ax.
    """
    net = _network(net)
    trace, gradients = _check_trace(net, trace), _check_gradients(net, gradients)
    val.choice(show_weights, ("auto", "labels", "width"), "show_weights")
    if isinstance(hide_gradients, (str, bytes, dict)) or not np.iterable(hide_gradients):
        raise TypeError("hide_gradients must be a list of edges (l, j, k); "
                        f"got {type(hide_gradients).__name__} {hide_gradients!r:.60}")
    hidden = [_edge(net, e, "hide_gradients") for e in hide_gradients]
    names = _node_names(net.sizes, node_names)
    max_nodes = val.positive_int(max_nodes, "max_nodes", minimum=2)
    sizes, L = net.sizes, len(net.sizes) - 1
    n_edges = sum(W.size for W in net.weights) + (sum(sizes[1:]) if net.bias else 0)
    mode = show_weights if show_weights != "auto" else ("labels" if n_edges <= 24 else "width")
    if hidden and (gradients is None or mode != "labels"):
        raise ValueError("hide_gradients needs gradients written as labels (gradients given, "
                         f"show_weights 'labels'); got gradients={'None' if gradients is None else '...'}, "
                         f"show_weights {mode!r}")
    if hidden:                                       # NaN: _label_edges writes "g = ?"
        gradients = ([np.array(W, dtype=float) for W in gradients[0]], gradients[1])   # copies
        for l, j, k in hidden:
            gradients[0][l - 1][j, k] = np.nan
    roomy = mode == "labels" and gradients is not None      # two-line labels need more room
    dx = DX * (1.5 if roomy else 1.0)
    shown, ys = _layout(sizes, max_nodes, DY * (1.35 if roomy else 1.0))
    lowest, top = min(min(y) for y in ys) - R, max(max(y) for y in ys) + R
    below = 0.6 if trace is not None else 0.0              # room for z and a under the nodes
    bias_y = lowest - below - 0.45 if net.bias else None    # the row of "+1" units
    caption_y = (bias_y - 0.3) if net.bias else (lowest - below - 0.1)
    xlim, ylim = (-1.0, L * dx + 1.0), (caption_y - 1.0, top + 0.1)
    scale = 0.72 if max(map(len, shown)) <= 4 else 0.58          # inches per data unit
    # at least 5.6 inches wide: the legend's one row needs that much, even for a net like [2, 1]
    ax = _axes(ax, figsize=(max(scale * np.ptp(xlim), 5.6), scale * np.ptp(ylim) + 0.4))
    ax.set(xlim=xlim, ylim=ylim, aspect="equal")
    ax.set_axis_off()
    ax.apply_aspect()
    pts = (ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]) * 72 / ax.figure.dpi
    fontsize = float(np.clip(0.21 * pts, 6, 11))
    text_size = (0.6 * fontsize / pts, 1.2 * fontsize / pts)  # one character's width, a line's height
    boxes = _Boxes()
    _draw_nodes(ax, net, shown, ys, dx, names, trace, boxes, fontsize, text_size)
    for l in range(L + 1):
        kind = "input" if l == 0 else "output" if l == L else "hidden"
        caption = {"input": "input layer", "output": f"output layer\n({net.output.name})",
                   "hidden": f"hidden layer{f' {l}' if L > 2 else ''}\n({net.hidden.name})"}[kind]
        ax.text(l * dx, caption_y, caption, ha="center", va="top", fontsize=fontsize)
    edges = _edges(ax, net, shown, ys, dx, bias_y, gradients, boxes, fontsize)
    _draw_edges(ax, edges, mode, gradients is not None)
    if mode == "labels":
        _label_edges(ax, edges, boxes, fontsize * 0.88, text_size)
    _legend(ax, mode, net.bias, gradients is not None, fontsize * 0.85)
    ax.set_title(_title(title, f"Network {'-'.join(map(str, sizes))}"), fontsize=fontsize * 1.2)
    return ax


def _draw_nodes(ax, net, shown, ys, dx, names, trace, boxes, fontsize, text_size):
    """Circles with their names; z and a under each node when a trace is given; "⋮" for hidden nodes."""
    L = len(net.sizes) - 1
    char_w, line_h = text_size
    for l, (idx, yl) in enumerate(zip(shown, ys)):
        face = "#eeeeee" if l == 0 else "#e3f1df" if l == L else "#dde8f5"
        for j, y in zip(idx, yl):
            ax.add_patch(Circle((l * dx, y), R, facecolor=face, edgecolor="0.25", linewidth=1.2, zorder=3,
                                gid="node"))
            ax.text(l * dx, y, names[l][j], ha="center", va="center", fontsize=fontsize * 1.05, zorder=4)
            boxes.add(l * dx, y, 2 * R, 2 * R)
            if trace is None:
                continue
            a = trace["a"][l][j]
            text = f"a = {a:.4g}" if l == 0 else f"z = {trace['z'][l][j]:.4f}\na = {a:.4f}"
            lines = text.count("\n") + 1
            ax.text(l * dx, y - R - 0.05, text, ha="center", va="top", fontsize=fontsize * 0.82, zorder=6,
                    gid="trace", linespacing=1.1, bbox=dict(boxstyle="round,pad=0.15", facecolor="#fffbe6",
                                                            edgecolor="0.8", linewidth=0.6))
            boxes.add(l * dx, y - R - 0.05 - lines * line_h * 0.45, 11 * char_w * 0.82, lines * line_h * 0.9)
        if len(idx) < net.sizes[l]:
            gap = (yl[len(idx) // 2 - 1] + yl[len(idx) // 2]) / 2
            ax.text(l * dx, gap, "⋮", ha="center", va="center", fontsize=fontsize * 1.6, zorder=4)
            ax.text(l * dx + R * 1.3, gap, f"{net.sizes[l]} units", ha="left", va="center", zorder=4,
                    fontsize=fontsize * 0.8, color="0.3",
                    bbox=dict(facecolor="white", edgecolor="none", pad=1))


def _edges(ax, net, shown, ys, dx, bias_y, gradients, boxes, fontsize):
    """Every weight w_jk (node k of layer l-1 -> node j of layer l) and each bias b_j (from a "+1"
    unit, drawn here) as (x0, y0, x1, y1, value, gradient or None, gid)."""
    edges = []
    for l in range(1, len(net.sizes)):
        dW, db = (gradients[0][l - 1], gradients[1][l - 1]) if gradients else (None, None)
        for j, yj in zip(shown[l], ys[l]):
            for k, yk in zip(shown[l - 1], ys[l - 1]):
                g = None if dW is None else dW[j, k]
                edges.append(((l - 1) * dx, yk, l * dx, yj, net.weights[l - 1][j, k], g, "weight label"))
        if not net.bias:
            continue
        bx = (l - 1) * dx
        ax.add_patch(FancyBboxPatch((bx - 0.16, bias_y - 0.16), 0.32, 0.32, boxstyle="round,pad=0.02",
                                    facecolor="#f4f4f4", edgecolor="0.35", zorder=3, gid="bias unit"))
        ax.text(bx, bias_y, "+1", ha="center", va="center", fontsize=fontsize * 0.9, zorder=4)
        boxes.add(bx, bias_y, 0.4, 0.4)
        for j, yj in zip(shown[l], ys[l]):
            g = None if db is None else db[j]
            edges.append((bx, bias_y, l * dx, yj, net.biases[l - 1][j], g, "bias label"))
    return edges


def _draw_edges(ax, edges, mode, with_gradients):
    """Lines from rim to rim, coloured by sign; in "width" mode as wide as the value is big
    (the gradient's, when gradients are given)."""
    values = np.array([e[5] if mode == "width" and with_gradients else e[4] for e in edges])
    biggest = max(np.abs(values).max(), 1e-12)
    for (x0, y0, x1, y1, *_), v in zip(edges, values):
        d = np.hypot(x1 - x0, y1 - y0)
        ux, uy = (x1 - x0) / d * R, (y1 - y0) / d * R
        ax.plot([x0 + ux, x1 - ux], [y0 + uy, y1 - uy], color=POSITIVE if v >= 0 else NEGATIVE,
                linewidth=1.3 if mode == "labels" else 0.3 + 3.2 * abs(v) / biggest,
                alpha=0.9 if mode == "labels" else 0.75, zorder=1, solid_capstyle="round")


def _label_edges(ax, edges, boxes, fontsize, text_size):
    """Write each edge's value in a white box, at the point along the edge where the box covers
    the fewest other labels, nodes and edges (so each number clearly sits on its own edge)."""
    char_w, line_h = text_size
    fractions = np.linspace(0.2, 0.8, 25)
    samples = [np.c_[np.linspace(x0, x1, 60), np.linspace(y0, y1, 60)] for x0, y0, x1, y1, *_ in edges]
    for i, (x0, y0, x1, y1, w, g, gid) in enumerate(edges):
        text = f"{w:.2f}" if g is None else f"{w:.2f}\ng = ?" if np.isnan(g) else f"{w:.2f}\ng = {g:.3g}"
        width = (max(len(s) for s in text.split("\n")) + 0.8) * char_w
        height = (text.count("\n") + 1) * line_h
        others = np.vstack([p for m, p in enumerate(samples) if m != i])
        prefer = 0.3 if gid == "weight label" else 0.62

        def cost(t):
            cx, cy = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
            inside = (np.abs(others[:, 0] - cx) < width / 2) & (np.abs(others[:, 1] - cy) < height / 2)
            crossing = np.count_nonzero(inside)               # points of other edges under the box
            return boxes.overlap(cx, cy, width, height) + 0.004 * crossing + 1e-3 * abs(t - prefer)

        t = min(fractions, key=cost)
        cx, cy = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        boxes.add(cx, cy, width, height)
        ax.text(cx, cy, text, ha="center", va="center", fontsize=fontsize, zorder=5, gid=gid,
                linespacing=1.05,
                bbox=dict(boxstyle="round,pad=0.12", facecolor="white", edgecolor="none", alpha=0.92))


def _legend(ax, mode, bias, with_gradients, fontsize):
    """What colours, widths and numbers mean, in the space below the layer captions."""
    from matplotlib.lines import Line2D
    what = "gradient dE/dw" if (mode == "width" and with_gradients) else "weight"
    if mode == "labels":
        note = ("numbers: weights" + (" and biases" if bias else "")
                + (", g = dE/dw" if with_gradients else ""))
    else:
        note = f"edge width: size of the {what}"
    handles = [Line2D([], [], color=POSITIVE, linewidth=2.5, label=f"positive {what}"),
               Line2D([], [], color=NEGATIVE, linewidth=2.5, label=f"negative {what}"),
               Line2D([], [], color="none", label=note)]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=3, frameon=False,
              fontsize=fontsize, handlelength=1.6, columnspacing=1.0)


# ---------------------------------------------------------------- activation functions

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


def _runs(mask, z):
    """The intervals [z_start, z_end] where a boolean mask over sorted z is True."""
    edges = np.flatnonzero(np.diff(np.r_[0, mask.astype(int), 0]))
    return [(z[i], z[j - 1]) for i, j in zip(edges[::2], edges[1::2])]


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
    ax = _axes(ax, figsize=(6, 4))
    f, slope = activation_curves(act.name, z)
    what = "softmax(z, 0)$_1$" if act.name == "softmax" else f"{act.name}(z)"
    ax.plot(z, f, color=CLASS_COLORS[1], linewidth=2.2, label=f"f(z) = {what}", gid="f")
    ax.plot(z, slope, color=CLASS_COLORS[3], linewidth=2, linestyle="--", label="f'(z), the slope",
            gid="f'")
    if np.abs(slope).max() > 0:
        flat = np.abs(slope) < 0.05 * np.abs(slope).max()
        for i, (lo, hi) in enumerate(_runs(flat, z)):
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
    ax, z0 = _picture(ax, "plot_activation"), val.real_number(z0, "z0")
    f0, slope0 = (float(v) for v in activation_curves(name, z0))
    undefined = get_activation(name).name == "step" and z0 == 0
    marks = [_find(ax, g) for g in ("mark line", "mark f", "mark f'")]
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


# ---------------------------------------------------------------- backprop, edge by edge (notebook 07)

def _plain_names(sizes):
    """Node names as plain text: x1, h1, o1 for one hidden layer; x1, h1_1, h2_1, ..., o1 for more."""
    L = len(sizes) - 1
    return [[f"x{j + 1}" if l == 0 else f"o{j + 1}" if l == L else
             (f"h{j + 1}" if L == 2 else f"h{l}_{j + 1}") for j in range(n)] for l, n in enumerate(sizes)]


def chain_rule_factors(net, x, t, lr=0.5):
    """Every weight's gradient for one example, as its chain-rule factors, output layer first.

    For the weight w from node k of layer l-1 to node j of layer l (out = a, net = z):
    dE/dw = dE/dout_j * dout_j/dnet_j * dnet_j/dw, where dout_j/dnet_j = f'(net_j),
    dnet_j/dw = out_k, and for a hidden node dE/dout_j = sum_i delta_i w_ij over the nodes i
    it feeds (one "path" each; delta_i = dE/dnet_i).  Weights are numbered w1, w2, ... layer by
    layer, row by row (Mazur's w1..w8; the 3-3-1 tutorial's w10).

    net : an MLP with an elementwise output activation (not softmax).  x : (n_in,), t : (n_out,).
    Returns a list of dicts, one per weight: name, layer (1..L), j, k, source, target (node
    names), weight, factors (three (label, value) pairs), gradient (their product), paths (for a
    hidden node: (via node, delta, weight name, weight, delta * weight) per path; None for an
    output node), new_weight = weight - lr * gradient.
    """
    from ..losses import get_loss
    net, lr = _network(net), val.real_number(lr, "lr")
    if not net.output.elementwise:
        raise ValueError("chain_rule_factors needs an elementwise output activation (not softmax)")
    trace = net.forward_trace(val.as_float_array(x, "x"))
    t = val.as_float_array(t, "t")
    if t.size != net.sizes[-1]:
        raise ValueError(f"t must be one target of {net.sizes[-1]} number(s) for this network; got shape {t.shape}")
    t = t.reshape(net.sizes[-1])
    names, L = _plain_names(net.sizes), len(net.sizes) - 1
    first = np.cumsum([0] + [W.size for W in net.weights])          # number of w1 in each layer
    wname = lambda l, j, k: f"w{first[l - 1] + j * net.sizes[l - 1] + k + 1}"  # noqa: E731
    deltas, dE_da = {}, {}
    dE_da[L] = get_loss(net.loss_name).grad(t, trace["a"][L])
    for l in range(L, 0, -1):
        act = net.output if l == L else net.hidden
        if l < L:                                                   # sum over the paths to layer l+1
            dE_da[l] = net.weights[l].T @ deltas[l + 1]
        deltas[l] = dE_da[l] * act.prime(trace["z"][l])
    records = []
    for l in range(L, 0, -1):
        act = net.output if l == L else net.hidden
        for j in range(net.sizes[l]):
            target = names[l][j]
            slope = float(act.prime(trace["z"][l])[j])
            paths = None if l == L else [
                (names[l + 1][i], float(deltas[l + 1][i]), wname(l + 1, i, j),
                 float(net.weights[l][i, j]), float(deltas[l + 1][i] * net.weights[l][i, j]))
                for i in range(net.sizes[l + 1])]
            for k in range(net.sizes[l - 1]):
                name, source = wname(l, j, k), names[l - 1][k]
                factors = [(f"∂E/∂out_{target}", float(dE_da[l][j])),
                           (f"∂out_{target}/∂net_{target}", slope),
                           (f"∂net_{target}/∂{name}", float(trace["a"][l - 1][k]))]
                gradient = float(np.prod([v for _, v in factors]))
                weight = float(net.weights[l - 1][j, k])
                records.append(dict(name=name, layer=l, j=j, k=k, source=source, target=target,
                                    weight=weight, factors=factors, gradient=gradient,
                                    paths=paths, new_weight=weight - lr * gradient))
    return records


def _signed(v, spec=".6f"):
    """v formatted by spec, negative numbers in parentheses (so "+ (-0.019049)" reads clearly)."""
    return f"{v:{spec}}" if v >= 0 else f"({v:{spec}})"


_RECORD_KEYS = ("name", "source", "target", "weight", "factors", "gradient", "paths", "new_weight")


def factors_text(record, lr=0.5):
    """A record of ``chain_rule_factors`` as a few lines of text: the chain rule with its numbers,
    the sum over the paths for a hidden node, and the update w <- w - lr dE/dw."""
    r = val.instance(record, dict, "record", "one record of chain_rule_factors (a dict)")
    missing = [key for key in _RECORD_KEYS if key not in r]
    if missing:
        raise ValueError(f"record must be one record of chain_rule_factors; got a dict without {missing}")
    lr = val.real_number(lr, "lr")
    (l1, v1), (l2, v2), (l3, v3) = r["factors"]
    kind = "output" if r["paths"] is None else "hidden"
    lines = [f"{r['name']}: the weight from {r['source']} to {r['target']} ({kind} layer)"]
    if r["paths"] is not None:
        via = ", ".join(p[0] for p in r["paths"])
        lines.append(f"{l1} = sum over the paths {r['target']} → {via} of δ × w:")
        lines.append("    = " + " + ".join(f"δ_{p[0]} × {p[2]}" for p in r["paths"]) + " = "
                     + " + ".join(f"{_signed(d)} × {w:.6f}" for _, d, _, w, _ in r["paths"]))
        lines.append("    = " + " + ".join(_signed(p[4]) for p in r["paths"]) + f" = {v1:.6f}")
    lines.append(f"∂E/∂{r['name']} = {l1} × {l2} × {l3}")
    lines.append(f"    = {_signed(v1)} × {v2:.6f} × {v3:.6f} = {r['gradient']:.6g}")
    lines.append(f"update: {r['name']} ← {r['weight']:.6f} − {lr:g} × {_signed(r['gradient'], '.6g')} "
                 f"= {r['new_weight']:.9f}")
    return "\n".join(lines)


def mark_edges(ax, net, edge, paths=()):
    """Highlight one weight's edge (l, j, k) on a ``plot_network`` picture, and (lighter) the edges
    (l', j', k') its gradient flows back through.  A second call moves the marks (gid "highlight",
    "highlight path").  Needs every node drawn (layers of at most max_nodes).  Returns ax."""
    ax, net = _picture(ax, "plot_network"), _network(net)
    edge = _edge(net, edge, "edge")
    if not isinstance(paths, (list, tuple, np.ndarray)):
        raise TypeError(f"paths must be a list of (l, j, k) edges; got {type(paths).__name__} {paths!r:.60}")
    paths = [_edge(net, p, f"paths[{i}]") for i, p in enumerate(paths)]
    nodes = [p for p in ax.patches if p.get_gid() == "node"]
    if len(nodes) != sum(net.sizes):
        raise ValueError("mark_edges needs a plot_network picture of this net with every node drawn")
    starts = np.cumsum([0] + list(net.sizes))
    center = lambda l, j: np.array(nodes[starts[l] + j].center)   # noqa: E731
    for line in [a for a in ax.lines if a.get_gid() in ("highlight", "highlight path")]:
        line.remove()
    for (l, j, k), gid, color, width in ([(edge, "highlight", "#f2b701", 7)]
                                         + [(p, "highlight path", "#9ad0a0", 5) for p in paths]):
        p0, p1 = center(l - 1, k), center(l, j)
        u = (p1 - p0) / np.hypot(*(p1 - p0)) * R
        ax.plot([p0[0] + u[0], p1[0] - u[0]], [p0[1] + u[1], p1[1] - u[1]], color=color,
                linewidth=width, alpha=0.85, zorder=0.9, solid_capstyle="round", gid=gid)
    return ax


# ---------------------------------------------------------------- slopes and computational graphs (06)

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
    ax = _axes(ax, figsize=(6, 4.2))
    grid = np.linspace(*xlim, 300)
    lo = x - h if method == "central" else x
    secant = (f(x + h) - f(lo)) / (x + h - lo)
    ax.plot(grid, f(grid), color=CLASS_COLORS[1], linewidth=2.2, label=name, gid="f")
    formula = "(f(x+h) − f(x−h)) / 2h" if method == "central" else "(f(x+h) − f(x)) / h"
    ax.plot(grid, f(lo) + secant * (grid - lo), color=CLASS_COLORS[0], linewidth=1.6, gid="secant",
            label=f"secant, slope {formula} = {secant:.4f}")
    ax.plot([lo, x + h], [f(lo), f(x + h)], "o", color=CLASS_COLORS[0], markersize=6, zorder=4)
    if f_prime is not None:
        slope = float(f_prime(x))
        ax.plot(grid, f(x) + slope * (grid - x), color=CLASS_COLORS[3], linestyle="--", linewidth=1.6,
                gid="tangent", label=f"tangent, slope f'(x) = {slope:.4f}")
        gap = secant - slope
        ax.plot([], [], " ", label=f"secant − tangent = {gap:+.4f}" if abs(gap) >= 1e-3 or gap == 0
                else f"secant − tangent = {gap:+.2e}")
    ax.plot([x], [f(x)], "o", color="black", markersize=6, zorder=5)
    span = np.ptp(f(grid))
    ax.set(xlim=xlim, ylim=(f(grid).min() - 0.15 * span, f(grid).max() + 0.15 * span),
           xlabel="x", ylabel="f(x)", title=f"Slope of {name} at x = {x:g}, h = {h:g} ({method} difference)")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    return ax


_OP_SYMBOLS = {"+": "+", "*": "×", "-": "−", "sigmoid": "σ", "exp": "exp", "tanh": "tanh"}
GRAPH_DX, GRAPH_DY, BOX_W, BOX_H = 2.7, 1.45, 1.75, 1.0     # graph spacing and node box (data units)


def graph_layout(root):
    """Positions for ``plot_graph``: {node: (column, row)}, in topological order.

    A computed node sits one column right of its rightmost input; an input (a leaf) one column
    left of its first user.  In each column computed nodes come first (row 0), leaves below.
    """
    from ..autodiff import topological_order
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
    ax = _axes(ax, figsize=(0.6 * np.ptp(xlim), 0.6 * np.ptp(ylim) + 0.5))
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
    ax.set_title(_title(title, f"Computational graph of {label}: value (black), grad = d{label}/d(node) (red)"),
                 fontsize=11)
    return ax


# ---------------------------------------------------------------- the notation of a layer (notebook 04)

def plot_notation(ax=None):
    """The notation of notebook 04 on a 3-3-1 network: layers counted from 0, a node's output
    a^(l)_j, one weight w^(l)_21 ("to neuron 2 of layer 1, from neuron 1 of layer 0") highlighted
    with the rest of its row of W^(1), and the bias b^(1)_2 from a "+1" unit.  Returns ax."""
    ax = _axes(ax, figsize=(9, 5.2))
    ax.set(xlim=(-1.6, 9.6), ylim=(-4.4, 2.6), aspect="equal")
    ax.set_axis_off()
    xs, ys = (0.0, 4.0, 8.0), ([1.3, 0.0, -1.3], [1.3, 0.0, -1.3], [0.0])
    row, key = "#f2a97e", "#c44e52"                     # the row w^(1)_2k, and the weight w^(1)_21
    for l in (1, 2):
        for j, yj in enumerate(ys[l], start=1):
            for k, yk in enumerate(ys[l - 1], start=1):
                into = l == 1 and j == 2
                color = (key if k == 1 else row) if into else "0.75"
                ax.plot([xs[l - 1] + R * 1.5, xs[l] - R * 1.5], [yk, yj], color=color,
                        linewidth=2.6 if into else 1.0, zorder=1 + into, gid="edge")
    for l, (x, yl) in enumerate(zip(xs, ys)):
        face = "#eeeeee" if l == 0 else "#e3f1df" if l == 2 else "#dde8f5"
        for j, y in enumerate(yl, start=1):
            ax.add_patch(Circle((x, y), R * 1.5, facecolor=face, edgecolor="0.25", linewidth=1.2,
                                zorder=3, gid="node"))
            ax.text(x, y, f"$a^{{({l})}}_{{{j}}}$", ha="center", va="center", fontsize=12, zorder=4)
    ax.text(1.2, 1.05, "$w^{(1)}_{21}$", color=key, fontsize=13, ha="center", va="center", zorder=5,
            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"), gid="key weight")
    ax.add_patch(FancyBboxPatch((1.85, -2.35), 0.5, 0.5, boxstyle="round,pad=0.03", facecolor="#f4f4f4",
                                edgecolor="0.35", zorder=3, gid="bias unit"))
    ax.text(2.1, -2.1, "+1", ha="center", va="center", fontsize=10, zorder=4)
    ax.plot([2.35, 4.0 - R * 1.2], [-1.85, -R * 1.3], color=row, linewidth=2.0, zorder=2)
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
    from matplotlib.patches import Ellipse
    ax = _axes(ax, figsize=(6.5, 3.6))
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
    ax = _axes(ax, figsize=(6.5, 3.6))
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
