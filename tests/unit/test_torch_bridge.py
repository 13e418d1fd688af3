"""nn_helpers against PyTorch (an optional extra): the same network, the same numbers.

Skipped where PyTorch is not installed (the course's requirements do not include it). In
float64, forward values, losses and every gradient agree with torch.autograd to 1e-12;
Mazur's dE/dw5 = 0.082167041 comes out of both; our SGD, Momentum and Adam take torch.optim's steps.
"""
import numpy as np
import pytest

from nn_helpers import MLP, examples, optimizers

torch = pytest.importorskip("torch")
F = torch.nn.functional

ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "identity": lambda z: z,
               "leaky_relu": lambda z: F.leaky_relu(z, 0.01), "softmax": lambda z: torch.softmax(z, dim=1)}
LOSSES = {  # each the mean over samples of the per-sample loss (DESIGN.md)
    "squared_error": lambda o, t: 0.5 * ((t - o) ** 2).sum(dim=1).mean(),
    "mse": lambda o, t: ((t - o) ** 2).mean(),
    "mae": lambda o, t: (t - o).abs().mean(),
    "binary_cross_entropy": lambda o, t: F.binary_cross_entropy(o, t),
    "cross_entropy": lambda o, t: -(t * torch.log(o)).sum(dim=1).mean(),
}


def torch_twin(net):
    """torch.nn.Linear layers holding a copy of net's weights (torch's weight is (out, in), "to, from",
    like ours), in float64."""
    layers = []
    for W, b in zip(net.weights, net.biases):
        layer = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(W))
            layer.bias.copy_(torch.from_numpy(b))
        layers.append(layer)
    return layers


def torch_forward(net, layers, X):
    a = torch.from_numpy(X)
    for l, layer in enumerate(layers):
        name = net.output.name if l == len(layers) - 1 else net.hidden.name
        a = ACTIVATIONS[name](layer(a))
    return a


def compare(net, X, Y):
    layers = torch_twin(net)
    out = torch_forward(net, layers, X)
    loss = LOSSES[net.loss_name](out, torch.from_numpy(Y))
    loss.backward()
    dW, db = net.gradients(X, Y)
    assert net.forward(X) == pytest.approx(out.detach().numpy(), abs=1e-12)
    assert net.loss(X, Y) == pytest.approx(loss.item(), abs=1e-12)
    for l, layer in enumerate(layers):
        assert dW[l] == pytest.approx(layer.weight.grad.numpy(), abs=1e-12)
        assert db[l] == pytest.approx(layer.bias.grad.numpy(), abs=1e-12)
    return layers


def test_mazur_forward_loss_and_gradients_match_torch():
    net, x, t = examples.mazur_example()
    layers = compare(net, x[None, :], t[None, :])
    assert layers[1].weight.grad[0, 0].item() == pytest.approx(0.082167041, abs=5e-10)   # dE/dw5


@pytest.mark.parametrize("sizes, activation, output, loss", [
    ([2, 3, 2], "sigmoid", "sigmoid", "squared_error"),
    ([4, 5, 3], "tanh", "softmax", "cross_entropy"),
    ([3, 6, 4, 1], "relu", "sigmoid", "binary_cross_entropy"),
    ([2, 4, 2], "leaky_relu", "identity", "mse"),
    ([2, 4, 3], "tanh", "sigmoid", "mae"),
])
def test_random_networks_match_torch(sizes, activation, output, loss):
    rng = np.random.default_rng(3)
    net = MLP(sizes, activation=activation, output_activation=output, loss=loss, seed=1)
    net.biases = [rng.normal(0, 0.5, size=b.shape) for b in net.biases]
    X = rng.normal(size=(7, sizes[0]))
    n_out = sizes[-1]
    if loss == "cross_entropy":
        Y = np.eye(n_out)[rng.integers(0, n_out, size=7)]
    elif loss == "binary_cross_entropy":
        Y = rng.integers(0, 2, size=(7, n_out)).astype(float)
    else:
        Y = rng.uniform(size=(7, n_out))
    compare(net, X, Y)


@pytest.mark.parametrize("ours, theirs", [
    (lambda: optimizers.SGD(0.5), lambda p: torch.optim.SGD(p, lr=0.5)),
    (lambda: optimizers.Momentum(0.5, 0.9), lambda p: torch.optim.SGD(p, lr=0.5, momentum=0.9)),
    (lambda: optimizers.Adam(0.05), lambda p: torch.optim.Adam(p, lr=0.05)),
])
def test_our_optimizers_take_torch_optims_steps(ours, theirs):
    net = MLP([3, 4, 2], activation="tanh", output_activation="sigmoid", loss="binary_cross_entropy", seed=2)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(6, 3)), rng.integers(0, 2, size=(6, 2)).astype(float)
    layers = torch_twin(net)
    params = [p for layer in layers for p in (layer.weight, layer.bias)]
    mine, opt = ours(), theirs(params)
    for _ in range(5):
        dW, db = net.gradients(X, Y)
        mine.step(net.weights + net.biases, dW + db)
        opt.zero_grad()
        LOSSES[net.loss_name](torch_forward(net, layers, X), torch.from_numpy(Y)).backward()
        opt.step()
    for l, layer in enumerate(layers):
        assert net.weights[l] == pytest.approx(layer.weight.detach().numpy(), abs=1e-12)
        assert net.biases[l] == pytest.approx(layer.bias.detach().numpy(), abs=1e-12)
