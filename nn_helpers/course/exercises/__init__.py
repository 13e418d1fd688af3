"""Checkers for the notebooks' exercises: one per exercise, one module per notebook.

A checker takes the learner's answer (a function or a value) as its argument, never a
global. Calling it prints one line: "Correct", "Not solved yet" (the stub is still
there) or "Not quite" with what was expected, what came, and a hint. It never raises,
whatever the learner's code does, so "Run All" goes on to the end of the notebook.
Each checker's pure part is ``check_x.verdict(answer)``, which returns a ``Verdict``.

To add a checker: write it in the module of its notebook (``nbNN.py``) with the
``@checker`` decorator and the helpers of ``_core``, import it here, and give it right
and wrong answers in ``tests/exercise_cases/nbNN.py``.
"""
from ._core import CORRECT, UNSOLVED, WRONG, Verdict, checker, close_to, unsolved_value  # noqa: F401

# One line per notebook:
from .nb00 import check_accuracy
from .nb02 import check_line, check_nand, check_neuron
from .nb03 import check_leaky_relu_prime, check_softmax_batch, check_tanh_from_sigmoid
from .nb05 import check_binary_cross_entropy, check_half_squared_error, check_mse
from .nb04 import check_forward_batch, check_hidden_2, check_layer_forward
from .nb07 import check_dE_dw7, check_hidden_delta, check_output_delta
from .nb06 import check_central_difference, check_dE_db, check_value_tanh
from .nb01 import check_bump, check_network_output
from .nb09 import check_one_hot, check_per_class_accuracy, check_predict
from .nb10 import check_adam_step, check_l2_gradient, check_momentum_step
from .nb08 import check_eta_one_step, check_gradient_descent, check_minibatches
