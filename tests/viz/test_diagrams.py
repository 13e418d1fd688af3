"""diagrams: a wrong type, shape, name or range gets a message saying what was expected and what came.

(What the drawings show is tested with the notebooks that use them: tests/test_plotting.py,
test_nb01_helpers.py, test_nb06_helpers.py, test_nb07_helpers.py.)
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nn_helpers import examples
from nn_helpers.viz import diagrams
from nn_helpers.autodiff import Value


def ax():
    return Figure().add_subplot()


def test_network_diagram_arguments():
    net, x, t = examples.mazur_example()
    with pytest.raises(TypeError, match=r"net must be an MLP \(nn_helpers.MLP\); got list \[2, 2, 2\]"):
        diagrams.plot_network([2, 2, 2])
    with pytest.raises(ValueError, match="trace must be net.forward_trace"):
        diagrams.plot_network(net, ax(), trace={"a": 1})
    with pytest.raises(TypeError, match=r"gradients must be \(dW, db\) .*; got float 2.5"):
        diagrams.plot_network(net, ax(), gradients=2.5)
    with pytest.raises(ValueError, match="show_weights must be one of 'auto', 'labels', 'width'"):
        diagrams.plot_network(net, ax(), show_weights=np.zeros(3))
    with pytest.raises(TypeError, match="node_names must be a list of name lists, one per layer; got int 7"):
        diagrams.plot_network(net, ax(), node_names=7)
    with pytest.raises(ValueError, match=r"node_names needs one list of names per layer, sized \[2, 2, 2\]"):
        diagrams.plot_network(net, ax(), node_names=[["a", "b"], ["c"], ["d", "e"]])
    with pytest.raises(ValueError, match="max_nodes must be an integer >= 2; got -7"):
        diagrams.plot_network(net, ax(), max_nodes=-7)
    assert not plt.get_fignums()                    # refused before a figure was made


def test_a_title_that_is_not_text_is_shown_as_text():
    net = examples.mazur_example()[0]
    assert diagrams.plot_network(net, ax(), title=np.zeros(0)).get_title() == "[]"
    assert diagrams.plot_network(net, ax(), title="").get_title() == "Network 2-2-2"      # "" as None


def test_activation_arguments():
    with pytest.raises(TypeError, match="z must be numeric .*; got str 'abc'"):
        diagrams.activation_curves("tanh", "abc")
    with pytest.raises(ValueError, match=r"z must be a 1-D array of at least 2 numbers; got shape \(\)"):
        diagrams.plot_activation("tanh", ax(), z=2.5)
    with pytest.raises(ValueError, match="z must be sorted"):
        diagrams.plot_activation("tanh", ax(), z=[1.0, 0.0, 2.0])
    with pytest.raises(TypeError, match="mark must be a number; got str 'abc'"):
        diagrams.plot_activation("tanh", ax(), mark="abc")
    picture = diagrams.plot_activation("tanh", ax())
    with pytest.raises(TypeError, match="ax must be the Axes of a plot_activation picture; got NoneType"):
        diagrams.mark_activation(None, "tanh", 0.5)
    with pytest.raises(ValueError, match="z0 must be finite; got nan"):
        diagrams.mark_activation(picture, "tanh", float("nan"))


def test_chain_rule_arguments():
    net, x, t = examples.mazur_example()
    with pytest.raises(TypeError, match="net must be an MLP"):
        diagrams.chain_rule_factors("mazur", x, t)
    with pytest.raises(TypeError, match="x must be numeric"):
        diagrams.chain_rule_factors(net, "abc", t)
    with pytest.raises(ValueError, match=r"t must be one target of 2 number\(s\) for this network; got shape \(\)"):
        diagrams.chain_rule_factors(net, x, -7)
    with pytest.raises(TypeError, match="lr must be a number; got NoneType None"):
        diagrams.chain_rule_factors(net, x, t, lr=None)
    record = diagrams.chain_rule_factors(net, x, t)[0]
    with pytest.raises(TypeError, match=r"record must be one record of chain_rule_factors \(a dict\); got list"):
        diagrams.factors_text([record])
    with pytest.raises(ValueError, match=r"got a dict without \['name', 'source'"):
        diagrams.factors_text({"a": 1})
    with pytest.raises(TypeError, match="lr must be a number; got ndarray"):
        diagrams.factors_text(record, lr=np.zeros(3))


def test_mark_edges_arguments():
    net = examples.mazur_example()[0]
    picture = diagrams.plot_network(net, ax())
    with pytest.raises(TypeError, match="ax must be the Axes of a plot_network picture; got str"):
        diagrams.mark_edges("ax", net, (2, 0, 0))
    with pytest.raises(TypeError, match="net must be an MLP"):
        diagrams.mark_edges(picture, None, (2, 0, 0))
    with pytest.raises(TypeError, match=r"edge must be \(l, j, k\): the weight to node j of layer l \(1 to 2\)"):
        diagrams.mark_edges(picture, net, 5)
    with pytest.raises(ValueError, match=r"nodes counted from 0 \(layer sizes \[2, 2, 2\]\); got \(3, 0, 0\)"):
        diagrams.mark_edges(picture, net, (3, 0, 0))
    with pytest.raises(TypeError, match="edge must be an integer >= 0; got str 'a'"):
        diagrams.mark_edges(picture, net, ("a", 0, 0))
    with pytest.raises(TypeError, match="paths must be a list of .* edges; got dict"):
        diagrams.mark_edges(picture, net, (2, 0, 0), paths={"a": 1})
    with pytest.raises(ValueError, match=r"paths\[1\] must be \(l, j, k\).*got \(1, 2, 0\)"):
        diagrams.mark_edges(picture, net, (2, 0, 0), paths=[(1, 0, 0), (1, 2, 0)])


def test_slope_arguments():
    with pytest.raises(TypeError, match=r"f must be a function of an ndarray \(e.g. np.sin\); got str 'abc'"):
        diagrams.plot_slope("abc", 1.0, 0.5)
    with pytest.raises(TypeError, match="f_prime must be a function"):
        diagrams.plot_slope(np.sin, 1.0, 0.5, f_prime=2.5)
    with pytest.raises(TypeError, match="x must be a number; got dict"):
        diagrams.plot_slope(np.sin, {"a": 1}, 0.5)
    with pytest.raises(ValueError, match="h must be > 0; got -7.0"):
        diagrams.plot_slope(np.sin, 1.0, -7)
    with pytest.raises(ValueError, match="method must be one of 'forward', 'central'"):
        diagrams.plot_slope(np.sin, 1.0, 0.5, method="backward")
    with pytest.raises(ValueError, match=r"xlim must be \(low, high\) with low < high; got \(4, -4\)"):
        diagrams.plot_slope(np.sin, 1.0, 0.5, xlim=(4, -4))
    assert not plt.get_fignums()


def test_graph_arguments():
    with pytest.raises(TypeError, match=r"root must be a Value; got \['a', 'b'\]"):
        diagrams.graph_layout(["a", "b"])
    with pytest.raises(TypeError, match="root must be a Value; got None"):
        diagrams.plot_graph(None)
    E = (Value(2.0, label="a") * Value(-3.0, label="b")).tanh()
    E.backward()
    with pytest.raises(TypeError, match="forward must be an integer >= 0; got float 2.5"):
        diagrams.plot_graph(E, ax(), forward=2.5)
    with pytest.raises(ValueError, match="backward must be an integer >= 0; got -7"):
        diagrams.plot_graph(E, ax(), backward=-7)
    assert len([t for t in diagrams.plot_graph(E, ax(), forward=99).texts if t.get_gid() == "value"]) == 4


def test_a_graph_of_any_value_like_class_is_drawn():
    """Notebook 06 draws the graph its own Value class recorded: anything with _prev, _op, data,
    grad and label is a graph (the check is for _prev, not for nn_helpers' class)."""
    class Node:
        def __init__(self, data, prev=(), op="", label=""):
            self.data, self.grad, self._prev, self._op, self.label = data, 0.0, prev, op, label

    a, b = Node(2.0, label="a"), Node(3.0, label="b")
    root = Node(6.0, (a, b), "*", "E")
    assert diagrams.graph_layout(root) == {a: (0, 0), b: (0, -1), root: (1, 0)}
    assert len([p for p in diagrams.plot_graph(root, ax()).patches if p.get_gid() == "node"]) == 3


def test_artificial_neuron_inputs():
    with pytest.raises(TypeError, match="n_inputs must be an integer >= 1; got float 2.5"):
        diagrams.plot_artificial_neuron(ax(), n_inputs=2.5)
    with pytest.raises(ValueError, match="n_inputs must be from 1 to 5"):
        diagrams.plot_artificial_neuron(ax(), n_inputs=6)
    assert not plt.get_fignums()


def test_hide_gradients_arguments():
    net, x, t = examples.mazur_example()
    grads = net.gradients(x, t)
    with pytest.raises(TypeError, match=r"hide_gradients must be a list of edges \(l, j, k\); got int 7"):
        diagrams.plot_network(net, ax(), gradients=grads, hide_gradients=7)
    with pytest.raises(TypeError, match=r"hide_gradients must be \(l, j, k\)"):
        diagrams.plot_network(net, ax(), gradients=grads, hide_gradients=(2, 1, 0))    # one edge, not a list
    with pytest.raises(ValueError, match=r"hide_gradients must be \(l, j, k\).*got \(3, 0, 0\)"):
        diagrams.plot_network(net, ax(), gradients=grads, hide_gradients=[(3, 0, 0)])
    with pytest.raises(ValueError, match="hide_gradients needs gradients written as labels"):
        diagrams.plot_network(net, ax(), hide_gradients=[(2, 1, 0)])
    with pytest.raises(ValueError, match="hide_gradients needs gradients written as labels"):
        diagrams.plot_network(net, ax(), gradients=grads, show_weights="width", hide_gradients=[(2, 1, 0)])
    assert not plt.get_fignums()
