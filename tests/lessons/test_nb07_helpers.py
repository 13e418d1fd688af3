"""Notebook 07's helpers: chain-rule factors per edge, and the backprop stepper widget.

Mazur's 2-2-2 example: dE/dw5 = 0.74136507 x 0.186815602 x 0.593269992 = 0.082167041;
dE/dw1 = (0.055399425 - 0.019049118) x 0.241300709 x 0.05 = 0.000438568.
"""
import matplotlib.pyplot as plt
import numpy as np
import pytest

from nn_helpers import MLP, examples
from nn_helpers.viz.diagrams import chain_rule_factors, factors_text, mark_edges, plot_network
from nn_helpers.widgets.explorers import backprop_stepper

pytestmark = pytest.mark.filterwarnings("error")


def by_name(records):
    return {r["name"]: r for r in records}


def test_mazur_factors_are_the_published_numbers():
    net, x, t = examples.mazur_example()
    r = by_name(chain_rule_factors(net, x, t))
    assert [v for _, v in r["w5"]["factors"]] == pytest.approx([0.74136507, 0.186815602, 0.593269992], abs=5e-9)
    assert r["w5"]["gradient"] == pytest.approx(0.082167041, abs=5e-10)
    assert r["w5"]["new_weight"] == pytest.approx(0.35891648, abs=5e-9)
    assert [p[4] for p in r["w1"]["paths"]] == pytest.approx([0.055399425, -0.019049118], abs=5e-10)
    assert [p[2] for p in r["w1"]["paths"]] == ["w5", "w7"]
    assert r["w1"]["gradient"] == pytest.approx(0.000438568, abs=5e-10)
    assert r["w1"]["new_weight"] == pytest.approx(0.149780716, abs=5e-10)
    assert (r["w6"]["source"], r["w6"]["target"], r["w3"]["source"], r["w3"]["target"]) == ("h2", "o1", "x1", "h2")


@pytest.mark.parametrize("make", [
    lambda: examples.mazur_example(),
    lambda: (examples.boolean_example()[0], np.array([1.0, 0.0, 1.0]), np.array([0.0])),
    lambda: (MLP([3, 4, 3, 2], activation="tanh", seed=1), np.array([0.5, -1.0, 2.0]), np.array([0.2, 0.9])),
])
def test_factors_multiply_to_the_backprop_gradients(make):
    net, x, t = make()
    dW, _ = net.gradients(x, t)
    records = chain_rule_factors(net, x, t, lr=0.1)
    assert len(records) == sum(W.size for W in net.weights)
    assert [r["layer"] for r in records] == sorted((r["layer"] for r in records), reverse=True)
    for r in records:
        assert np.prod([v for _, v in r["factors"]]) == pytest.approx(r["gradient"], rel=1e-12)
        assert r["gradient"] == pytest.approx(dW[r["layer"] - 1][r["j"], r["k"]], rel=1e-10, abs=1e-15)
        assert r["new_weight"] == pytest.approx(r["weight"] - 0.1 * r["gradient"])


def test_the_boolean_tutorials_w10_is_the_hidden1_to_output_weight():
    net, _, _ = examples.boolean_example()
    r = by_name(chain_rule_factors(net, np.array([1.0, 0.0, 1.0]), np.array([0.0])))["w10"]
    assert (r["source"], r["target"], r["weight"]) == ("h1", "o1", 0.3)
    assert r["gradient"] == pytest.approx(0.099496, abs=5e-7)      # the tutorial's "0.1"
    assert r["new_weight"] == pytest.approx(0.250252, abs=5e-7)    # the tutorial's "0.25"


def test_factors_text_shows_the_chain_and_the_update():
    net, x, t = examples.mazur_example()
    r = by_name(chain_rule_factors(net, x, t))
    assert "= 0.741365 × 0.186816 × 0.593270 = 0.082167" in factors_text(r["w5"])
    assert "w5 ← 0.400000 − 0.5 × 0.082167 = 0.358916480" in factors_text(r["w5"])
    assert "0.055399 + (-0.019049) = 0.036350" in factors_text(r["w1"])


@pytest.mark.parametrize("show_weights", ["labels", "width"])
def test_the_gradient_diagrams_legend_writes_dE_dw_as_notebook_07_does(show_weights):
    net, x, t = examples.mazur_example()
    ax = plot_network(net, trace=net.forward_trace(x), gradients=net.gradients(x, t), show_weights=show_weights)
    legend = " ".join(text.get_text() for text in ax.get_legend().get_texts())
    assert "dE/dw" in legend and "dL/dw" not in legend
    plt.close("all")


def test_softmax_output_is_refused_with_a_clear_message():
    net = MLP([2, 3, 2], loss="cross_entropy")
    with pytest.raises(ValueError, match="elementwise output"):
        chain_rule_factors(net, np.zeros(2), np.array([1.0, 0.0]))


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


def test_stepper_step_changes_highlight_and_text():
    net, x, t = examples.mazur_example()
    e = backprop_stepper(net, x, t)
    try:
        diagram, panel = e.figure.axes
        assert (e.controls["step"].min, e.controls["step"].max) == (1, 8)
        text = panel.texts[0].get_text()
        assert text.startswith("step 1 of 8") and "w5: the weight from h1 to o1" in text
        edge, png = highlighted(diagram)[0], e.view.value
        e.update(step=5)
        text = panel.texts[0].get_text()
        assert "w1: the weight from x1 to h1" in text and "0.000438568" in text
        assert not np.allclose(edge, highlighted(diagram)[0])
        assert len(highlighted(diagram, "highlight path")) == 2
        assert e.view.value != png
        e.controls["step"].value = 3                      # as a learner's slider does
        assert "w7" in panel.texts[0].get_text() and not highlighted(diagram, "highlight path")
    finally:
        e.close()
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
