"""MLP: shapes, the forward pass, exact log losses, training, divergence and bad input.

Gradients against central differences are in test_gradcheck.py; the tutorials' published
numbers in test_examples.py.
"""
import dataclasses
import warnings

import numpy as np
import pytest

from nn_helpers import MLP, datasets
from nn_helpers.activations import sigmoid, softmax

pytestmark = pytest.mark.filterwarnings("error")


@pytest.fixture
def blobs():
    """Two well separated Gaussian blobs: 120 points, int labels 0/1."""
    return datasets.make_gaussians(n_samples=120, noise=0.3, seed=1)


def small_net(loss="binary_cross_entropy", n_out=1, seed=0, **kwargs):
    return MLP([2, 4, n_out], activation="tanh", loss=loss, seed=seed, **kwargs)


# --------------------------------------------------------------------------- construction

def test_parameter_shapes_follow_the_to_from_convention():
    net = MLP([3, 5, 4, 2], seed=0)
    assert [W.shape for W in net.weights] == [(5, 3), (4, 5), (2, 4)]   # (n_out, n_in)
    assert [b.shape for b in net.biases] == [(5,), (4,), (2,)]
    assert all(np.all(b == 0) for b in net.biases)                      # biases start at 0
    assert all(W.dtype == np.float64 for W in net.weights)
    assert net.n_params == 15 + 20 + 8 + (5 + 4 + 2)
    assert MLP([3, 5, 2], bias=False).n_params == 15 + 10


def test_same_seed_same_weights_different_seed_different_weights():
    a, b, c = MLP([2, 8, 3], seed=7), MLP([2, 8, 3], seed=7), MLP([2, 8, 3], seed=8)
    for Wa, Wb, Wc in zip(a.weights, b.weights, c.weights):
        np.testing.assert_array_equal(Wa, Wb)
        assert not np.allclose(Wa, Wc)


def test_initial_weights_are_scaled_by_fan_in():
    """std sqrt(1 / n_in), or sqrt(2 / n_in) for relu-like layers (checked on a wide layer)."""
    assert np.std(MLP([400, 300], "sigmoid", seed=0).weights[0]) == pytest.approx(0.05, rel=0.02)
    assert np.std(MLP([400, 300], "relu", seed=0).weights[0]) == pytest.approx(np.sqrt(2) * 0.05,
                                                                               rel=0.02)


def test_given_weights_are_copied_in():
    W = [np.ones((2, 2)), np.ones((1, 2))]
    net = MLP([2, 2, 1], weights=W, biases=[[0.5, 0.5], [0.0]])
    W[0][0, 0] = 99.0
    assert net.weights[0][0, 0] == 1.0
    np.testing.assert_array_equal(net.biases[0], [0.5, 0.5])


def test_default_output_activation_depends_on_the_loss():
    assert MLP([2, 3], loss="cross_entropy").output.name == "softmax"
    assert MLP([2, 3], loss="mse").output.name == "sigmoid"
    assert MLP([2, 3], loss="mse", output_activation="identity").output.name == "identity"


def test_repr_names_a_hidden_activation_only_when_there_is_a_hidden_layer():
    assert repr(MLP([2, 1])) == "MLP([2, 1], output_activation='sigmoid', loss='squared_error')"
    assert "activation='tanh'" in repr(MLP([2, 4, 1], activation="tanh"))


def test_copy_is_independent():
    net = MLP([2, 3, 2], "relu", "softmax", "cross_entropy", seed=1)
    twin = net.copy()
    assert repr(twin) == repr(net) == ("MLP([2, 3, 2], activation='relu', "
                                       "output_activation='softmax', loss='cross_entropy')")
    twin.weights[0][0, 0] += 1.0
    assert twin.weights[0][0, 0] != net.weights[0][0, 0]


# --------------------------------------------------------------------------- forward pass

def test_forward_shapes_for_a_batch_and_a_single_example():
    net = MLP([3, 5, 2], seed=0)
    assert net.forward(np.zeros((7, 3))).shape == (7, 2)
    assert net.forward(np.zeros(3)).shape == (2,)
    assert net.forward([[1, 2, 3]]).shape == (1, 2)           # lists of ints are fine


def test_forward_is_z_equals_W_a_plus_b_layer_by_layer():
    """One example: a1 = f(W1 x + b1), y_hat = g(W2 a1 + b2), written out by hand."""
    net = MLP([2, 3, 2], "tanh", "sigmoid", seed=3)
    net.biases = [np.array([0.1, -0.2, 0.3]), np.array([0.05, -0.05])]
    x = np.array([0.5, -1.5])
    a1 = np.tanh(net.weights[0] @ x + net.biases[0])
    y_hat = sigmoid(net.weights[1] @ a1 + net.biases[1])
    np.testing.assert_allclose(net.forward(x), y_hat, rtol=1e-15)
    # a batch is the same computation row by row: Z = A @ W.T + b
    X = np.vstack([x, -x, 2 * x])
    np.testing.assert_allclose(net.forward(X)[0], y_hat, rtol=1e-15)
    np.testing.assert_allclose(net.forward(X)[1], net.forward(-x), rtol=1e-15)


def test_forward_trace_layout():
    net = MLP([3, 4, 2], "relu", "softmax", "cross_entropy", seed=0)
    X = np.arange(6.0).reshape(2, 3) / 6
    trace = net.forward_trace(X)
    assert len(trace["a"]) == len(trace["z"]) == 3            # layers 0 (input), 1, 2
    np.testing.assert_array_equal(trace["a"][0], X)           # a^(0) is the input
    assert trace["z"][0] is None                              # the input layer computes nothing
    np.testing.assert_allclose(trace["z"][1], X @ net.weights[0].T + net.biases[0], rtol=1e-15)
    np.testing.assert_array_equal(trace["a"][1], np.maximum(trace["z"][1], 0))
    np.testing.assert_allclose(trace["a"][2], softmax(trace["z"][2]), rtol=1e-15)
    np.testing.assert_array_equal(trace["a"][2], net.forward(X))
    single = net.forward_trace(X[0])
    assert [a.shape for a in single["a"]] == [(3,), (4,), (2,)]
    assert [None if z is None else z.shape for z in single["z"]] == [None, (4,), (2,)]


def test_predict_thresholds_one_output_at_one_half():
    """One sigmoid output with z = x: sigma(0) = 0.5 is class 1, anything below is class 0."""
    net = MLP([1, 1], output_activation="sigmoid", weights=[[[1.0]]], biases=[[0.0]])
    np.testing.assert_array_equal(net.predict([[-0.01], [0.0], [0.01]]), [0, 1, 1])
    assert net.predict([-3.0]) == 0 and isinstance(net.predict([-3.0]), int)


def test_predict_takes_the_argmax_of_several_outputs():
    net = MLP([3, 3], output_activation="identity", weights=[np.eye(3)], biases=[np.zeros(3)])
    X = np.array([[0.1, 0.7, 0.2], [5.0, -1.0, 4.9], [0.0, 0.0, 0.3]])
    np.testing.assert_array_equal(net.predict(X), [1, 0, 2])
    assert net.predict(X[0]) == 1 and isinstance(net.predict(X[0]), int)
    assert net.accuracy(X, [1, 0, 0]) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- loss and targets

def test_int_labels_become_one_hot_rows():
    net = MLP([2, 3, 3], loss="mse", seed=0)
    X = np.array([[0.1, 0.2], [0.3, -0.4], [1.0, 0.5], [-0.2, 0.0]])
    labels = np.array([2, 0, 1, 2])
    one_hot = np.eye(3)[labels]
    assert net.loss(X, labels) == net.loss(X, one_hot)
    dW, db = net.gradients(X, labels)
    dW_one_hot, db_one_hot = net.gradients(X, one_hot)
    for g_labels, g_one_hot in zip(dW + db, dW_one_hot + db_one_hot):
        np.testing.assert_array_equal(g_labels, g_one_hot)
    assert net.loss(X[0], 2) == net.loss(X[:1], one_hot[:1])    # one example, one label


def test_loss_is_the_mean_over_samples():
    net = MLP([2, 3, 2], loss="squared_error", seed=0)
    X, Y = np.array([[0.1, 0.2], [0.3, -0.4], [1.0, 0.5]]), np.array([[0, 1], [1, 0], [0.5, 0.5]])
    per_sample = [net.loss(x, y) for x, y in zip(X, Y)]
    assert net.loss(X, Y) == pytest.approx(np.mean(per_sample), rel=1e-15)


def test_gradients_have_the_shapes_of_the_parameters():
    net = MLP([3, 5, 4, 2], seed=0)
    dW, db = net.gradients(np.ones((6, 3)), np.zeros((6, 2)))
    assert [g.shape for g in dW] == [W.shape for W in net.weights]
    assert [g.shape for g in db] == [b.shape for b in net.biases]


def one_unit_net(output, loss, w):
    """A net with one input and z = w * x + 0 in each output unit: the logits are chosen exactly."""
    w = np.asarray(w, dtype=float).reshape(-1, 1)
    return MLP([1, len(w)], output_activation=output, loss=loss, weights=[w], biases=[np.zeros(len(w))])


@pytest.mark.parametrize("z, t, expected", [
    (1e4, 0, 1e4),        # -log(1 - sigma(1e4)) = softplus(1e4) - 0 = 1e4 exactly
    (1e4, 1, 0.0),        # -log sigma(1e4) = softplus(1e4) - 1e4 = 0
    (-1e4, 1, 1e4),       # -log sigma(-1e4) = softplus(-1e4) + 1e4 = 1e4
    (-1e4, 0, 0.0),
    (0.0, 1, np.log(2)),  # -log 1/2
])
def test_sigmoid_binary_cross_entropy_is_exact_for_huge_logits(z, t, expected):
    """The loss from the logits, not from a clipped sigma(z): no inf, no warning, the exact value."""
    net = one_unit_net("sigmoid", "binary_cross_entropy", [z])
    with np.errstate(all="raise", under="ignore"):
        assert net.loss([1.0], [t]) == expected
        dW, db = net.gradients([1.0], [t])
    # dL/dz = sigma(z) - t, exactly 1, 0, -1, 0 or 1/2 - 1 here
    assert db[0][0] == sigmoid(z) - t
    assert dW[0][0, 0] == sigmoid(z) - t                   # times the input x = 1


@pytest.mark.parametrize("label, expected", [(0, 0.0), (1, 1e4), (2, 2e4)])
def test_softmax_cross_entropy_is_exact_for_huge_logits(label, expected):
    """z = (1e4, 0, -1e4): loss = logsumexp(z) - z_label = 1e4 - z_label (a clipped log would give 34.5)."""
    net = one_unit_net("softmax", "cross_entropy", [1e4, 0.0, -1e4])
    with np.errstate(all="raise", under="ignore"):
        assert net.loss([1.0], label) == expected
        _, db = net.gradients([1.0], label)
    # dL/dz = softmax(z) - one_hot = (1, 0, 0) - e_label
    np.testing.assert_array_equal(db[0], np.array([1.0, 0.0, 0.0]) - np.eye(3)[label])


OUTPUT_LOSS = [("sigmoid", "squared_error"), ("sigmoid", "mse"), ("sigmoid", "mae"),
               ("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy"),
               ("softmax", "squared_error"), ("identity", "mse"), ("tanh", "mae")]


@pytest.mark.parametrize("output, loss", OUTPUT_LOSS)
def test_loss_and_gradients_stay_finite_for_inputs_of_size_1e4(output, loss):
    net = MLP([3, 4, 2], "tanh", output, loss, seed=0, weights=None)
    X = np.array([[1e4, -1e4, 5e3], [-1e4, 1e4, 0.0]])
    Y = np.array([1, 0]) if loss == "cross_entropy" else np.array([[1.0, 0.0], [0.0, 1.0]])
    net.weights[1] *= 1e4                                   # output logits of size ~1e4
    with np.errstate(all="raise", under="ignore"):
        value = net.loss(X, Y)
        dW, db = net.gradients(X, Y)
    assert np.isfinite(value) and value >= 0
    assert all(np.all(np.isfinite(g)) for g in dW + db)


# --------------------------------------------------------------------------- training

@pytest.mark.parametrize("batch_size", [None, 1, 32, 500], ids=["full", "sgd", "mini", "above n"])
def test_fit_decreases_the_loss_on_a_separable_problem(blobs, batch_size):
    X, y = blobs
    net = small_net()
    before = net.loss(X, y)
    history = net.fit(X, y, epochs=20, lr=0.5, batch_size=batch_size)
    assert len(history["loss"]) == 20 and history["diverged_at"] is None
    assert net.loss(X, y) < 0.5 * before
    assert net.accuracy(X, y) == 1.0


def test_full_batch_history_is_the_loss_at_the_start_of_each_epoch(blobs):
    X, y = blobs
    net = small_net()
    first = net.loss(X, y)
    history = net.fit(X, y, epochs=5, lr=0.5)
    assert history["loss"][0] == first
    assert history["loss"] == sorted(history["loss"], reverse=True)   # plain GD, small lr: downhill
    # a batch larger than the data set is the full batch
    history_big = small_net().fit(X, y, epochs=5, lr=0.5, batch_size=10**6)
    assert history_big["loss"] == history["loss"]


@pytest.mark.parametrize("output, loss", OUTPUT_LOSS)
def test_history_and_loss_are_the_same_number_to_the_last_bit(output, loss):
    """fit's history and net.loss compute the loss in one place: for the full batch,
    history["loss"][e + 1] is exactly net.loss after epoch e (for softmax + cross-entropy too,
    whose loss comes from the logits)."""
    X, y = datasets.make_gaussians(n_samples=150, noise=0.5, seed=2)
    Y = y if loss == "cross_entropy" else np.eye(2)[y]
    net = MLP([2, 4, 2], "tanh", output, loss, seed=0)
    after_each_epoch = []
    history = net.fit(X, Y, epochs=4, lr=0.3, callback=lambda epoch, n: after_each_epoch.append(n.loss(X, Y)))
    assert history["loss"][1:] == after_each_epoch[:-1]


def test_fit_leaves_the_callers_data_alone(blobs):
    X, y = blobs
    X_before, y_before = X.copy(), y.copy()
    Y = datasets.one_hot(y)
    Y_before = Y.copy()
    small_net().fit(X, y, epochs=2, batch_size=16)
    small_net("cross_entropy", n_out=2).fit(X, Y, epochs=2, batch_size=16)
    np.testing.assert_array_equal(X, X_before)
    np.testing.assert_array_equal(y, y_before)
    np.testing.assert_array_equal(Y, Y_before)
    assert y.dtype == y_before.dtype


def test_training_is_reproducible_and_the_seed_matters(blobs):
    X, y = blobs
    runs = []
    for init_seed, fit_seed in [(0, 0), (0, 0), (0, 1), (1, 0)]:
        net = small_net(seed=init_seed)
        runs.append((net.fit(X, y, epochs=3, lr=0.5, batch_size=8, seed=fit_seed), net))
    (h0, n0), (h1, n1), (h_shuffle, _), (h_init, _) = runs
    assert h0["loss"] == h1["loss"]
    for W0, W1 in zip(n0.weights, n1.weights):
        np.testing.assert_array_equal(W0, W1)
    assert h_shuffle["loss"] != h0["loss"]          # another order of mini-batches
    assert h_init["loss"] != h0["loss"]             # another starting point


def test_callback_runs_every_k_epochs_and_after_the_last(blobs):
    X, y = blobs
    seen = []
    small_net().fit(X, y, epochs=10, callback=lambda epoch, net: seen.append(epoch),
                    callback_every=3)
    assert seen == [2, 5, 8, 9]                     # epochs 3, 6, 9 and the last (10th)


def test_callback_returning_false_stops_training(blobs):
    X, y = blobs
    net = small_net()
    history = net.fit(X, y, epochs=50, callback=lambda epoch, n: epoch < 4)
    assert len(history["loss"]) == 5                # epochs 0..4 ran, False came after epoch 4
    # the net handed to the callback is the one being trained
    received = []
    net.fit(X, y, epochs=1, callback=lambda epoch, n: received.append(n))
    assert received == [net]


def test_validation_loss_is_measured_after_each_epoch(blobs):
    X, y = blobs
    X_train, X_val, y_train, y_val = datasets.train_test_split(X, y, test_size=0.25, seed=0)
    net = small_net()
    history = net.fit(X_train, y_train, epochs=4, validation_data=(X_val, y_val))
    assert len(history["val_loss"]) == 4
    assert history["val_loss"][-1] == net.loss(X_val, y_val)
    assert "val_loss" not in small_net().fit(X_train, y_train, epochs=1)


def test_l2_adds_l2_times_W_to_every_weight_gradient(blobs):
    """One full-batch step: W <- W - lr (dL/dW + l2 W); biases are not decayed."""
    X, y = blobs
    net = small_net()
    dW, db = net.gradients(X, y)
    expected_W = [W - 0.5 * (g + 0.1 * W) for W, g in zip(net.weights, dW)]
    expected_b = [b - 0.5 * g for b, g in zip(net.biases, db)]
    net.fit(X, y, epochs=1, lr=0.5, l2=0.1)
    for W, W_expected in zip(net.weights + net.biases, expected_W + expected_b):
        np.testing.assert_allclose(W, W_expected, rtol=1e-14, atol=1e-16)


def test_l2_shrinks_the_weights(blobs):
    X, y = blobs
    plain, decayed = small_net(), small_net()
    plain.fit(X, y, epochs=100, lr=0.5)
    decayed.fit(X, y, epochs=100, lr=0.5, l2=0.05)
    norm = lambda net: np.sqrt(sum(np.sum(W ** 2) for W in net.weights))   # noqa: E731
    assert norm(decayed) < 0.7 * norm(plain)


def test_bias_false_keeps_every_bias_at_zero(blobs):
    X, y = blobs
    net = small_net(bias=False)
    net.fit(X, y, epochs=5, lr=0.5)
    assert all(np.all(b == 0) for b in net.biases)
    assert all(np.all(g == 0) for g in net.gradients(X, y)[1])


def test_train_biases_false_keeps_the_biases_fixed(blobs):
    X, y = blobs
    net = small_net(biases=[np.full(4, 0.1), np.array([-0.2])])
    W_before = net.weights[0].copy()
    net.fit(X, y, epochs=5, lr=0.5, train_biases=False)
    np.testing.assert_array_equal(net.biases[0], np.full(4, 0.1))
    np.testing.assert_array_equal(net.biases[1], [-0.2])
    assert not np.array_equal(net.weights[0], W_before)


def _spy(activation, seen):
    """The activation, recording the shape of every z it is applied to."""
    return dataclasses.replace(activation, f=lambda z: (seen.append(z.shape), activation.f(z))[1])


def test_a_small_net_learns_the_moons_a_mini_batch_at_a_time():
    """2-16-1, tanh, BCE, mini-batches of 32: >= 95 % training accuracy after 300 epochs of
    ceil(200 / 32) = 7 updates (six batches of 32 samples, one of 8), each batch's forward pass
    one matrix product per layer. (How fast it runs is measured in benchmarks/, not asserted.)"""
    X, y = datasets.make_moons(n_samples=200, noise=0.1, seed=0)
    net = MLP([2, 16, 1], "tanh", loss="binary_cross_entropy", seed=0)
    seen = []
    net.hidden = _spy(net.hidden, seen)
    net.fit(X, y, epochs=300, lr=0.5, batch_size=32)
    assert seen == ([(32, 16)] * 6 + [(8, 16)]) * 300
    assert net.accuracy(X, y) >= 0.95


def test_forward_on_a_large_batch_is_one_matrix_product_per_layer():
    """10,000 rows pass each layer at once: every activation is applied once per layer to the
    whole (n, n_l) batch, never row by row."""
    net = MLP([2, 16, 8, 3], "tanh", "softmax", "cross_entropy", seed=0)
    seen = []
    net.hidden, net.output = _spy(net.hidden, seen), _spy(net.output, seen)
    assert net.forward(np.zeros((10_000, 2))).shape == (10_000, 3)
    assert seen == [(10_000, 16), (10_000, 8), (10_000, 3)]


def test_a_softmax_net_learns_three_spiral_arms():
    X, y = datasets.make_spiral(n_samples=150, noise=0.05, n_classes=3, seed=0)
    net = MLP([2, 32, 3], "tanh", loss="cross_entropy", seed=0)
    net.fit(X, y, epochs=300, lr=1.0, batch_size=32)
    assert net.accuracy(X, y) >= 0.9


# --------------------------------------------------------------------------- divergence

def test_divergence_warns_stops_and_restores_finite_weights():
    """lr = 1000 on unscaled data (x ~ 10) with a linear output blows up: a warning, a clean stop."""
    X, y = datasets.make_moons(n_samples=100, seed=0)
    X = 10 * X
    net = MLP([2, 4, 1], "tanh", "identity", "mse", seed=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = net.fit(X, y, epochs=100, lr=1e3)
    assert [w.category for w in caught] == [RuntimeWarning]   # no numpy overflow warnings leak
    message = str(caught[0].message)
    assert "diverged in epoch" in message and "smaller learning rate than lr=1000" in message
    assert caught[0].filename == __file__                       # points at the caller's fit(...)
    epoch = history["diverged_at"]
    assert epoch is not None and epoch == len(history["loss"]) - 1 < 99   # stopped early
    assert not np.isfinite(history["loss"][-1])
    assert np.all(np.isfinite(history["loss"][:-1]))
    assert all(np.all(np.isfinite(p)) for p in net.weights + net.biases)
    # the weights are the last ones whose loss was finite: those at the start of the epoch
    # before the diverging one (the diverging epoch's start already gave a non-finite loss)
    assert epoch >= 2
    replay = MLP([2, 4, 1], "tanh", "identity", "mse", seed=0)
    replay.fit(X, y, epochs=epoch - 1, lr=1e3)
    assert np.isfinite(replay.loss(X, y))
    for W, W_replay in zip(net.weights + net.biases, replay.weights + replay.biases):
        np.testing.assert_array_equal(W, W_replay)


def test_the_same_run_with_a_small_learning_rate_does_not_diverge():
    X, y = datasets.make_moons(n_samples=100, seed=0)
    net = MLP([2, 4, 1], "tanh", "identity", "mse", seed=0)
    history = net.fit(10 * X, y, epochs=100, lr=1e-3)
    assert history["diverged_at"] is None and np.all(np.isfinite(history["loss"]))


# --------------------------------------------------------------------------- bad input

@pytest.mark.parametrize("kwargs, error, message", [
    (dict(sizes=[2, 0, 1]), ValueError, r"sizes\[1\] must be an integer >= 1; got 0"),
    (dict(sizes=[2, -1]), ValueError, r"sizes\[1\] must be an integer >= 1; got -1"),
    (dict(sizes=[2, 2.5]), TypeError, r"sizes\[1\] must be an integer >= 1; got float 2.5"),
    (dict(sizes=["3", 1]), TypeError, r"sizes\[0\] must be an integer >= 1; got str '3'"),
    (dict(sizes=[True, 1]), TypeError, r"sizes\[0\] must be an integer >= 1; got bool True"),
    (dict(sizes="32"), TypeError, r"sizes must be a list of layer sizes like \[2, 3, 1\]; got '32'"),
    (dict(sizes=3), TypeError, r"sizes must be a list of layer sizes.*; got 3"),
    (dict(sizes=[2]), ValueError, r"at least an input and an output layer; got \[2\]"),
    (dict(activation="sigmoidd"), ValueError, r"unknown activation 'sigmoidd'; expected one of"),
    (dict(output_activation="soft_max"), ValueError, r"unknown activation 'soft_max'"),
    (dict(loss="l2"), ValueError, r"unknown loss 'l2'; expected one of \['binary_cross_entropy'"),
    (dict(loss=None), TypeError, r"loss must be a name \(str\).*got NoneType None"),
    (dict(activation="softmax"), ValueError, r"softmax is for the output layer only"),
    (dict(sizes=[2, 1], output_activation="softmax"), ValueError,
     r"softmax needs at least 2 output units; got 1"),
    (dict(seed=-1), ValueError, r"seed must be an integer >= 0; got -1"),
    (dict(seed=1.5), TypeError, r"seed must be an integer >= 0; got float 1.5"),
    (dict(weights=np.zeros((2, 2))), TypeError, r"weights must be a list with one array per layer"),
    (dict(weights=[np.zeros((3, 2))]), ValueError, r"weights needs 2 arrays \(one per layer\); got 1"),
    (dict(weights=[np.zeros((3, 2)), np.zeros((3, 2))]), ValueError,
     r"weights\[1\] \(layer 2\) must have shape \(2, 3\); got \(3, 2\)"),
    (dict(weights=[[[np.nan, 0]] * 3, np.zeros((2, 3))]), ValueError,
     r"weights\[0\] \(layer 1\) must be finite; got 3 NaN or inf"),
    (dict(weights=[[["a", "b"]] * 3, np.zeros((2, 3))]), TypeError,
     r"weights\[0\] \(layer 1\) must hold numbers; got an array of dtype <U1"),
    (dict(biases=[np.zeros(3), np.zeros(3)]), ValueError,
     r"biases\[1\] \(layer 2\) must have shape \(2,\); got \(3,\)"),
    (dict(biases=[np.zeros(3), [np.inf, 0]]), ValueError, r"biases\[1\] \(layer 2\) must be finite"),
    (dict(biases=[np.zeros(3)]), ValueError, r"biases needs 2 arrays \(one per layer\); got 1"),
    (dict(biases=[np.ones(3), np.ones(2)], bias=False), ValueError, r"bias=False needs biases of zero"),
])
def test_bad_construction_is_rejected_with_a_clear_message(kwargs, error, message):
    args = dict(sizes=[2, 3, 2]) | kwargs
    with pytest.raises(error, match=message):
        MLP(**args)


# X and Y for a 2-3-2 net (n_in 2, n_out 2) unless the case says otherwise
X4 = np.zeros((4, 2))


@pytest.mark.parametrize("X, Y, loss, message", [
    (np.zeros((4, 3)), [0, 1, 0, 1], "mse", r"X must have shape \(n_samples, 2\) or \(2,\) .*got \(4, 3\)"),
    (np.zeros(3), [0], "mse", r"X must have shape \(n_samples, 2\) or \(2,\) .*got \(3,\)"),
    (np.zeros((2, 2, 2)), [0, 1], "mse", r"got \(2, 2, 2\)"),
    (np.zeros((0, 2)), [], "mse", r"X has no samples"),
    ([[0, 1], [2]], [0, 1], "mse", r"X must be a rectangular array of numbers"),
    ([[0, np.nan]] + [[0, 0]] * 3, [0, 1, 0, 1], "mse", r"X must be finite; got 1 NaN or inf"),
    ([[0, np.inf]] * 4, [0, 1, 0, 1], "mse", r"X must be finite; got 4 NaN or inf"),
    (X4, np.zeros((4, 3)), "mse", r"Y must be targets of shape \(n_samples, 2\) or labels of shape "
                                  r"\(n_samples,\); got \(4, 3\)"),
    (X4, np.zeros((4, 2, 1)), "mse", r"got \(4, 2, 1\)"),
    (X4, np.zeros((3, 2)), "mse", r"X and Y must have the same number of samples; got 4 and 3"),
    (X4, [0, 1, 1], "mse", r"same number of samples; got 4 and 3"),
    (X4, [], "mse", r"same number of samples; got 4 and 0"),
    (X4, [0, 1, 2, 0], "cross_entropy", r"labels must be integers 0..1 to fit the 2 output units; "
                                        r"got values from 0 to 2"),
    (X4, [0, -1, 1, 0], "mse", r"labels must be integers 0..1 .*got values from -1 to 1"),
    (X4, [0, 0.5, 1, 0], "cross_entropy", r"labels must be integers 0..1 .*from 0 to 1"),
    (X4, [[0, 2]] * 4, "cross_entropy", r"cross_entropy needs targets in \[0, 1\] \(labels 0..1 for "
                                        r"2 outputs\); got values from 0 to 2"),
    (X4, [[0, np.nan]] * 4, "mse", r"Y must be finite; got 4 NaN or inf"),
])
def test_bad_data_is_rejected_by_loss_gradients_and_fit(X, Y, loss, message):
    net = MLP([2, 3, 2], loss=loss)
    for method in (net.loss, net.gradients, net.fit):
        with pytest.raises(ValueError, match=message):
            method(X, Y)


def test_labels_that_do_not_fit_three_outputs_or_one_bce_output():
    with pytest.raises(ValueError, match=r"labels must be integers 0..2 to fit the 3 output units; "
                                         r"got values from 0 to 3"):
        MLP([2, 3], loss="cross_entropy").loss(np.zeros((2, 2)), [0, 3])
    with pytest.raises(ValueError, match=r"binary_cross_entropy needs targets in \[0, 1\] "
                                         r"\(labels 0 or 1 for one output\); got values from 0 to 2"):
        MLP([2, 1], loss="binary_cross_entropy").fit(np.zeros((2, 2)), [0, 2])


@pytest.mark.parametrize("bad, error, message", [
    ("abc", TypeError, r"X must be numeric \(a number, list or ndarray of numbers\); got str 'abc'"),
    (None, TypeError, r"X must be numeric .*got NoneType None"),
    (np.array([[1, None]], dtype=object), TypeError, r"X must hold numbers; got an array of dtype object"),
    ([["1", "2"]], TypeError, r"X must hold numbers; got an array of dtype <U1"),
    (np.array([[1 + 2j, 0]]), TypeError, r"X must hold numbers; got an array of dtype complex128"),
])
def test_non_numeric_inputs_are_type_errors(bad, error, message):
    net = MLP([2, 2])
    for call in (lambda: net.forward(bad), lambda: net.predict(bad), lambda: net.forward_trace(bad),
                 lambda: net.loss(bad, [0]), lambda: net.loss(np.zeros((1, 2)), bad)):
        with pytest.raises(error, match=message.replace("X", "[XY]")):
            call()


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(lr=0), ValueError, r"lr must be > 0; got 0.0"),
    (dict(lr=-0.1), ValueError, r"lr must be > 0; got -0.1"),
    (dict(lr=np.nan), ValueError, r"lr must be finite; got nan"),
    (dict(lr=np.inf), ValueError, r"lr must be finite; got inf"),
    (dict(lr="0.1"), TypeError, r"lr must be a number; got str '0.1'"),
    (dict(epochs=0), ValueError, r"epochs must be an integer >= 1; got 0"),
    (dict(epochs=2.5), TypeError, r"epochs must be an integer >= 1; got float 2.5"),
    (dict(batch_size=0), ValueError, r"batch_size must be an integer >= 1; got 0"),
    (dict(batch_size=1.5), TypeError, r"batch_size must be an integer >= 1; got float 1.5"),
    (dict(l2=-0.1), ValueError, r"l2 must be >= 0; got -0.1"),
    (dict(seed=-3), ValueError, r"seed must be an integer >= 0; got -3"),
    (dict(callback=3), TypeError, r"callback must be a function callback\(epoch, net\); got int 3"),
    (dict(callback_every=0), ValueError, r"callback_every must be an integer >= 1; got 0"),
    (dict(validation_data=np.zeros((2, 2))), TypeError,
     r"validation_data must be a pair \(X_val, Y_val\); got ndarray"),
    (dict(validation_data=(np.zeros((2, 2)), [0, 1], None)), TypeError,
     r"validation_data must be a pair \(X_val, Y_val\); got tuple of length 3"),
    (dict(validation_data=(np.zeros((2, 3)), [0, 1])), ValueError,
     r"X must have shape \(n_samples, 2\) or \(2,\) for this network; got \(2, 3\)"),
])
def test_bad_training_settings_are_rejected_before_training(kwargs, error, message):
    net = MLP([2, 3, 2], seed=0)
    W_before = [W.copy() for W in net.weights]
    with pytest.raises(error, match=message):
        net.fit(np.zeros((4, 2)), [0, 1, 0, 1], **kwargs)
    for W, W0 in zip(net.weights, W_before):
        np.testing.assert_array_equal(W, W0)


@pytest.mark.parametrize("sizes, hidden, output", [([2, 3, 1], "step", "sigmoid"),
                                                   ([2, 1], "sigmoid", "step")])
def test_step_activation_runs_forward_but_cannot_be_trained(sizes, hidden, output):
    net = MLP(sizes, hidden, output, seed=0)
    trace = net.forward_trace(np.random.default_rng(0).normal(size=(20, 2)))
    step_layer = 1 if hidden == "step" else len(sizes) - 1
    assert set(np.unique(trace["a"][step_layer])) == {0.0, 1.0}
    X, y = np.zeros((2, 2)), [0, 1]
    for method in (net.gradients, net.fit):
        with pytest.raises(ValueError, match=r"step activations cannot be trained by gradients.*"
                                             r"use 'sigmoid'"):
            method(X, y)


def test_accuracy_needs_one_label_per_sample():
    with pytest.raises(ValueError, match=r"y must hold one label per sample, shape \(4,\); got \(2,\)"):
        MLP([2, 2]).accuracy(np.zeros((4, 2)), [0, 1])


@pytest.mark.parametrize("loss, output", [("binary_cross_entropy", "tanh"),
                                          ("binary_cross_entropy", "identity"),
                                          ("cross_entropy", "relu")])
def test_log_losses_need_probability_outputs(loss, output):
    """log o is only defined for o in (0, 1): a tanh or identity output would be clipped silently."""
    with pytest.raises(ValueError, match=f"{loss} takes the log of the outputs.*got '{output}'"):
        MLP([2, 3, 2], output_activation=output, loss=loss)
