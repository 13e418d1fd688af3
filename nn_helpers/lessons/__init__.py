"""The maths one notebook needs beyond the core, written on top of it (NumPy only).

    from nn_helpers import lessons
    path = lessons.descent_path(grad, start=4.0, lr=0.1, steps=20)
"""
from ..viz.plotting import (decision_grid, neuron, neuron_formula, neuron_accuracy, best_line,
                            descent_path, loss_curves, losses_at, APPROXIMATION_TARGETS,
                            approximation_target, staircase_network, approximation_error,
                            DESCENT_SURFACES, DESCENT_REGIMES, classify_descent, descent_run,
                            OPTIMIZER_SURFACES, optimizer_surface, race_paths, race_losses)
from ..viz.diagrams import (chain_rule_factors, factors_text)

__all__ = ["decision_grid", "neuron", "neuron_formula", "neuron_accuracy", "best_line", "descent_path", "loss_curves", "losses_at", "APPROXIMATION_TARGETS", "approximation_target", "staircase_network", "approximation_error", "DESCENT_SURFACES", "DESCENT_REGIMES", "classify_descent", "descent_run", "OPTIMIZER_SURFACES", "optimizer_surface", "race_paths", "race_losses", "chain_rule_factors", "factors_text"]
