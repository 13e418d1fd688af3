"""Training throughput: MLP.fit against a minimal NumPy loop, scikit-learn and PyTorch (CPU).

Two tasks, the same network, data, batches, epochs and learning rate for every contender:
  toy    : 2-8-8-1 tanh, sigmoid output, binary cross-entropy; 200 moons points; 1,000 full-batch epochs
  digits : 64-64-10 sigmoid, softmax output, cross-entropy; 1,437 samples; 30 epochs of batch 32

Each contender runs ``repeats`` times, interleaved (A B C A B C ...) so that machine noise hits all
alike; the table shows medians and ratios to MLP.fit (ratio > 1: MLP.fit is faster).
"""
import statistics
import time

import numpy as np

from nn_helpers import MLP, datasets

TASKS = {
    "toy": dict(sizes=[2, 8, 8, 1], activation="tanh", epochs=1000, batch=None, lr=0.5),
    "digits": dict(sizes=[64, 64, 10], activation="sigmoid", epochs=30, batch=32, lr=0.5),
}


def task_data(name):
    """X (n, n_in) and int labels y (n,) for a task."""
    if name == "toy":
        return datasets.make_moons(n_samples=200, noise=0.2, seed=0)
    X, y = datasets.load_digits()
    X_train, _, y_train, _ = datasets.train_test_split(X, y, test_size=360, seed=0)
    return X_train, y_train          # 1,437 samples


def _loss(task):
    return "binary_cross_entropy" if task["sizes"][-1] == 1 else "cross_entropy"


def run_mlp(task, X, y, seed=0):
    net = MLP(task["sizes"], activation=task["activation"], loss=_loss(task), seed=seed)
    net.fit(X, y, epochs=task["epochs"], lr=task["lr"], batch_size=task["batch"], seed=seed)
    return net


def run_numpy_loop(task, X, y, seed=0):
    """The same training as MLP.fit, written as the shortest plain NumPy loop (no checks)."""
    net = MLP(task["sizes"], activation=task["activation"], loss=_loss(task), seed=seed)
    W, B = [w.copy() for w in net.weights], [b.copy() for b in net.biases]
    n, k = X.shape[0], task["sizes"][-1]
    Y = y[:, None].astype(float) if k == 1 else np.eye(k)[y]
    f, fprime = (np.tanh, lambda a: 1 - a * a) if task["activation"] == "tanh" else \
        (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a))
    batch = n if task["batch"] is None else task["batch"]
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(task["epochs"]):
        order = np.arange(n) if batch == n else rng.permutation(n)
        total = 0.0
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            Xb, Yb = X[idx], Y[idx]
            acts = [Xb]
            for W_l, b_l in zip(W[:-1], B[:-1]):
                acts.append(f(acts[-1] @ W_l.T + b_l))
            z = acts[-1] @ W[-1].T + B[-1]
            if k == 1:
                out = 1 / (1 + np.exp(-z))
                total += np.sum(np.logaddexp(0, z) - Yb * z)
            else:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                out = e / e.sum(axis=1, keepdims=True)
                total += -np.sum(Yb * np.log(out))
            delta = (out - Yb) / len(idx)
            for l in range(len(W) - 1, -1, -1):
                dW, db = delta.T @ acts[l], delta.sum(axis=0)
                if l:
                    delta = (delta @ W[l]) * fprime(acts[l])
                W[l] -= task["lr"] * dW
                B[l] -= task["lr"] * db
        losses.append(total / n)
    return W, B, losses


def run_sklearn(task, X, y, seed=0):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    clf = MLPClassifier(hidden_layer_sizes=tuple(task["sizes"][1:-1]),
                        activation="tanh" if task["activation"] == "tanh" else "logistic",
                        solver="sgd", momentum=0.0, nesterovs_momentum=False, alpha=0.0,
                        learning_rate="constant", learning_rate_init=task["lr"],
                        batch_size=X.shape[0] if task["batch"] is None else task["batch"],
                        max_iter=task["epochs"], shuffle=task["batch"] is not None,
                        tol=0.0, n_iter_no_change=task["epochs"] + 1, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        clf.fit(X, y)
    return clf


def torch_available():
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def run_torch(task, X, y, seed=0):
    import torch
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    sizes = task["sizes"]
    act = torch.nn.Tanh if task["activation"] == "tanh" else torch.nn.Sigmoid
    layers = []
    for n_in, n_out in zip(sizes[:-2], sizes[1:-1]):
        layers += [torch.nn.Linear(n_in, n_out, dtype=torch.float64), act()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(sizes[-2], sizes[-1], dtype=torch.float64))
    loss_fn = torch.nn.BCEWithLogitsLoss() if sizes[-1] == 1 else torch.nn.CrossEntropyLoss()
    opt = torch.optim.SGD(model.parameters(), lr=task["lr"])
    Xt = torch.as_tensor(X, dtype=torch.float64)
    Yt = torch.as_tensor(y, dtype=torch.float64)[:, None] if sizes[-1] == 1 else torch.as_tensor(y)
    n = len(Xt)
    batch = n if task["batch"] is None else task["batch"]
    gen = torch.Generator().manual_seed(seed)
    for _ in range(task["epochs"]):
        order = torch.arange(n) if batch == n else torch.randperm(n, generator=gen)
        for i in range(0, n, batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]), Yt[idx])
            loss.backward()
            opt.step()
    return model


CONTENDERS = {"MLP.fit": run_mlp, "NumPy loop": run_numpy_loop, "scikit-learn": run_sklearn,
              "PyTorch CPU": run_torch}


def measure(repeats=5, tasks=("toy", "digits")):
    """{task: {contender: [seconds, ...]}}, contenders interleaved within each repeat."""
    contenders = {k: v for k, v in CONTENDERS.items() if k != "PyTorch CPU" or torch_available()}
    results = {}
    for name in tasks:
        task, (X, y) = TASKS[name], task_data(name)
        times = {c: [] for c in contenders}
        for c, fn in contenders.items():        # warm-up: imports, caches
            fn(task, X, y)
        for _ in range(repeats):
            for c, fn in contenders.items():
                start = time.perf_counter()
                fn(task, X, y)
                times[c].append(time.perf_counter() - start)
        results[name] = times
    return results


def table(results):
    """Markdown table: median seconds per contender and its ratio to MLP.fit."""
    lines = ["| task | contender | median time | ratio to MLP.fit |", "| --- | --- | ---: | ---: |"]
    for name, times in results.items():
        ours = statistics.median(times["MLP.fit"])
        for c, ts in times.items():
            med = statistics.median(ts)
            lines.append(f"| {name} | {c} | {med * 1000:.0f} ms | {med / ours:.2f}x |")
    return "\n".join(lines)
