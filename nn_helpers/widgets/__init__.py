"""Interactive explorers (ipywidgets only): thin controls over the plain functions of
``nn_helpers.lessons`` and ``nn_helpers.viz``.

``base``        the ``Explorer`` (controls wired to one matplotlib figure) and how its picture is shown
``frames``      its canvas: each move redraws only what changed (blitting) and encodes a PNG fast
``explorers``   the explorers, one or two per notebook (its docstring lists them); those of
                training (08 to 10) in ``training_explorers``
``progress``    a progress bar for a training loop that reads as a sentence before a run
``playground``  the TensorFlow-Playground-like trainer (``nn_helpers.widgets.playground``)

    from nn_helpers import widgets
    widgets.neuron_explorer()
"""
from ..lessons.chain_rule import backprop_steps
from ..lessons.one_neuron import NEURON_DATASETS, neuron_data
from ..lessons.slopes import SLOPE_FUNCTIONS
from .base import IPYMPL_BACKENDS, Explorer, figure_view, refresh, uses_ipympl
from .explorers import (ALL_ACTIVATIONS, NEURON_ACTIVATIONS, activation_explorer, approximation_explorer,
                        backprop_explorer, backprop_stepper, forward_explorer, loss_explorer, neuron_explorer,
                        slope_explorer)
from .progress import ProgressBar
from .training_explorers import (LEARNING_RATES, digit_explorer, learning_rate_explorer, optimizer_explorer,
                                 training_replay)

__all__ = ["ALL_ACTIVATIONS", "IPYMPL_BACKENDS", "LEARNING_RATES", "NEURON_ACTIVATIONS", "NEURON_DATASETS",
           "ProgressBar", "SLOPE_FUNCTIONS", "Explorer", "activation_explorer", "approximation_explorer",
           "backprop_explorer", "backprop_stepper", "backprop_steps", "digit_explorer", "figure_view",
           "forward_explorer", "learning_rate_explorer", "loss_explorer", "neuron_data",
           "neuron_explorer", "optimizer_explorer", "refresh", "slope_explorer", "training_replay", "uses_ipympl"]
