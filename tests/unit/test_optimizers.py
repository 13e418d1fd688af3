"""Optimizers (notebook 10): each update rule against its equations written out by hand.

On the valley E = 0.05 w1^2 + w2^2 from (-9, 2), grad = (0.1 w1, 2 w2) = (-0.9, 4):
  SGD(0.8):            w = (-9, 2) - 0.8 (-0.9, 4) = (-8.28, -1.2)
  Momentum(0.8, 0.5):  v = (-0.9, 4), the same first step; then v = 0.5 v + g
  RMSProp(0.1, 0.9):   v = 0.1 g^2 = (0.081, 1.6), sqrt(v) = 0.316 |g|, so every coordinate moves by
                       0.1 / sqrt(0.1) = 0.316228 against its gradient's sign: (-8.683772, 1.683772)
  Adam(0.3):           the first step moves every coordinate by exactly lr: (-8.7, 1.7)
"""
import numpy as np
import pytest

from nn_helpers import MLP, datasets
from nn_helpers.optimizers import OPTIMIZERS, SGD, Adam, Momentum, RMSProp, optimize_path

pytestmark = pytest.mark.filterwarnings("error")


def valley_grad(w):
    return np.array([0.1 * w[0], 2.0 * w[1]])


START = np.array([-9.0, 2.0])


def test_first_steps_on_the_valley_are_the_hand_computed_ones():
    assert optimize_path(SGD(0.8), valley_grad, START, 1)[1] == pytest.approx([-8.28, -1.2])
    path = optimize_path(Momentum(0.8, 0.5), valley_grad, START, 2)
    assert path[1] == pytest.approx([-8.28, -1.2])
    v = 0.5 * np.array([-0.9, 4.0]) + valley_grad(path[1])
    assert path[2] == pytest.approx(path[1] - 0.8 * v)
    assert optimize_path(Adam(0.3), valley_grad, START, 1)[1] == pytest.approx([-8.7, 1.7], abs=1e-8)


def test_rmsprop_first_two_steps_on_the_valley_are_the_hand_computed_ones():
    path = optimize_path(RMSProp(0.1, beta=0.9), valley_grad, START, 2)
    # step 1: v = 0.1 * (0.81, 16) = (0.081, 1.6); w = (-9, 2) - 0.1 (-0.9, 4) / (0.284605, 1.264911)
    assert path[1] == pytest.approx([-8.683772, 1.683772], abs=1e-6)
    # step 2: g = (0.1 * -8.683772, 2 * 1.683772) = (-0.868377, 3.367544)
    #         v = 0.9 v + 0.1 g^2 = (0.072900 + 0.075408, 1.44 + 1.134035) = (0.148308, 2.574035)
    #         w = w - 0.1 g / sqrt(v) = (-8.683772 + 0.225490, 1.683772 - 0.209896)
    assert path[2] == pytest.approx([-8.458282, 1.473876], abs=1e-6)


def test_adam_is_momentum_plus_rmsprop_plus_bias_correction():
    """With beta1 = 0 (no momentum) Adam is RMSProp whose step t is scaled by sqrt(1 - beta^t)."""
    rng = np.random.default_rng(1)
    grads = rng.normal(size=(6, 3))
    w_rms, w_adam = np.zeros(3), np.zeros(3)
    rms, adam = RMSProp(0.1, beta=0.9), Adam(0.1, beta1=0.0, beta2=0.9)
    for t, g in enumerate(grads, start=1):
        before = w_rms.copy()
        rms.step([w_rms], [g])
        step_rms = w_rms - before
        before = w_adam.copy()
        adam.step([w_adam], [g])
        assert w_adam - before == pytest.approx(step_rms * np.sqrt(1 - 0.9 ** t), rel=1e-6)
    assert rms.v[0] == pytest.approx(adam.v[0])               # the same running mean of g^2


def reference_adam(w, grads, lr, b1=0.9, b2=0.999, eps=1e-8):
    m = v = np.zeros_like(w)
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g ** 2
        w = w - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    return w


def reference_rmsprop(w, grads, lr, beta=0.9, eps=1e-8):
    v = np.zeros_like(w)
    for g in grads:
        v = beta * v + (1 - beta) * g ** 2
        w = w - lr * g / (np.sqrt(v) + eps)
    return w


def test_each_optimizer_updates_a_list_of_arrays_in_place_like_its_equations():
    rng = np.random.default_rng(0)
    params = [rng.normal(size=(3, 2)), rng.normal(size=3)]
    grads = [[rng.normal(size=(3, 2)), rng.normal(size=3)] for _ in range(4)]
    for make, expected in [
        (lambda: SGD(0.1), lambda w, gs: w - 0.1 * sum(gs)),
        (lambda: Momentum(0.1, 0.9), lambda w, gs: w - 0.1 * sum(sum(0.9 ** (s - i) * gs[i] for i in range(s + 1))
                                                             for s in range(len(gs)))),
        (lambda: RMSProp(0.01, 0.9), lambda w, gs: reference_rmsprop(w, gs, 0.01)),
        (lambda: Adam(0.01), lambda w, gs: reference_adam(w, gs, 0.01)),
    ]:
        ws = [p.copy() for p in params]
        ids = [id(w) for w in ws]
        opt = make()
        for g in grads:
            opt.step(ws, g)
        assert [id(w) for w in ws] == ids                       # in place
        for i, w in enumerate(ws):
            assert w == pytest.approx(expected(params[i], [g[i] for g in grads]), abs=1e-12)


def test_momentum_with_beta_0_is_sgd_and_the_lr_inside_form_takes_the_same_steps():
    a = optimize_path(Momentum(0.3, 0.0), valley_grad, START, 20)
    assert a == pytest.approx(optimize_path(SGD(0.3), valley_grad, START, 20))
    w, v, lr, beta = START.copy(), np.zeros(2), 0.3, 0.8     # v <- beta v - lr g ; w <- w + v
    for _ in range(20):
        v = beta * v - lr * valley_grad(w)
        w = w + v
    assert optimize_path(Momentum(lr, beta), valley_grad, START, 20)[-1] == pytest.approx(w)


def test_optimizers_train_a_network_and_keep_no_shared_state():
    X, y = datasets.make_moons(60, noise=0.1, seed=0)
    finals = {}
    for name, opt in [("sgd", SGD(0.5)), ("momentum", Momentum(0.5, 0.9)), ("rmsprop", RMSProp(0.01)),
                      ("adam", Adam(0.05))]:
        net = MLP([2, 8, 1], activation="tanh", loss="binary_cross_entropy", seed=0)
        start = net.loss(X, y)
        for _ in range(100):
            dW, db = net.gradients(X, y)
            opt.step(net.weights + net.biases, dW + db)
        finals[name] = net.loss(X, y)
        assert finals[name] < start
    assert all(finals[name] < finals["sgd"] for name in ("momentum", "rmsprop", "adam"))
    assert Momentum().velocity is None and RMSProp().v is None and Adam().m is None and Adam().t == 0
    assert set(OPTIMIZERS) == {"sgd", "momentum", "rmsprop", "adam"}


def test_optimize_path_does_not_change_its_start_and_reports_divergence():
    start = START.copy()
    optimize_path(Adam(0.3), valley_grad, start, 5)
    assert np.array_equal(start, START)
    with pytest.warns(RuntimeWarning, match="diverged") as caught:
        path = optimize_path(SGD(1e200), valley_grad, START, 5)
    assert np.isnan(path[-1]).all() and np.isfinite(path[0]).all()
    assert caught[0].filename == __file__          # the warning points at the caller's line


@pytest.mark.parametrize("make, message", [
    (lambda: SGD(0), "lr"), (lambda: SGD(-1), "lr"), (lambda: Momentum(0.1, 1.0), "beta"),
    (lambda: Momentum(0.1, -0.1), "beta"), (lambda: Adam(0.1, beta2=1.5), "beta2"),
    (lambda: RMSProp(0.1, beta=1.0), "beta"), (lambda: RMSProp(0.1, eps=-1e-8), "eps"), (lambda: RMSProp(0), "lr"),
    (lambda: Adam(0.1, eps=0), "eps"), (lambda: SGD("fast"), "lr"),
])
def test_bad_settings_raise_clear_errors(make, message):
    with pytest.raises((ValueError, TypeError), match=message):
        make()


@pytest.mark.parametrize("params, grads, message", [
    (np.zeros(2), [np.zeros(2)], "list of arrays"),
    ([np.zeros(2)], [np.zeros(3)], "shape"),
    ([np.zeros(2)], [np.zeros(2), np.zeros(2)], "same length"),
    ([[0.0, 1.0]], [np.zeros(2)], "float ndarray"),
    ([np.zeros(2)], [np.array([np.nan, 0.0])], "NaN"),
])
def test_bad_params_or_grads_raise_clear_errors(params, grads, message):
    with pytest.raises((ValueError, TypeError), match=message):
        Momentum(0.1).step(params, grads)


@pytest.mark.parametrize("make", [Momentum, RMSProp, Adam])
def test_an_optimizer_refuses_a_different_number_of_arrays_later(make):
    opt = make(0.1)
    opt.step([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match="started on 1 arrays"):
        opt.step([np.zeros(2), np.zeros(2)], [np.ones(2), np.ones(2)])
