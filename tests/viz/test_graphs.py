"""viz.graphs: a computational graph with its values and gradients, step by step (notebook 06)."""
import pytest
from matplotlib.figure import Figure

from nn_helpers.autodiff import Value
from nn_helpers.viz.graphs import graph_layout, plot_graph
from tests.lessons.examples import neuron_graph

pytestmark = pytest.mark.filterwarnings("error")


def ax():
    return Figure().add_subplot()


def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_graph_layout_places_inputs_left_of_their_users():
    E, n = neuron_graph()
    pos = graph_layout(E)
    assert len(pos) == 13 and list(pos)[-1] is E
    assert pos[n["w"]] == (0, 0) and pos[n["x"]] == (0, -1)      # both feed the product in column 1
    assert pos[n["t"]] == (0, -2)                                # t and -1 feed -t = t * (-1), also in column 1
    assert pos[n["b"]] == (1, -2) and pos[n["z"]] == (2, 0)      # column 1: w·x, -t, then the leaf b
    assert pos[E] == (6, 0)
    for v, (c, _) in pos.items():
        assert all(pos[p][0] < c for p in v._prev)


def test_plot_graph_shows_values_and_gradients():
    E, n = neuron_graph()
    ax = plot_graph(E)
    assert len([p for p in ax.patches if p.get_gid() == "node"]) == 13
    assert len([p for p in ax.patches if p.get_gid() == "op"]) == 7
    assert "value 0.7311" in texts(ax, "value")                 # a = sigma(1)
    assert "grad -0.0793" in texts(ax, "grad")                  # dE/dw = (a - t) sigma'(z) x
    assert "grad -0.0529" in texts(ax, "grad")                  # dE/db = dE/dz
    assert ax.get_title().startswith("Computational graph of E")


def test_plot_graph_reveals_step_by_step():
    E, _ = neuron_graph()
    ax = plot_graph(E, forward=4, backward=0)
    assert len(texts(ax, "value")) == 4 and texts(ax, "grad") == []
    ax = plot_graph(E, backward=3)
    assert len(texts(ax, "value")) == 13
    assert texts(ax, "grad") == ["grad -0.2689", "grad 0.5000", "grad 1.0000"]   # a - t, (a - t)^2, E


def test_graph_arguments():
    with pytest.raises(TypeError, match=r"root must be a Value; got \['a', 'b'\]"):
        graph_layout(["a", "b"])
    with pytest.raises(TypeError, match="root must be a Value; got None"):
        plot_graph(None)
    E = (Value(2.0, label="a") * Value(-3.0, label="b")).tanh()
    E.backward()
    with pytest.raises(TypeError, match="forward must be an integer >= 0; got float 2.5"):
        plot_graph(E, ax(), forward=2.5)
    with pytest.raises(ValueError, match="backward must be an integer >= 0; got -7"):
        plot_graph(E, ax(), backward=-7)
    assert len([t for t in plot_graph(E, ax(), forward=99).texts if t.get_gid() == "value"]) == 4


def test_a_graph_of_any_value_like_class_is_drawn():
    """Notebook 06 draws the graph its own Value class recorded: anything with _prev, _op, data,
    grad and label is a graph (the check is for _prev, not for nn_helpers' class)."""
    class Node:
        def __init__(self, data, prev=(), op="", label=""):
            self.data, self.grad, self._prev, self._op, self.label = data, 0.0, prev, op, label

    a, b = Node(2.0, label="a"), Node(3.0, label="b")
    root = Node(6.0, (a, b), "*", "E")
    assert graph_layout(root) == {a: (0, 0), b: (0, -1), root: (1, 0)}
    assert len([p for p in plot_graph(root, ax()).patches if p.get_gid() == "node"]) == 3
