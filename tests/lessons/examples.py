"""Worked examples the tests of lessons, viz and widgets share."""
from nn_helpers.autodiff import Value


def neuron_graph():
    """E = 1/2 (sigma(w x + b) - t)^2 with labels, after backward(): 13 nodes (notebook 06's section 4).

    a - t is built as a + (-t), with -t = t * (-1), as Value's subtraction does (checked below)."""
    x, w, b, t = Value(1.5, label="x"), Value(0.8, label="w"), Value(-0.2, label="b"), Value(1.0, label="t")
    xw = w * x
    z = xw + b
    a = z.sigmoid()
    minus_t = t * Value(-1.0, label="−1")
    d = a + minus_t
    sq = d ** 2
    E = Value(0.5, label="½") * sq
    for v, name in ((xw, "w·x"), (z, "z"), (a, "a"), (minus_t, "−t"), (d, "a − t"), (sq, "(a − t)²"), (E, "E")):
        v.label = name
    E.backward()
    return E, dict(x=x, w=w, b=b, t=t, z=z, a=a, E=E)
