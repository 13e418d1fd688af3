"""Answers for the checkers of 08_gradient_descent_and_training."""
import numpy as np


def _descent(grad, w0, lr, steps):
    path = [w0]
    w = w0
    for _ in range(steps):
        w = w - lr * grad(w)
        path.append(w)
    return np.array(path)


def _descent_list(grad, w0, lr, steps):             # a list of arrays, built in a while loop
    w, path = np.array(w0, dtype=float), []
    while len(path) < steps + 1:
        path.append(w.copy())
        w -= lr * grad(w)
    return path


def _uphill(grad, w0, lr, steps):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] + lr * grad(path[-1]))
    return np.array(path)


def _last_only(grad, w0, lr, steps):
    w = w0
    for _ in range(steps):
        w = w - lr * grad(w)
    return w


def _no_start(grad, w0, lr, steps):
    path, w = [], w0
    for _ in range(steps):
        w = w - lr * grad(w)
        path.append(w)
    return np.array(path).reshape(steps, -1)


def _one_too_many(grad, w0, lr, steps):
    return _descent(grad, w0, lr, steps + 1)


def _same_array(grad, w0, lr, steps):              # appends w, then changes it in place
    w = w0.copy()
    path = [w]
    for _ in range(steps):
        w -= lr * grad(w)
        path.append(w)
    return np.array(path)


def _gradient_at_start(grad, w0, lr, steps):
    path = [w0]
    for _ in range(steps):
        path.append(path[-1] - lr * grad(w0))
    return np.array(path)


def _minibatches(n, batch_size, seed):
    order = np.random.default_rng(seed).permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def _minibatches_split(n, batch_size, seed):          # np.array_split at the batch boundaries
    order = np.random.default_rng(seed).permutation(n)
    return np.split(order, range(batch_size, n, batch_size))


def _in_order(n, batch_size, seed):
    order = np.arange(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def _drop_last(n, batch_size, seed):
    order = np.random.default_rng(seed).permutation(n)
    return [order[start:start + batch_size] for start in range(0, n - batch_size + 1, batch_size)]


def _with_replacement(n, batch_size, seed):
    rng = np.random.default_rng(seed)
    return [rng.integers(0, n, size=min(batch_size, n - start)) for start in range(0, n, batch_size)]


def _unseeded(n, batch_size, seed):
    order = np.random.default_rng().permutation(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


def _fixed_seed(n, batch_size, seed):
    return _minibatches(n, batch_size, 0)


CASES = {
    "check_gradient_descent": {
        "kind": "function",
        "right": [_descent, _descent_list],
        "wrong": [(_uphill, "you stepped uphill"),
                  (_last_only, "you returned one point"),
                  (_no_start, "one row is missing"),
                  (_one_too_many, "one row too many"),
                  (_same_array, "every row is the same point"),
                  (_gradient_at_start, "at the current point w")],
    },
    "check_eta_one_step": {
        "kind": "value",
        "right": [0.125, 1 / 8, np.float64(0.125)],
        "wrong": [(0.5, "4 times steeper"),
                  (0.25, "edge of divergence"),
                  (1 / 16, "halves the distance"),
                  (8, "slope's factor"),
                  (-0.125, "a learning rate is positive"),
                  (0.3, "Which eta makes that factor 0?")],
    },
    "check_minibatches": {
        "kind": "function",
        "right": [_minibatches, _minibatches_split],
        "wrong": [(_in_order, "shuffle first"),
                  (_drop_last, "the last, smaller batch"),
                  (_with_replacement, "uses some examples twice"),
                  (_unseeded, "called twice with the same seed"),
                  (_fixed_seed, "use the seed argument"),
                  (lambda n, b, s: [list(range(n))], "expected [3, 3, 3, 1]")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    # 08.1 in the pattern of the five steps by hand (w, ws)
    "08.1": ("w = w0\n"
             "path = [w]\n"
             "for step in range(steps):\n"
             "    w = w - lr * grad(w)\n"
             "    path.append(w)\n"
             "return np.array(path)"),
    "08.2": ("eta = 1 / 8          # dE/dw = 8 (w - 3): one step multiplies w - 3 by 1 - 8 eta\n"
             "eta_one_step = eta"),
    "08.3": ("rng = np.random.default_rng(seed)\n"
             "order = rng.permutation(n)\n"
             "batches = []\n"
             "for start in range(0, n, batch_size):\n"
             "    batches.append(order[start:start + batch_size])\n"
             "return batches"),
}

WRONG = {
    "08.1": ("w = w0\n"                                                  # a plus: uphill
             "path = [w]\n"
             "for step in range(steps):\n"
             "    w = w + lr * grad(w)\n"
             "    path.append(w)\n"
             "return np.array(path)"),
    "08.2": ("eta = 1 / 2          # the 1-D bowl's answer, copied\n"
             "eta_one_step = eta"),
    "08.3": ("order = np.arange(n)\n"                                    # never shuffled
             "batches = []\n"
             "for start in range(0, n, batch_size):\n"
             "    batches.append(order[start:start + batch_size])\n"
             "return batches"),
}
