"""viz.network_diagram: the network diagram with its forward pass and gradients, its marks, and
the checks of what it is given.  Diagram texts carry a gid ("weight label", "node", ...), so the
tests can count them."""
import itertools

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nn_helpers import MLP, examples
from nn_helpers.viz.network_diagram import (inches_per_unit, mark_edges, node_labels, plot_network,
                                            update_network_trace)

pytestmark = pytest.mark.filterwarnings("error")


def ax():
    return Figure().add_subplot()


def gids(ax, gid):
    return [a for a in ax.get_children() if a.get_gid() == gid]


def texts(ax, gid):
    return [t.get_text() for t in gids(ax, gid)]


def assert_no_overlap(ax, gid_list):
    """No two texts with these gids overlap on the rendered figure."""
    ax.figure.canvas.draw()
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for g in gid_list for t in gids(ax, g)]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), f"labels overlap: {a} and {b}"


def test_mazur_diagram_writes_every_weight_bias_and_the_forward_pass():
    net, x, t = examples.mazur_example()
    ax = plot_network(net, trace=net.forward_trace(x))
    assert ax.get_title()
    assert len(gids(ax, "node")) == 6 and len(gids(ax, "bias unit")) == 2
    assert sorted(texts(ax, "weight label")) == ["0.15", "0.20", "0.25", "0.30",     # w1..w4
                                                 "0.40", "0.45", "0.50", "0.55"]     # w5..w8
    assert sorted(texts(ax, "bias label")) == ["0.35", "0.35", "0.60", "0.60"]
    trace = texts(ax, "trace")
    assert len(trace) == 6
    assert "z = 0.3775\na = 0.5933" in trace           # Mazur: net_h1 = 0.3775, out_h1 = 0.593269992
    assert "z = 1.1059\na = 0.7514" in trace           # out_o1 = 0.75136507
    captions = [t.get_text() for t in ax.texts]
    assert "input layer" in captions and "output layer\n(sigmoid)" in captions
    assert_no_overlap(ax, ["weight label", "bias label", "trace"])


def test_mazur_diagram_with_gradients_writes_them_under_the_weights():
    net, x, t = examples.mazur_example()
    dW, db = net.gradients(x, t)
    ax = plot_network(net, trace=net.forward_trace(x), gradients=(dW, db))
    assert "0.40\ng = 0.0822" in texts(ax, "weight label")     # Mazur: dE/dw5 = 0.082167041
    assert_no_overlap(ax, ["weight label", "bias label", "trace"])


def test_boolean_diagram_has_no_bias_units_and_nine_plus_three_labels():
    net, X, y = examples.boolean_example()
    ax = plot_network(net, trace=net.forward_trace(np.array([1.0, 0.0, 1.0])))
    assert len(gids(ax, "node")) == 7
    assert gids(ax, "bias unit") == [] and gids(ax, "bias label") == []
    assert len(gids(ax, "weight label")) == 12
    assert_no_overlap(ax, ["weight label", "trace"])


def test_larger_nets_show_weights_by_edge_width_and_colour():
    net = MLP([2, 8, 8, 1], activation="tanh", seed=0)
    ax = plot_network(net)
    assert len(gids(ax, "node")) == 19 and len(gids(ax, "bias unit")) == 3
    assert gids(ax, "weight label") == []
    widths = [line.get_linewidth() for line in ax.lines]
    assert len(widths) == 2 * 8 + 8 * 8 + 8 + (8 + 8 + 1) and max(widths) > 3 > 0.5 > min(widths)
    assert "edge width: size of the weight" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_wide_layers_are_cut_to_their_first_and_last_units():
    net = MLP([64, 16, 10], loss="cross_entropy", seed=0)
    ax = plot_network(net, max_nodes=10)
    assert len(gids(ax, "node")) == 10 + 10 + 10
    assert {"64 units", "16 units"} <= {t.get_text() for t in ax.texts}


def test_plot_network_rejects_what_it_cannot_draw():
    net, x, t = examples.mazur_example()
    with pytest.raises(ValueError, match="one example"):
        plot_network(net, trace=net.forward_trace(np.array([x, x])))
    with pytest.raises(ValueError, match="show_weights"):
        plot_network(net, show_weights="numbers")
    with pytest.raises(ValueError, match="shaped like"):
        plot_network(net, gradients=([np.zeros((2, 2))], [np.zeros(2)]))


@pytest.mark.parametrize("show_weights", ["labels", "width"])
def test_the_gradient_diagrams_legend_writes_dE_dw_as_notebook_07_does(show_weights):
    net, x, t = examples.mazur_example()
    ax = plot_network(net, trace=net.forward_trace(x), gradients=net.gradients(x, t), show_weights=show_weights)
    legend = " ".join(text.get_text() for text in ax.get_legend().get_texts())
    assert "dE/dw" in legend and "dL/dw" not in legend
    plt.close("all")


def test_a_hidden_gradient_reads_g_question_mark():
    """Notebook 07 leaves w7's gradient (exercise 07.1's answer) off its diagram: "g = ?"."""
    net, x, t = examples.mazur_example()
    grads = net.gradients(x, t)
    before = [g.copy() for g in grads[0]]
    ax = plot_network(net, gradients=grads, hide_gradients=[(2, 1, 0)])       # w7: to o2, from h1
    labels = [text.get_text() for text in ax.texts if text.get_gid() == "weight label"]
    assert "0.50\ng = ?" in labels and not any("-0.0226" in s for s in labels)
    assert "0.40\ng = 0.0822" in labels and "0.55\ng = -0.0227" in labels    # w5 and w8 as before
    assert all(np.array_equal(g, b) for g, b in zip(grads[0], before))          # the caller's arrays unchanged
    plt.close("all")


# ---------------------------------------------------------------- the forward-pass explorer's pieces (notebook 04)

def test_update_network_trace_rewrites_the_notes_in_place():
    net, x, _ = examples.mazur_example()
    ax = plot_network(net, trace=net.forward_trace(x))
    before = len(ax.get_children())
    update_network_trace(ax, net, net.forward_trace([0.5, 0.1]))
    # 0.15 * 0.5 + 0.20 * 0.1 + 0.35 = 0.445, sigmoid(0.445) = 0.6094
    assert "z = 0.4450\na = 0.6094" in texts(ax, "trace") and "a = 0.5" in texts(ax, "trace")
    assert len(ax.get_children()) == before                          # the same artists, new text
    assert texts(ax, "trace") == texts(plot_network(net, trace=net.forward_trace([0.5, 0.1])), "trace")


def test_update_network_trace_needs_a_diagram_drawn_with_a_trace():
    net, x, _ = examples.mazur_example()
    with pytest.raises(ValueError, match="drawn with a trace"):
        update_network_trace(plot_network(net), net, net.forward_trace(x))
    with pytest.raises(ValueError, match="trace must be net.forward_trace"):
        update_network_trace(plot_network(net, trace=net.forward_trace(x)), net, None)


def test_node_labels_are_the_defaults_or_the_names_given():
    net = MLP([3, 4, 1])
    assert node_labels(net)[0] == ["$x_{1}$", "$x_{2}$", "$x_{3}$"] and node_labels(net)[2] == ["$o_{1}$"]
    assert node_labels(MLP([2, 3, 3, 1]))[2][0] == "$h^{(2)}_{1}$"
    names = [["a", "b", "c"], ["h", "i", "j", "k"], ["y"]]
    assert node_labels(net, names) is names
    with pytest.raises(ValueError, match=r"sized \[3, 4, 1\]"):
        node_labels(net, [["a"], ["h"], ["y"]])


def test_inches_per_unit_is_larger_for_small_layers():
    assert inches_per_unit(MLP([2, 4, 1])) == 0.72 and inches_per_unit(MLP([2, 5, 1])) == 0.58
    assert inches_per_unit(MLP([2, 12, 1]), max_nodes=4) == 0.72                 # 4 of the 12 shown


# ---------------------------------------------------------------- marks on the diagram (notebook 07)

def highlighted(ax, gid="highlight"):
    return [np.c_[line.get_xdata(), line.get_ydata()] for line in ax.lines if line.get_gid() == gid]


def test_mark_edges_moves_the_highlight():
    net, x, t = examples.mazur_example()
    ax = plot_network(net)
    mark_edges(ax, net, (2, 0, 0), [])
    first = highlighted(ax)
    mark_edges(ax, net, (1, 0, 0), [(2, 0, 0), (2, 1, 0)])
    assert len(highlighted(ax)) == 1 and len(highlighted(ax, "highlight path")) == 2
    assert not np.allclose(first[0], highlighted(ax)[0])
    plt.close("all")


def test_mark_edges_needs_every_node_drawn():
    net = MLP([2, 12, 1])
    ax = plot_network(net, max_nodes=6)
    with pytest.raises(ValueError, match="every node"):
        mark_edges(ax, net, (1, 0, 0))
    plt.close("all")


# ---------------------------------------------------------------- what it is given

def test_network_diagram_arguments():
    net, x, t = examples.mazur_example()
    with pytest.raises(TypeError, match=r"net must be an MLP \(nn_helpers.MLP\); got list \[2, 2, 2\]"):
        plot_network([2, 2, 2])
    with pytest.raises(ValueError, match="trace must be net.forward_trace"):
        plot_network(net, ax(), trace={"a": 1})
    with pytest.raises(TypeError, match=r"gradients must be \(dW, db\) .*; got float 2.5"):
        plot_network(net, ax(), gradients=2.5)
    with pytest.raises(ValueError, match="show_weights must be one of 'auto', 'labels', 'width'"):
        plot_network(net, ax(), show_weights=np.zeros(3))
    with pytest.raises(TypeError, match="node_names must be a list of name lists, one per layer; got int 7"):
        plot_network(net, ax(), node_names=7)
    with pytest.raises(ValueError, match=r"node_names needs one list of names per layer, sized \[2, 2, 2\]"):
        plot_network(net, ax(), node_names=[["a", "b"], ["c"], ["d", "e"]])
    with pytest.raises(ValueError, match="max_nodes must be an integer >= 2; got -7"):
        plot_network(net, ax(), max_nodes=-7)
    assert not plt.get_fignums()                    # refused before a figure was made


def test_a_title_that_is_not_text_is_shown_as_text():
    net = examples.mazur_example()[0]
    assert plot_network(net, ax(), title=np.zeros(0)).get_title() == "[]"
    assert plot_network(net, ax(), title="").get_title() == "Network 2-2-2"      # "" as None


def test_mark_edges_arguments():
    net = examples.mazur_example()[0]
    picture = plot_network(net, ax())
    with pytest.raises(TypeError, match="ax must be the Axes of a plot_network picture; got str"):
        mark_edges("ax", net, (2, 0, 0))
    with pytest.raises(TypeError, match="net must be an MLP"):
        mark_edges(picture, None, (2, 0, 0))
    with pytest.raises(TypeError, match=r"edge must be \(l, j, k\): the weight to node j of layer l \(1 to 2\)"):
        mark_edges(picture, net, 5)
    with pytest.raises(ValueError, match=r"nodes counted from 0 \(layer sizes \[2, 2, 2\]\); got \(3, 0, 0\)"):
        mark_edges(picture, net, (3, 0, 0))
    with pytest.raises(TypeError, match="edge must be an integer >= 0; got str 'a'"):
        mark_edges(picture, net, ("a", 0, 0))
    with pytest.raises(TypeError, match="paths must be a list of .* edges; got dict"):
        mark_edges(picture, net, (2, 0, 0), paths={"a": 1})
    with pytest.raises(ValueError, match=r"paths\[1\] must be \(l, j, k\).*got \(1, 2, 0\)"):
        mark_edges(picture, net, (2, 0, 0), paths=[(1, 0, 0), (1, 2, 0)])


def test_hide_gradients_arguments():
    net, x, t = examples.mazur_example()
    grads = net.gradients(x, t)
    with pytest.raises(TypeError, match=r"hide_gradients must be a list of edges \(l, j, k\); got int 7"):
        plot_network(net, ax(), gradients=grads, hide_gradients=7)
    with pytest.raises(TypeError, match=r"hide_gradients must be \(l, j, k\)"):
        plot_network(net, ax(), gradients=grads, hide_gradients=(2, 1, 0))    # one edge, not a list
    with pytest.raises(ValueError, match=r"hide_gradients must be \(l, j, k\).*got \(3, 0, 0\)"):
        plot_network(net, ax(), gradients=grads, hide_gradients=[(3, 0, 0)])
    with pytest.raises(ValueError, match="hide_gradients needs gradients written as labels"):
        plot_network(net, ax(), hide_gradients=[(2, 1, 0)])
    with pytest.raises(ValueError, match="hide_gradients needs gradients written as labels"):
        plot_network(net, ax(), gradients=grads, show_weights="width", hide_gradients=[(2, 1, 0)])
    assert not plt.get_fignums()
