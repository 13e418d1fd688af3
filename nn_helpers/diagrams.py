"""Drawings of a network's parts: the network diagram, and the activation functions with their slopes.

Plain functions that draw on a matplotlib ``ax`` (a new figure when None) and return it.
Every artist a test or a widget needs to find carries a ``gid``: "node" (circles), "bias unit"
(squares), "weight label" and "bias label" (edge texts), "trace" (z and a under a node).
"""
import numpy as np
from matplotlib.patches import Circle, FancyBboxPatch

from .activations import get_activation
from .plotting import CLASS_COLORS, _axes, _find

POSITIVE, NEGATIVE = CLASS_COLORS[1], CLASS_COLORS[0]    # edge colours by sign: blue +, orange -
DX, DY, R = 3.0, 1.15, 0.27         # layer spacing, node spacing, node radius (data units)


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
        if [len(layer) for layer in names] != list(sizes):
            raise ValueError(f"node_names needs one list of names per layer, sized {list(sizes)}; "
                             f"got sizes {[len(layer) for layer in names]}")
        return names
    L = len(sizes) - 1
    hidden = (lambda l, j: f"$h_{{{j + 1}}}$") if L == 2 else (lambda l, j: f"$h^{{({l})}}_{{{j + 1}}}$")
    return [[f"$x_{{{j + 1}}}$" if l == 0 else f"$o_{{{j + 1}}}$" if l == L else hidden(l, j)
             for j in range(n)] for l, n in enumerate(sizes)]


def _check_trace(net, trace):
    if trace is None:
        return None
    a = trace.get("a") if isinstance(trace, dict) else None
    if a is None or len(a) != len(net.sizes) or np.ndim(a[0]) != 1:
        raise ValueError("trace must be net.forward_trace(x) for one example x of shape "
                         f"({net.sizes[0]},), a dict of per-layer 'z' and 'a' vectors")
    return trace


def _check_gradients(net, gradients):
    if gradients is None:
        return None
    expected = [[W.shape for W in net.weights], [b.shape for b in net.biases]]
    got = [[np.shape(g) for g in part] for part in gradients] if len(gradients) == 2 else None
    if got != expected:
        raise ValueError(f"gradients must be (dW, db) from net.gradients(X, Y), shaped like the weights "
                         f"and biases {expected}; got {got if got is not None else type(gradients).__name__}")
    dW, db = gradients
    return [np.asarray(g, float) for g in dW], [np.asarray(g, float) for g in db]


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
                 node_names=None, max_nodes=10):
    """A network diagram: neurons as circles in layers, a "+1" bias unit per layer, every weight an edge.

    net : an MLP.  show_weights : "labels" writes each weight (and bias) on its edge; "width"
    shows it by the edge's width (|w|) and colour (blue positive, orange negative); "auto" picks
    "labels" for at most 24 edges.  trace : ``net.forward_trace(x)`` for one example x (n_in,);
    writes z and a under each node.  gradients : (dW, db) from ``net.gradients(x, t)``; with
    labels they are written under each weight (g = dL/dw), with "width" the edges show them
    instead of the weights.  node_names : optional list per layer of node labels.
    max_nodes : layers larger than this show their first and last few nodes.  Returns ax.
    """
    trace, gradients = _check_trace(net, trace), _check_gradients(net, gradients)
    if show_weights not in ("auto", "labels", "width"):
        raise ValueError(f"show_weights must be 'auto', 'labels' or 'width'; got {show_weights!r}")
    sizes, L = net.sizes, len(net.sizes) - 1
    n_edges = sum(W.size for W in net.weights) + (sum(sizes[1:]) if net.bias else 0)
    mode = show_weights if show_weights != "auto" else ("labels" if n_edges <= 24 else "width")
    roomy = mode == "labels" and gradients is not None      # two-line labels need more room
    dx = DX * (1.5 if roomy else 1.0)
    shown, ys = _layout(sizes, max_nodes, DY * (1.35 if roomy else 1.0))
    lowest, top = min(min(y) for y in ys) - R, max(max(y) for y in ys) + R
    below = 0.6 if trace is not None else 0.0              # room for z and a under the nodes
    bias_y = lowest - below - 0.45 if net.bias else None    # the row of "+1" units
    caption_y = (bias_y - 0.3) if net.bias else (lowest - below - 0.1)
    xlim, ylim = (-1.0, L * dx + 1.0), (caption_y - 1.0, top + 0.1)
    scale = 0.72 if max(map(len, shown)) <= 4 else 0.58          # inches per data unit
    ax = _axes(ax, figsize=(scale * np.ptp(xlim), scale * np.ptp(ylim) + 0.4))
    ax.set(xlim=xlim, ylim=ylim, aspect="equal")
    ax.set_axis_off()
    ax.apply_aspect()
    pts = (ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]) * 72 / ax.figure.dpi
    fontsize = float(np.clip(0.21 * pts, 6, 11))
    text_size = (0.6 * fontsize / pts, 1.2 * fontsize / pts)  # one character's width, a line's height
    boxes = _Boxes()
    _draw_nodes(ax, net, shown, ys, dx, _node_names(sizes, node_names), trace, boxes, fontsize, text_size)
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
    ax.set_title(title or f"Network {'-'.join(map(str, sizes))}", fontsize=fontsize * 1.2)
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
        text = f"{w:.2f}" if g is None else f"{w:.2f}\ng = {g:.3g}"
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
    what = "gradient dL/dw" if (mode == "width" and with_gradients) else "weight"
    if mode == "labels":
        note = ("numbers: weights" + (" and biases" if bias else "")
                + (", g = dL/dw" if with_gradients else ""))
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
    z = np.asarray(z, dtype=float)
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
    ax = _axes(ax, figsize=(6, 4))
    act = get_activation(name)
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
