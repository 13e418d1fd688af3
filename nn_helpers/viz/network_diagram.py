"""The network diagram (notebooks 01, 02, 04, 07): neurons as circles in layers, a "+1" bias unit
per layer, every weight an edge, with the forward pass (z and a) under the nodes and the
gradients under the weights when given.

Plain functions that draw on a matplotlib ``ax`` (a new figure when None) and return it.
Every artist a test or a widget needs to find carries a ``gid``: "node" (circles), "bias unit"
(squares), "weight label" and "bias label" (edge texts), "trace" (z and a under a node),
"highlight" and "highlight path" (``mark_edges``).
"""
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle, FancyBboxPatch

from .. import _checks as val
from .style import NEGATIVE, NODE_FACES, NODE_RADIUS as R, POSITIVE, new_axes, title_or

DX, DY = 3.0, 1.15                  # layer spacing, node spacing (data units)


# ---------------------------------------------------------------- checks of what a learner passes

def _picture(ax, of):
    """ax, if it is a matplotlib Axes: the picture ``of`` (a function's name) drew, to mark on."""
    return val.instance(ax, Axes, "ax", f"the Axes of a {of} picture")


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


def node_labels(net, node_names=None):
    """The node labels ``plot_network`` writes for net (an MLP): node_names (a list per layer, one
    label per node) checked against net.sizes, or for None the defaults x_1.., h_1.. (h^(l)_1..
    when there are more hidden layers), o_1.., in LaTeX.  Returns a list of label lists, one per layer."""
    sizes, names = val.network(net).sizes, node_names
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


def inches_per_unit(net, max_nodes=10):
    """The scale ``plot_network`` draws net (an MLP) at when it makes its own figure: inches per
    data unit, 0.72 when no layer shows more than 4 nodes (of at most ``max_nodes``), else 0.58."""
    net, max_nodes = val.network(net), val.positive_int(max_nodes, "max_nodes", minimum=2)
    shown, _ = _layout(net.sizes, max_nodes)
    return 0.72 if max(map(len, shown)) <= 4 else 0.58


def _note(trace, l, j):
    """The note under node j of layer l: its a (an input) or its z and a (a computed node)."""
    a = trace["a"][l][j]
    return f"a = {a:.4g}" if l == 0 else f"z = {trace['z'][l][j]:.4f}\na = {a:.4f}"


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
    net = val.network(net)
    trace, gradients = _check_trace(net, trace), _check_gradients(net, gradients)
    val.choice(show_weights, ("auto", "labels", "width"), "show_weights")
    if isinstance(hide_gradients, (str, bytes, dict)) or not np.iterable(hide_gradients):
        raise TypeError("hide_gradients must be a list of edges (l, j, k); "
                        f"got {type(hide_gradients).__name__} {hide_gradients!r:.60}")
    hidden = [_edge(net, e, "hide_gradients") for e in hide_gradients]
    names = node_labels(net, node_names)
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
    scale = inches_per_unit(net, max_nodes)
    # at least 5.6 inches wide: the legend's one row needs that much, even for a net like [2, 1]
    ax = new_axes(ax, figsize=(max(scale * np.ptp(xlim), 5.6), scale * np.ptp(ylim) + 0.4))
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
    ax.set_title(title_or(title, f"Network {'-'.join(map(str, sizes))}"), fontsize=fontsize * 1.2)
    return ax


def _draw_nodes(ax, net, shown, ys, dx, names, trace, boxes, fontsize, text_size):
    """Circles with their names; z and a under each node when a trace is given; "⋮" for hidden nodes."""
    L = len(net.sizes) - 1
    char_w, line_h = text_size
    for l, (idx, yl) in enumerate(zip(shown, ys)):
        face = NODE_FACES["input" if l == 0 else "output" if l == L else "hidden"]
        for j, y in zip(idx, yl):
            ax.add_patch(Circle((l * dx, y), R, facecolor=face, edgecolor="0.25", linewidth=1.2, zorder=3,
                                gid="node"))
            ax.text(l * dx, y, names[l][j], ha="center", va="center", fontsize=fontsize * 1.05, zorder=4)
            boxes.add(l * dx, y, 2 * R, 2 * R)
            if trace is None:
                continue
            text = _note(trace, l, j)
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


# ---------------------------------------------------------------- marks on a drawn diagram (notebooks 04, 07)

def mark_edges(ax, net, edge, paths=()):
    """Highlight one weight's edge (l, j, k) on a ``plot_network`` picture, and (lighter) the edges
    (l', j', k') its gradient flows back through.  A second call moves the marks (gid "highlight",
    "highlight path").  Needs every node drawn (layers of at most max_nodes).  Returns ax."""
    ax, net = _picture(ax, "plot_network"), val.network(net)
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



def update_network_trace(ax, net, trace, max_nodes=10):
    """Write another forward pass under the nodes of a ``plot_network`` picture drawn with a trace,
    in place (fast: for a slider).  trace : ``net.forward_trace(x)`` for one example x (n_in,);
    max_nodes : the one the picture was drawn with.  Returns ax."""
    ax, net = _picture(ax, "plot_network"), val.network(net)
    trace = _check_trace(net, trace)
    if trace is None:
        raise ValueError("trace must be net.forward_trace(x) for one example x; got None")
    shown, _ = _layout(net.sizes, val.positive_int(max_nodes, "max_nodes", minimum=2))
    cells = [(l, j) for l, idx in enumerate(shown) for j in idx]        # the nodes drawn, layer by layer
    notes = [text for text in ax.texts if text.get_gid() == "trace"]
    if len(notes) != len(cells):
        raise ValueError(f"ax must be a plot_network picture of this net drawn with a trace "
                         f"({len(cells)} notes under its nodes); got one with {len(notes)}")
    for text, (l, j) in zip(notes, cells):
        text.set_text(_note(trace, l, j))
    return ax


__all__ = ["inches_per_unit", "mark_edges", "node_labels", "plot_network", "update_network_trace"]
