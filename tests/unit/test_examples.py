"""The tutorials' worked examples, reproduced number by number.

Each published figure is compared with a tolerance of half a unit in its last published
digit (``published("0.593269992")`` accepts 0.5932699915 .. 0.5932699925), so a test
fails exactly when the code and the tutorial disagree in a digit the tutorial prints.

Sources: Matt Mazur, "A Step by Step Backpropagation Example" (2-2-2 net), and the
3-3-1 net for F(x, y, z) = xy + not z with its published weights.
"""
import numpy as np
import pytest

from nn_helpers import examples
from nn_helpers.activations import sigmoid

pytestmark = pytest.mark.filterwarnings("error")


def published(figure):
    """pytest.approx for a figure printed with d decimals: tolerance 0.5e-d."""
    decimals = len(figure.split(".")[1])
    return pytest.approx(float(figure), abs=0.5 * 10.0 ** -decimals)


def test_published_tolerance_is_half_a_unit_in_the_last_digit():
    """The comparison helper accepts rounding, and rejects a wrong last digit."""
    assert 0.7513650749 == published("0.75136507")
    assert 0.7513650751 != published("0.75136507")     # rounds to ...508
    assert 0.511301270 == published("0.511301270")     # a trailing 0 is a published digit
    assert 0.5113012706 != published("0.511301270")


# --------------------------------------------------------------------------- Mazur 2-2-2

@pytest.fixture
def mazur():
    return examples.mazur_example()


def test_mazur_example_has_the_published_weights(mazur):
    net, x, t = mazur
    # w1..w4 into the hidden layer ("to, from"), w5..w8 into the output layer
    np.testing.assert_array_equal(net.weights[0], [[0.15, 0.20], [0.25, 0.30]])
    np.testing.assert_array_equal(net.weights[1], [[0.40, 0.45], [0.50, 0.55]])
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])   # b1, shared by h1 and h2
    np.testing.assert_array_equal(net.biases[1], [0.60, 0.60])   # b2, shared by o1 and o2
    np.testing.assert_array_equal(x, [0.05, 0.10])
    np.testing.assert_array_equal(t, [0.01, 0.99])
    assert (net.hidden.name, net.output.name, net.loss_name) == ("sigmoid", "sigmoid", "squared_error")


def test_mazur_forward_pass(mazur):
    """The hidden and output activations and E_total of the tutorial's forward pass."""
    net, x, t = mazur
    trace = net.forward_trace(x)
    # net_h1 = w1 i1 + w2 i2 + b1 = 0.15*0.05 + 0.20*0.10 + 0.35 = 0.3775
    # out_h1 = 1 / (1 + e^-0.3775)                               = 0.593269992
    assert trace["z"][1][0] == pytest.approx(0.3775, abs=1e-15)
    assert trace["a"][1][0] == published("0.593269992")
    # net_h2 = 0.25*0.05 + 0.30*0.10 + 0.35 = 0.3925 -> out_h2 = 0.596884378
    assert trace["a"][1][1] == published("0.596884378")
    # net_o1 = w5 out_h1 + w6 out_h2 + b2 = 0.40*0.593269992 + 0.45*0.596884378 + 0.60
    #        = 1.105905967 -> out_o1 = 0.75136507
    assert trace["z"][2][0] == published("1.105905967")
    assert trace["a"][2][0] == published("0.75136507")
    # net_o2 = 0.50*0.593269992 + 0.55*0.596884378 + 0.60 = 1.2249214 -> out_o2 = 0.772928465
    assert trace["a"][2][1] == published("0.772928465")
    # E_total = 1/2 (0.01 - 0.75136507)^2 + 1/2 (0.99 - 0.772928465)^2
    #         = 0.274811083 + 0.023560026 = 0.298371109
    assert net.loss(x, t) == published("0.298371109")


def test_mazur_output_layer_gradient(mazur):
    """dE/dw5 by the chain rule."""
    net, x, t = mazur
    dW, _ = net.gradients(x, t)
    # dE/dw5 = dE/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5
    #        = (out_o1 - t1) * out_o1 (1 - out_o1) * out_h1
    #        = 0.74136507 * 0.186815602 * 0.593269992 = 0.082167041
    assert dW[1][0, 0] == published("0.082167041")


def test_mazur_hidden_layer_gradient(mazur):
    """dE/dw1 sums the error flowing back from both outputs (through the OLD w5, w7)."""
    net, x, t = mazur
    dW, db = net.gradients(x, t)
    h = net.forward_trace(x)["a"][1]
    delta_o = db[1]                                     # dE/dnet_o = dE/db2 (one sample)
    # delta_o1 = (out_o1 - t1) out_o1 (1 - out_o1) = 0.74136507 * 0.186815602 = 0.138498562
    assert delta_o[0] == published("0.138498562")
    # dE/dout_h1 = delta_o1 w5 + delta_o2 w7 = 0.055399425 + (-0.019049118) = 0.036350306
    assert delta_o @ net.weights[1][:, 0] == published("0.036350306")
    # dout_h1/dnet_h1 = out_h1 (1 - out_h1) = 0.241300709
    assert h[0] * (1 - h[0]) == published("0.241300709")
    # dE/dw1 = 0.036350306 * 0.241300709 * i1 (= 0.05) = 0.000438568
    assert dW[0][0, 0] == published("0.000438568")


# (name, layer index, (to, from), published value after one update)
MAZUR_NEW_WEIGHTS = [
    ("w1", 0, (0, 0), "0.149780716"),   # 0.15 - 0.5 * 0.000438568
    ("w2", 0, (0, 1), "0.19956143"),
    ("w3", 0, (1, 0), "0.24975114"),
    ("w4", 0, (1, 1), "0.29950229"),
    ("w5", 1, (0, 0), "0.35891648"),    # 0.40 - 0.5 * 0.082167041
    ("w6", 1, (0, 1), "0.408666186"),
    ("w7", 1, (1, 0), "0.511301270"),
    ("w8", 1, (1, 1), "0.561370121"),
]


@pytest.mark.parametrize("name, layer, index, figure", MAZUR_NEW_WEIGHTS,
                         ids=[w[0] for w in MAZUR_NEW_WEIGHTS])
def test_mazur_weights_after_one_update(mazur, name, layer, index, figure):
    """w+ = w - eta dE/dw with eta = 0.5, every gradient taken at the OLD weights."""
    net, x, t = mazur
    dW, _ = net.gradients(x, t)
    assert net.weights[layer][index] - 0.5 * dW[layer][index] == published(figure)


def test_mazur_one_training_step_matches_the_hand_update(mazur):
    """fit(epochs=1) is exactly w - 0.5 dE/dw for every weight, with the biases left alone."""
    net, x, t = mazur
    dW, _ = net.gradients(x, t)
    expected = [W - 0.5 * g for W, g in zip(net.weights, dW)]
    net.fit(x[None], t[None], epochs=1, lr=0.5, train_biases=False)
    for W, W_expected in zip(net.weights, expected):
        np.testing.assert_array_equal(W, W_expected)
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])
    np.testing.assert_array_equal(net.biases[1], [0.60, 0.60])


def _mazur_error_after_sequential_update(x, t):
    """The tutorial's order, by hand: update w5..w8 first, then backpropagate through the NEW ones."""
    W1, W2 = np.array([[0.15, 0.20], [0.25, 0.30]]), np.array([[0.40, 0.45], [0.50, 0.55]])
    b1, b2, eta = 0.35, 0.60, 0.5
    h = sigmoid(W1 @ x + b1)
    o = sigmoid(W2 @ h + b2)
    delta_o = (o - t) * o * (1 - o)
    W2 = W2 - eta * np.outer(delta_o, h)                 # w5..w8 updated here ...
    delta_h = (W2.T @ delta_o) * h * (1 - h)             # ... and already used here
    W1 = W1 - eta * np.outer(delta_h, x)
    o = sigmoid(W2 @ sigmoid(W1 @ x + b1) + b2)
    return 0.5 * np.sum((t - o) ** 2)


def test_mazur_error_after_first_update_and_the_tutorials_erratum(mazur):
    """After one (simultaneous) update E_total is 0.2910277737, not the published 0.291027924.

    The published figure comes from backpropagating through the already-updated w5..w8;
    doing that by hand reproduces it to all 9 places, which proves the erratum.
    """
    net, x, t = mazur
    history = net.fit(x[None], t[None], epochs=2, lr=0.5, train_biases=False)
    simultaneous = history["loss"][1]                   # measured before the second update
    assert simultaneous == published("0.2910277737")
    sequential = _mazur_error_after_sequential_update(x, t)
    assert sequential == published("0.291027924")
    assert abs(sequential - simultaneous) > 1e-7       # the two orders really differ


def test_mazur_error_after_10000_iterations_is_after_9999_updates(mazur):
    """The tutorial's "after 10,000 iterations" error 0.0000351085 is the loss after 9,999 updates."""
    net, x, t = mazur
    history = net.fit(x[None], t[None], epochs=10000, lr=0.5, train_biases=False)
    # history["loss"][e] is measured at the start of epoch e, i.e. after e updates
    assert history["loss"][0] == published("0.298371109")
    assert history["loss"][9999] == published("0.0000351085")
    # after the 10,000th update the error is lower, and no longer the published figure
    assert net.loss(x, t) == published("0.0000351019")
    assert net.loss(x, t) != published("0.0000351085")


# --------------------------------------------------------------------------- Boolean 3-3-1

@pytest.fixture
def boolean():
    return examples.boolean_example()


def test_boolean_example_has_the_published_weights_and_truth_table(boolean):
    net, X, y = boolean
    np.testing.assert_array_equal(net.weights[0], [[0.9, 0.8, 0.1], [0.3, 0.5, 0.6], [0.2, 0.4, 0.7]])
    np.testing.assert_array_equal(net.weights[1], [[0.3, 0.5, 0.9]])
    assert not net.bias and all(np.all(b == 0) for b in net.biases)
    assert X.shape == (8, 3) and y.shape == (8,)
    # F(x, y, z) = xy + not z, rows in counting order 000, 001, ..., 111
    np.testing.assert_array_equal(y, [1, 0, 1, 0, 1, 0, 1, 1])


def test_boolean_forward_pass_on_input_101(boolean):
    net, X, _ = boolean
    x = np.array([1.0, 0.0, 1.0])
    np.testing.assert_array_equal(X[5], x)              # 101 is row 5 in counting order
    trace = net.forward_trace(x)
    # h1 = sigma(0.9*1 + 0.8*0 + 0.1*1) = sigma(1.0) = 0.731058578630
    # h2 = sigma(0.3*1 + 0.5*0 + 0.6*1) = sigma(0.9) = 0.710949502625
    # h3 = sigma(0.2*1 + 0.4*0 + 0.7*1) = sigma(0.9) = 0.710949502625
    np.testing.assert_allclose(trace["a"][1], [0.731058578630, 0.710949502625, 0.710949502625],
                               rtol=0, atol=5e-13)
    # out = sigma(0.3*0.731058578630 + 0.5*0.710949502625 + 0.9*0.710949502625)
    #     = sigma(1.214646988) = 0.771120127522 (the tutorial: 0.77112)
    out = net.forward(x)[0]
    assert out == published("0.77112")
    assert out == published("0.771120127522")


def test_boolean_tutorials_rounded_figure_comes_from_two_place_hidden_values(boolean):
    """The tutorial's 0.7708 is what hidden values rounded to 2 places give; 4 places give 0.7711."""
    net, _, _ = boolean
    hidden = net.forward_trace(np.array([1.0, 0.0, 1.0]))["a"][1]
    w_out = net.weights[1][0]
    # rounded to 2 places: sigma(0.3*0.73 + 0.5*0.71 + 0.9*0.71) = sigma(1.213) = 0.770829
    assert sigmoid(w_out @ np.round(hidden, 2)) == published("0.7708")
    # rounded to 4 places: sigma(0.3*0.7311 + 0.5*0.7109 + 0.9*0.7109) = sigma(1.21459) = 0.771110
    assert sigmoid(w_out @ np.round(hidden, 4)) == published("0.7711")
    assert sigmoid(w_out @ np.round(hidden, 4)) != published("0.7708")


def test_examples_return_fresh_networks():
    """Training one example's net must not change the next caller's published weights."""
    net, x, t = examples.mazur_example()
    net.fit(x[None], t[None], epochs=3, lr=0.5)
    assert examples.mazur_example()[0].weights[0][0, 0] == 0.15
    net, X, y = examples.boolean_example()
    net.fit(X, y, epochs=3, lr=0.5)
    assert examples.boolean_example()[0].weights[1][0, 0] == 0.3
