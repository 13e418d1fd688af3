"""The chain rule, step by step (notebooks 06 and 07).

``chain_rule_factors`` writes every weight's gradient for one example as the product of its
three chain-rule factors, dE/dw = dE/dout_j x dout_j/dnet_j x dnet_j/dw, with the numbers of
Mazur's worked example (out = a, net = z).  The forward pass is ``MLP.forward_trace`` and the
deltas come from the core's backprop (``MLP.gradients``), so the factors are the core's numbers,
taken apart.  ``backprop_steps`` lists the forward and backward steps through a ``Value`` graph.
"""
import numpy as np

from .. import _checks as val
from ..autodiff import topological_order
from ..losses import get_loss
from ..network import MLP


def _plain_names(sizes):
    """Node names as plain text: x1, h1, o1 for one hidden layer; x1, h1_1, h2_1, ..., o1 for more."""
    L = len(sizes) - 1
    return [[f"x{j + 1}" if l == 0 else f"o{j + 1}" if l == L else
             (f"h{j + 1}" if L == 2 else f"h{l}_{j + 1}") for j in range(n)] for l, n in enumerate(sizes)]


def _deltas(net, x, t):
    """delta^(l) = dE/dnet^(l) (n_l,) for one example, l = 1..L, from the core's backprop: for one
    example the bias gradient dE/db^(l) is delta^(l) (BP4).  A network without biases is copied
    with its (zero) biases trainable: the same forward pass, and the deltas as bias gradients."""
    if not net.bias:
        net = MLP(net.sizes, net.hidden.name, net.output.name, net.loss_name,
                  weights=net.weights, biases=net.biases)
    _, db = net.gradients(x, t)
    return {l: db[l - 1] for l in range(1, len(net.sizes))}


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
    net, lr = val.network(net), val.real_number(lr, "lr")
    if not net.output.elementwise:
        raise ValueError("chain_rule_factors needs an elementwise output activation (not softmax)")
    x = val.as_float_array(x, "x")
    trace = net.forward_trace(x)                                    # z^(l) and a^(l), layer by layer
    t = val.as_float_array(t, "t")
    if t.size != net.sizes[-1]:
        raise ValueError(f"t must be one target of {net.sizes[-1]} number(s) for this network; got shape {t.shape}")
    t = t.reshape(net.sizes[-1])
    deltas = _deltas(net, x, t)
    names, L = _plain_names(net.sizes), len(net.sizes) - 1
    first = np.cumsum([0] + [W.size for W in net.weights])          # number of w1 in each layer
    wname = lambda l, j, k: f"w{first[l - 1] + j * net.sizes[l - 1] + k + 1}"  # noqa: E731
    records = []
    for l in range(L, 0, -1):
        act = net.output if l == L else net.hidden
        if l == L:                                                  # dE/dout of the outputs: the loss's slope
            dE_da = get_loss(net.loss_name).grad(t, trace["a"][L])
        else:                                                       # sum over the paths to layer l+1
            dE_da = net.weights[l].T @ deltas[l + 1]
        slopes = act.prime(trace["z"][l])                           # dout/dnet, (n_l,)
        for j in range(net.sizes[l]):
            target = names[l][j]
            paths = None if l == L else [
                (names[l + 1][i], float(deltas[l + 1][i]), wname(l + 1, i, j),
                 float(net.weights[l][i, j]), float(deltas[l + 1][i] * net.weights[l][i, j]))
                for i in range(net.sizes[l + 1])]
            for k in range(net.sizes[l - 1]):
                name, source = wname(l, j, k), names[l - 1][k]
                factors = [(f"∂E/∂out_{target}", float(dE_da[j])),
                           (f"∂out_{target}/∂net_{target}", float(slopes[j])),
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


def backprop_steps(root):
    """The steps of a walk through a ``Value`` graph: step 0 shows nothing, steps 1..n reveal the
    values in topological order (the forward pass), steps n+1..2n the gradients from the root back.
    Returns a list of (forward, backward, caption), 2n + 1 long; call ``root.backward()`` first."""
    order = topological_order(root)
    n, name = len(order), root.label or "the result"
    steps = [(0, 0, "step 0: nothing computed yet")]
    for i, v in enumerate(order, start=1):
        how = "an input" if not v._prev else f"computed by {v._op}"
        steps.append((i, 0, f"forward step {i}: {v.label or 'node'} = {v.data:.4f} ({how})"))
    for i, v in enumerate(reversed(order), start=1):
        steps.append((n, i, f"backward step {i}: d{name}/d{v.label or 'node'} = {v.grad:.4f}"))
    return steps


__all__ = ["backprop_steps", "chain_rule_factors", "factors_text"]
