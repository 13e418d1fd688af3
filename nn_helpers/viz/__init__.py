"""Pictures (matplotlib only): one style, the plots and diagrams the notebooks draw.

``style``            the palette (one colour and one marker per class) and the axes every picture is drawn on
``points``           class-coloured points, decision boundaries, one neuron's output (00 to 03)
``approximation``    a staircase network against its target curve (01)
``schematics``       a nerve cell, an artificial neuron, the notation of a layer (01, 04)
``network_diagram``  the network diagram with its forward pass and gradients (01 to 07)
``slopes``           an activation and its slope; a secant and a tangent (03, 06)
``curves``           a training run's loss curve; the losses of one prediction (05, 08)
``graphs``           a computational graph, step by step (06)
``descent``          gradient descent on a loss surface; the optimizer race (08, 10)
``digits``           one handwritten digit and the network's probabilities (09)
``alt_text``         what a figure shows, in words: its alt text in JupyterLab, Voila and the site

    from nn_helpers import viz
    viz.plot_decision_boundary(net, X, y)

Every function here draws what the core (``nn_helpers.network``, ``activations``, ...) or
``nn_helpers.lessons`` computed; none of them computes anything a notebook teaches.
"""
from ..lessons.slopes import activation_curves
from .alt_text import describe, figure_html, show_alt_text
from .approximation import plot_approximation, plot_hidden_contributions
from .curves import ONE_PREDICTION_LOSSES, plot_loss_curve, plot_losses_at, update_losses_at
from .descent import (plot_descent_path, plot_descent_run, plot_loss_surface, plot_optimizer_race,
                      update_descent_run, update_optimizer_race)
from .digits import digit_title, plot_digit_prediction, update_digit_prediction
from .graphs import graph_layout, plot_graph
from .network_diagram import inches_per_unit, mark_edges, node_labels, plot_network, update_network_trace
from .points import plot_decision_boundary, plot_neuron, plot_points, update_neuron
from .schematics import plot_artificial_neuron, plot_biological_neuron, plot_notation
from .slopes import mark_activation, plot_activation, plot_slope
from .style import CLASS_CMAP, CLASS_COLORS, CLASS_MARKERS, RACE_COLORS, REGIME_COLORS, class_handles

__all__ = ["CLASS_COLORS", "CLASS_MARKERS", "CLASS_CMAP", "class_handles", "plot_points", "plot_decision_boundary",
           "plot_neuron", "update_neuron",
           "plot_loss_curve", "plot_descent_path", "plot_loss_surface", "ONE_PREDICTION_LOSSES", "plot_losses_at",
           "update_losses_at", "plot_approximation", "plot_hidden_contributions", "digit_title",
           "plot_digit_prediction", "update_digit_prediction", "REGIME_COLORS", "plot_descent_run",
           "update_descent_run", "RACE_COLORS", "plot_optimizer_race", "update_optimizer_race", "plot_network",
           "activation_curves", "plot_activation", "mark_activation", "mark_edges", "plot_slope", "graph_layout",
           "plot_graph", "plot_notation", "plot_biological_neuron", "plot_artificial_neuron",
           # new: the diagram's pieces the forward-pass explorer shares with plot_network
           "node_labels", "inches_per_unit", "update_network_trace",
           "describe", "figure_html", "show_alt_text"]

show_alt_text()      # in IPython: figures are shown with alt text (see alt_text's docstring)
