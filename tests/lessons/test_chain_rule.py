"""lessons.chain_rule: chain-rule factors per edge (notebook 07) and the steps through a Value
graph (notebook 06).

Mazur's 2-2-2 example: dE/dw5 = 0.74136507 x 0.186815602 x 0.593269992 = 0.082167041;
dE/dw1 = (0.055399425 - 0.019049118) x 0.241300709 x 0.05 = 0.000438568.
"""
import numpy as np
import pytest

from nn_helpers import MLP, examples
from nn_helpers.autodiff import Value
from nn_helpers.lessons.chain_rule import backprop_steps, chain_rule_factors, factors_text
from tests.lessons.examples import neuron_graph

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


def test_softmax_output_is_refused_with_a_clear_message():
    net = MLP([2, 3, 2], loss="cross_entropy")
    with pytest.raises(ValueError, match="elementwise output"):
        chain_rule_factors(net, np.zeros(2), np.array([1.0, 0.0]))


def test_the_factors_are_the_cores_numbers_for_a_net_without_biases_too():
    """The deltas come from MLP.gradients (for one example, dE/db = delta); the 3-3-1 net has no
    biases, so they are read from a copy whose zero biases are trainable: nothing else changes."""
    net, _, _ = examples.boolean_example()
    before = [W.copy() for W in net.weights]
    records = chain_rule_factors(net, np.array([1.0, 0.0, 1.0]), np.array([0.0]))
    dW, _ = net.gradients(np.array([1.0, 0.0, 1.0]), np.array([0.0]))
    for r in records:
        assert r["gradient"] == pytest.approx(dW[r["layer"] - 1][r["j"], r["k"]], rel=1e-12)
    assert not net.bias and all(np.array_equal(W, b) for W, b in zip(net.weights, before))


def test_chain_rule_arguments():
    net, x, t = examples.mazur_example()
    with pytest.raises(TypeError, match="net must be an MLP"):
        chain_rule_factors("mazur", x, t)
    with pytest.raises(TypeError, match="x must be numeric"):
        chain_rule_factors(net, "abc", t)
    with pytest.raises(ValueError, match=r"t must be one target of 2 number\(s\) for this network; got shape \(\)"):
        chain_rule_factors(net, x, -7)
    with pytest.raises(TypeError, match="lr must be a number; got NoneType None"):
        chain_rule_factors(net, x, t, lr=None)
    record = chain_rule_factors(net, x, t)[0]
    with pytest.raises(TypeError, match=r"record must be one record of chain_rule_factors \(a dict\); got list"):
        factors_text([record])
    with pytest.raises(ValueError, match=r"got a dict without \['name', 'source'"):
        factors_text({"a": 1})
    with pytest.raises(TypeError, match="lr must be a number; got ndarray"):
        factors_text(record, lr=np.zeros(3))


# ---------------------------------------------------------------- a walk through a Value graph (notebook 06)

def test_the_graph_is_what_a_minus_t_builds():
    a, t = Value(0.7), Value(1.0)
    d = a - t
    assert d._op == "+" and d._prev[0] is a and d._prev[1]._op == "*" and d._prev[1]._prev[0] is t
    assert d._prev[1]._prev[1].data == -1.0


def test_backprop_steps_forward_then_backward():
    E, _ = neuron_graph()
    steps = backprop_steps(E)
    assert len(steps) == 27
    assert steps[0] == (0, 0, "step 0: nothing computed yet")
    assert steps[13][:2] == (13, 0) and steps[13][2].startswith("forward step 13: E = 0.0362")
    assert steps[14] == (13, 1, "backward step 1: dE/dE = 1.0000")
    assert steps[21] == (13, 8, "backward step 8: dE/dz = -0.0529")    # the notebook's static copy
    assert steps[-1][:2] == (13, 13)
