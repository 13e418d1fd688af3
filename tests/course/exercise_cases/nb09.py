"""Answers for the checkers of 09_capstone_handwritten_digits."""
import numpy as np


def _forward_right(net, X):
    a = X
    for l, (W, b) in enumerate(zip(net.weights, net.biases)):
        z = a @ W.T + b
        a = net.hidden.f(z) if l < len(net.weights) - 1 else net.output.f(z)
    return np.argmax(a, axis=1)


def _loop_right(net, X):
    labels = []
    for x in X:                                 # one example at a time, z = W a + b
        a = x
        for W, b in zip(net.weights[:-1], net.biases[:-1]):
            a = net.hidden.f(W @ a + b)
        labels.append(int(np.argmax(net.weights[-1] @ a + net.biases[-1])))   # softmax keeps the order
    return np.array(labels)


def _linear(net, X):
    a = X
    for W, b in zip(net.weights, net.biases):
        a = a @ W.T + b
    return np.argmax(a, axis=1)


def _tanh_always(net, X):
    a = X
    for W, b in zip(net.weights[:-1], net.biases[:-1]):
        a = np.tanh(a @ W.T + b)
    return np.argmax(a @ net.weights[-1].T + net.biases[-1], axis=1)


def _loop_confusion(cm):
    return np.array([cm[i, i] / sum(cm[i]) for i in range(len(cm))])


CASES = {
    "check_one_hot": {
        "kind": "function",
        "right": [lambda y, k: np.eye(k)[np.asarray(y).astype(int)],
                  lambda y, k: (np.arange(k) == np.asarray(y)[:, None]).astype(float)],
        "wrong": [(lambda y, k: np.eye(k)[y], "use y.astype(int)"),
                  (lambda y, k: np.eye(k)[y.astype(int)].T, "one ROW per label"),
                  (lambda y, k: np.eye(k)[y.astype(int) - 1], "off by one"),
                  (lambda y, k: np.eye(k + 1)[y.astype(int)], "not n_classes + 1"),
                  (lambda y, k: np.eye(int(y.max()) + 1)[y.astype(int)], "not y.max() + 1")],
    },
    "check_per_class_accuracy": {
        "kind": "function",
        "right": [lambda cm: np.diag(cm) / cm.sum(axis=1), _loop_confusion],
        "wrong": [(lambda cm: np.diag(cm) / cm.sum(axis=0), "rows are the TRUE digits"),
                  (lambda cm: np.trace(cm) / cm.sum(), "overall accuracy"),
                  (lambda cm: np.diag(cm) / cm.sum(), "its own total"),
                  (lambda cm: np.diag(cm), "those are counts"),
                  (lambda cm: 1 - np.diag(cm) / cm.sum(axis=1), "error rate")],
    },
    "check_predict": {
        "kind": "function",
        "right": [lambda net, X: net.predict(X), _forward_right, _loop_right],
        "wrong": [(lambda net, X: np.argmax(net.forward(X), axis=0), "each ROW (axis=1)"),
                  (lambda net, X: net.forward(X), "not probabilities"),
                  (lambda net, X: np.argmax(X @ net.weights[-1].T + net.biases[-1], axis=1),
                   "starting from the input X"),
                  (lambda net, X: np.argmax(net.hidden.f(X @ net.weights[0].T + net.biases[0]), axis=1),
                   "stopped after the first layer"),
                  (_linear, "apply each layer's activation"),
                  (_tanh_always, "not np.tanh")],
    },
}

# What a learner types in each exercise cell (tests/course/natural_answers.py says how they are used):
# a natural right answer, in the names of the cells around it, and the typical wrong one.
NATURAL = {
    "09.1": "return np.eye(n_classes)[np.asarray(y).astype(int)]",
    "09.2": "return np.diag(cm) / cm.sum(axis=1)",
    "09.3": ("a = X\n"
             "for l in range(len(net.weights)):\n"
             "    z = a @ net.weights[l].T + net.biases[l]\n"
             "    if l < len(net.weights) - 1:\n"
             "        a = net.hidden.f(z)\n"
             "    else:\n"
             "        a = net.output.f(z)\n"
             "return np.argmax(a, axis=1)"),
}

WRONG = {
    "09.1": "return np.eye(n_classes)[y]",                               # float labels cannot index
    "09.2": "return np.diag(cm) / cm.sum(axis=0)",                       # column sums: per predicted class
    "09.3": ("a = X\n"                                                   # argmax over the examples
             "for l in range(len(net.weights)):\n"
             "    z = a @ net.weights[l].T + net.biases[l]\n"
             "    if l < len(net.weights) - 1:\n"
             "        a = net.hidden.f(z)\n"
             "    else:\n"
             "        a = net.output.f(z)\n"
             "return np.argmax(a, axis=0)"),
}
