"""The maths one notebook needs beyond the core, written on top of it (NumPy only; never matplotlib).

``one_neuron``      one neuron on 2-D points: its formula, accuracy, decision line, the best line (01, 02)
``approximation``   a staircase network through a curve: universal approximation, built (01)
``slopes``          an activation beside its slope, where it saturates, a secant's slope (03, 06)
``one_prediction``  the losses of one prediction and their slopes (05)
``chain_rule``      each weight's gradient as its chain-rule factors; a walk through a Value graph (06, 07)
``descent``         gradient descent on surfaces you can draw, and the optimizer race (05, 08, 10)
``checks``          the checks of these modules' arguments (points and labels, limits, ...)

    from nn_helpers import lessons
    path = lessons.descent_path(grad, start=4.0, lr=0.1, steps=20)
"""
from .approximation import APPROXIMATION_TARGETS, approximation_error, approximation_target, staircase_network
from .chain_rule import backprop_steps, chain_rule_factors, factors_text
from .descent import (DESCENT_REGIMES, DESCENT_SURFACES, OPTIMIZER_SURFACES, classify_descent, descent_path,
                      descent_run, optimizer_surface, race_losses, race_paths)
from .one_neuron import (NEURON_DATASETS, best_line, decision_grid, decision_line, neuron, neuron_accuracy,
                     neuron_data, neuron_formula)
from .one_prediction import loss_curves, losses_at
from .slopes import SLOPE_FUNCTIONS, activation_curves, saturated_intervals, secant

__all__ = ["decision_grid", "neuron", "neuron_formula", "neuron_accuracy", "best_line", "descent_path",
           "loss_curves", "losses_at", "APPROXIMATION_TARGETS", "approximation_target", "staircase_network",
           "approximation_error", "DESCENT_SURFACES", "DESCENT_REGIMES", "classify_descent", "descent_run",
           "OPTIMIZER_SURFACES", "optimizer_surface", "race_paths", "race_losses", "chain_rule_factors",
           "factors_text",
           # moved here from viz and widgets, where they were computed beside the drawing
           "NEURON_DATASETS", "neuron_data", "decision_line", "SLOPE_FUNCTIONS", "activation_curves",
           "saturated_intervals", "secant", "backprop_steps"]
