"""Pictures (matplotlib only): one style, the plots and diagrams the notebooks draw, replays.

    from nn_helpers import viz
    viz.plot_decision_boundary(net, X, y)

Every function here draws what the core (``nn_helpers.network``, ``activations``, ...) or
``nn_helpers.lessons`` computed; none of them computes anything a notebook teaches.
"""
from .plotting import (CLASS_COLORS, CLASS_CMAP, plot_points, plot_decision_boundary, plot_neuron,
                       update_neuron, plot_loss_curve, plot_descent_path, plot_loss_surface,
                       ONE_PREDICTION_LOSSES, plot_losses_at, update_losses_at, plot_approximation,
                       plot_hidden_contributions, digit_title, plot_digit_prediction,
                       update_digit_prediction, REGIME_COLORS, plot_descent_run,
                       update_descent_run, RACE_COLORS, plot_optimizer_race, update_optimizer_race)
from .diagrams import (plot_network, activation_curves, plot_activation, mark_activation,
                       mark_edges, plot_slope, graph_layout, plot_graph, plot_notation,
                       plot_biological_neuron, plot_artificial_neuron)

__all__ = ["CLASS_COLORS", "CLASS_CMAP", "plot_points", "plot_decision_boundary", "plot_neuron", "update_neuron", "plot_loss_curve", "plot_descent_path", "plot_loss_surface", "ONE_PREDICTION_LOSSES", "plot_losses_at", "update_losses_at", "plot_approximation", "plot_hidden_contributions", "digit_title", "plot_digit_prediction", "update_digit_prediction", "REGIME_COLORS", "plot_descent_run", "update_descent_run", "RACE_COLORS", "plot_optimizer_race", "update_optimizer_race", "plot_network", "activation_curves", "plot_activation", "mark_activation", "mark_edges", "plot_slope", "graph_layout", "plot_graph", "plot_notation", "plot_biological_neuron", "plot_artificial_neuron"]
