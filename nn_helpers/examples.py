"""The worked examples of the tutorials the series follows, with their published weights."""
import numpy as np

from .datasets import truth_table
from .network import MLP


def mazur_example():
    """Matt Mazur's 2-2-2 backpropagation example.

    Inputs 0.05, 0.10; targets 0.01, 0.99; sigmoid everywhere; squared error
    E = sum 1/2 (t - o)^2; the tutorial trains with lr = 0.5 and leaves biases alone.
    Hidden weights w1..w4 = .15 .20 .25 .30 (w1: i1->h1, w2: i2->h1, w3: i1->h2,
    w4: i2->h2) and b1 = .35; output weights w5..w8 = .40 .45 .50 .55 (w5: h1->o1,
    w6: h2->o1, w7: h1->o2, w8: h2->o2) and b2 = .60 (one bias per layer, shared).

    Returns (net, x, t) with x, t of shape (2,).
    """
    weights = [np.array([[0.15, 0.20],     # into h1 from i1, i2: w1, w2
                         [0.25, 0.30]]),   # into h2: w3, w4
               np.array([[0.40, 0.45],     # into o1 from h1, h2: w5, w6
                         [0.50, 0.55]])]   # into o2: w7, w8
    biases = [np.array([0.35, 0.35]), np.array([0.60, 0.60])]
    net = MLP([2, 2, 2], activation="sigmoid", output_activation="sigmoid",
              loss="squared_error", weights=weights, biases=biases)
    return net, np.array([0.05, 0.10]), np.array([0.01, 0.99])


def boolean_example():
    """The 3-3-1 network for F(x, y, z) = xy + not z, with the tutorial's published weights.

    Sigmoid, no biases. Weights into hidden nodes 1, 2, 3 from (x, y, z): (0.9, 0.8, 0.1),
    (0.3, 0.5, 0.6), (0.2, 0.4, 0.7); into the output from the hidden nodes: (0.3, 0.5, 0.9).
    Returns (net, X, y): X (8, 3) is the truth table in counting order, y (8,) the F values.
    """
    weights = [np.array([[0.9, 0.8, 0.1],
                         [0.3, 0.5, 0.6],
                         [0.2, 0.4, 0.7]]),
               np.array([[0.3, 0.5, 0.9]])]
    net = MLP([3, 3, 1], activation="sigmoid", output_activation="sigmoid",
              loss="squared_error", weights=weights, bias=False)
    X, y = truth_table()
    return net, X, y
