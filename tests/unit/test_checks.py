"""_checks: the argument checks, and ``checked``, the table of constraints on a public function.

The messages themselves are tested where they are met (test_network.py, test_datasets.py, ...,
and the sweep of tests/quality/test_reliability.py); here, how a table is applied.
"""
import inspect

import numpy as np
import pytest

from nn_helpers import MLP, _checks as val, datasets, gradcheck, optimizers


@val.checked(n=val.positive_int, lr=val.positive_real, seed=val.optional(val.seed_value))
def _train(data, n=3, lr=1, seed=None):
    return data, n, lr, seed


def test_a_table_checks_and_converts_given_values_and_defaults():
    assert _train("d") == ("d", 3, 1.0, None)                 # the default lr=1 arrives as 1.0
    assert _train("d", 5, lr=2) == ("d", 5, 2.0, None)        # positional or by keyword
    assert _train("d", seed=4)[3] == 4
    assert isinstance(_train("d")[2], float)


def test_the_first_bad_argument_in_the_signature_is_reported():
    with pytest.raises(ValueError, match=r"^n must be an integer >= 1; got 0$"):
        _train("d", 0, lr=-1)
    with pytest.raises(ValueError, match=r"^lr must be > 0; got -1.0$"):
        _train("d", lr=-1)
    with pytest.raises(TypeError, match=r"^seed must be an integer >= 0; got str 'x'$"):
        _train("d", seed="x")


def test_the_checked_function_keeps_its_signature_name_and_table():
    assert str(inspect.signature(_train)) == "(data, n=3, lr=1, seed=None)"
    assert _train.__name__ == "_train" and _train.__module__ == __name__
    assert list(_train.constraints) == ["n", "lr", "seed"]


def test_a_table_naming_no_parameter_or_a_bad_default_fails_at_definition():
    with pytest.raises(TypeError, match=r"has no parameter \['epoch'\]"):
        val.checked(epoch=val.positive_int)(lambda epochs=1: epochs)
    with pytest.raises(ValueError, match=r"lr must be > 0; got 0.0"):
        val.checked(lr=val.positive_real)(lambda lr=0: lr)


# the core's public functions, and the parameters each checks at its boundary (data whose shape
# depends on the network, X and Y, are checked as numbers here and for their shape by the network)
TABLES = {
    MLP.__init__: {"sizes", "activation", "output_activation", "loss", "seed", "bias"},
    MLP.forward: {"X"}, MLP.forward_trace: {"X"}, MLP.predict: {"X"}, MLP.accuracy: {"y"},
    MLP.loss: {"X", "Y"}, MLP.gradients: {"X", "Y"},
    MLP.fit: {"X", "Y", "epochs", "lr", "batch_size", "seed", "l2", "callback", "callback_every",
              "validation_data", "train_biases"},
    datasets.make_moons: {"n_samples", "noise", "seed"}, datasets.make_xor: {"n_samples", "noise", "seed"},
    datasets.make_circles: {"n_samples", "noise", "factor", "seed"},
    datasets.make_spiral: {"n_samples", "noise", "n_classes", "seed"},
    datasets.make_gaussians: {"n_samples", "noise", "n_classes", "seed"},
    optimizers.SGD.__init__: {"lr"}, optimizers.Momentum.__init__: {"lr", "beta"},
    optimizers.RMSProp.__init__: {"lr", "beta", "eps"}, optimizers.Adam.__init__: {"lr", "beta1", "beta2", "eps"},
    optimizers.optimize_path: {"grad", "start", "steps"},
    gradcheck.numerical_gradient: {"f", "x", "eps"}, gradcheck.gradient_check: {"net", "tolerance"},
}


@pytest.mark.parametrize("func, names", TABLES.items(), ids=[f.__qualname__ for f in TABLES])
def test_the_core_checks_its_arguments_once_at_the_boundary(func, names):
    assert set(func.constraints) == names


def test_fit_receives_every_setting_checked_and_converted():
    net = MLP([2, 3, 1], seed=0)
    history = net.fit(np.zeros((4, 2)), [0, 1, 0, 1], epochs=np.int64(2), lr=1, l2=0)
    assert len(history["loss"]) == 2


def test_the_checks_other_modules_call_are_all_still_there():
    for name in ("as_float_array", "positive_int", "real_number", "seed_value", "lookup", "numeric_array",
                 "flag", "choice", "instance", "function", "index", "interval", "in_range"):
        assert callable(getattr(val, name)), name
