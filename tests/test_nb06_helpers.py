"""Helpers added for notebook 06: plot_slope, graph_layout, plot_graph, slope_explorer, backprop_explorer."""
import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nn_helpers.autodiff import Value  # noqa: E402
from nn_helpers.diagrams import graph_layout, plot_graph, plot_slope  # noqa: E402
from nn_helpers.widgets import backprop_explorer, backprop_steps, slope_explorer  # noqa: E402

pytestmark = pytest.mark.filterwarnings("error")


def neuron_graph():
    """E = 1/2 (sigma(w x + b) - t)^2 with labels, after backward(): 11 nodes."""
    x, w, b, t = Value(1.5, label="x"), Value(0.8, label="w"), Value(-0.2, label="b"), Value(1.0, label="t")
    xw = w * x
    z = xw + b
    a = z.sigmoid()
    d = a - t
    sq = d ** 2
    E = Value(0.5, label="½") * sq
    for v, name in ((xw, "w·x"), (z, "z"), (a, "a"), (d, "a − t"), (sq, "(a − t)²"), (E, "E")):
        v.label = name
    E.backward()
    return E, dict(x=x, w=w, b=b, t=t, z=z, a=a, E=E)


def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_plot_slope_forward_and_central_secants():
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, name="x²")
    labels = ax.get_legend_handles_labels()[1]
    assert "secant, slope (f(x+h) − f(x)) / h = 6.1000" in labels          # (9.61 - 9) / 0.1
    assert "tangent, slope f'(x) = 6.0000" in labels
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, method="central")
    assert "secant, slope (f(x+h) − f(x−h)) / 2h = 6.0000" in ax.get_legend_handles_labels()[1]
    secant = [line for line in ax.lines if line.get_gid() == "secant"][0]
    x, y = secant.get_data()
    assert np.allclose(np.diff(y) / np.diff(x), 6.0)
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "f(x)" and "x = 3" in ax.get_title()
    with pytest.raises(ValueError, match="method"):
        plot_slope(np.sin, 0.0, 0.1, method="backward")


def test_graph_layout_places_inputs_left_of_their_users():
    E, n = neuron_graph()
    pos = graph_layout(E)
    assert len(pos) == 11 and list(pos)[-1] is E
    assert pos[n["w"]] == (0, 0) and pos[n["x"]] == (0, -1)      # both feed the product in column 1
    assert pos[n["b"]] == (1, -1) and pos[n["z"]] == (2, 0)
    assert pos[E] == (6, 0)
    for v, (c, _) in pos.items():
        assert all(pos[p][0] < c for p in v._prev)


def test_plot_graph_shows_values_and_gradients():
    E, n = neuron_graph()
    ax = plot_graph(E)
    assert len([p for p in ax.patches if p.get_gid() == "node"]) == 11
    assert len([p for p in ax.patches if p.get_gid() == "op"]) == 6
    assert "value 0.7311" in texts(ax, "value")                 # a = sigma(1)
    assert "grad -0.0793" in texts(ax, "grad")                  # dE/dw = (a - t) sigma'(z) x
    assert "grad -0.0529" in texts(ax, "grad")                  # dE/db = dE/dz
    assert ax.get_title().startswith("Computational graph of E")


def test_plot_graph_reveals_step_by_step():
    E, _ = neuron_graph()
    ax = plot_graph(E, forward=4, backward=0)
    assert len(texts(ax, "value")) == 4 and texts(ax, "grad") == []
    ax = plot_graph(E, backward=3)
    assert len(texts(ax, "value")) == 11
    assert texts(ax, "grad") == ["grad -0.2689", "grad 0.5000", "grad 1.0000"]   # a - t, (a - t)^2, E


def test_backprop_steps_forward_then_backward():
    E, _ = neuron_graph()
    steps = backprop_steps(E)
    assert len(steps) == 23
    assert steps[0] == (0, 0, "step 0: nothing computed yet")
    assert steps[11][:2] == (11, 0) and steps[11][2].startswith("forward step 11: E = 0.0362")
    assert steps[12] == (11, 1, "backward step 1: dE/dE = 1.0000")
    assert steps[-1][:2] == (11, 11)


def test_slope_explorer_updates_its_picture():
    e = slope_explorer()
    try:
        assert set(e.controls) == {"function", "x", "h", "method"}
        assert "x = 3, h = 1" in e.figure.axes[0].get_title()
        png = e.view.value
        e.update(h=0.01, method="central", function="sin x", x=1.0)
        ax = e.figure.axes[0]
        assert "f(x) = sin x at x = 1, h = 0.01 (central" in ax.get_title()
        assert "tangent, slope f'(x) = 0.5403" in ax.get_legend_handles_labels()[1]      # cos(1)
        assert e.view.value != png
        with pytest.raises(ValueError, match="between -3 and 3"):
            e.update(x=7.0)
    finally:
        e.close()
    with pytest.raises(ValueError, match="unknown function"):
        slope_explorer(function="cos")
    with pytest.raises(ValueError, match="h must be between"):
        slope_explorer(h=5.0)


def test_backprop_explorer_steps_through_the_graph():
    E, _ = neuron_graph()
    e = backprop_explorer(E)
    try:
        assert e.controls["step"].max == 22 and e.controls["step"].value == 22
        e.update(step=12)
        ax = e.figure.axes[0]
        assert ax.get_title() == "backward step 1: dE/dE = 1.0000"
        assert texts(ax, "grad") == ["grad 1.0000"]
        e.update(step=0)
        assert texts(e.figure.axes[0], "value") == []
        assert bytes(e.snapshot().data).startswith(b"\x89PNG")
    finally:
        e.close()
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 22"):
        backprop_explorer(E, step=23)
