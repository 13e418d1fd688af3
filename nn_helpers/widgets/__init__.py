"""Interactive explorers (ipywidgets only): thin controls over the plain functions of the core,
``nn_helpers.lessons`` and ``nn_helpers.viz``; the playground is in ``nn_helpers.widgets.playground``.

    from nn_helpers import widgets
    widgets.neuron_explorer()
"""
from .explorers import (ALL_ACTIVATIONS, IPYMPL_BACKENDS, LEARNING_RATES, NEURON_ACTIVATIONS, NEURON_DATASETS,
                        SLOPE_FUNCTIONS, Explorer, activation_explorer, approximation_explorer,
                        backprop_explorer, backprop_stepper, backprop_steps, digit_explorer, figure_view,
                        forward_explorer, learning_rate_explorer, loss_explorer, neuron_data,
                        neuron_explorer, optimizer_explorer, refresh, slope_explorer, uses_ipympl)

__all__ = ["ALL_ACTIVATIONS", "IPYMPL_BACKENDS", "LEARNING_RATES", "NEURON_ACTIVATIONS", "NEURON_DATASETS",
           "SLOPE_FUNCTIONS", "Explorer", "activation_explorer", "approximation_explorer",
           "backprop_explorer", "backprop_stepper", "backprop_steps", "digit_explorer", "figure_view",
           "forward_explorer", "learning_rate_explorer", "loss_explorer", "neuron_data",
           "neuron_explorer", "optimizer_explorer", "refresh", "slope_explorer", "uses_ipympl"]
