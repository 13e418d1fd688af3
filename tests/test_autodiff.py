"""Value: every operation's value and gradient, checked against the formula and central differences;
and the module is the code notebook 06 writes, line for line."""
import ast
import inspect
import math
from pathlib import Path

import numpy as np
import pytest

from nn_helpers.autodiff import Value, backward, sigmoid, topological_order
from nn_helpers.gradcheck import numerical_gradient


def neuron_error(x, w, b, t):
    """E = 1/2 (sigma(w x + b) - t)^2, the notebook's worked example, with Values or floats."""
    return 0.5 * ((w * x + b).sigmoid() - t) ** 2


def test_the_notebooks_neuron():
    # x = 1.5, w = 0.8, b = -0.2, t = 1: z = 1.0, a = sigma(1) = 0.731059, E = 1/2 (0.268941)^2
    x, w, b = Value(1.5), Value(0.8), Value(-0.2)
    E = neuron_error(x, w, b, 1.0)
    E.backward()
    a = 1 / (1 + math.exp(-1.0))
    assert E.data == pytest.approx(0.5 * (a - 1) ** 2) == pytest.approx(0.036165, abs=1e-6)
    delta = (a - 1) * a * (1 - a)                       # dE/dz = (a - t) sigma'(z) = -0.052877
    assert w.grad == pytest.approx(delta * 1.5)         # dE/dw = delta x = -0.079316
    assert b.grad == pytest.approx(delta)               # dE/db = delta
    assert x.grad == pytest.approx(delta * 0.8)         # dE/dx = delta w
    assert w.grad == pytest.approx(-0.079316, abs=1e-6)


OPERATIONS = {                                          # name -> (Value expression, float expression)
    "add": (lambda p, q: p + q, lambda p, q: p + q),
    "mul": (lambda p, q: p * q, lambda p, q: p * q),
    "sub": (lambda p, q: p - q, lambda p, q: p - q),
    "rsub": (lambda p, q: 2.0 - p * q, lambda p, q: 2.0 - p * q),
    "neg": (lambda p, q: -p + q, lambda p, q: -p + q),
    "radd_rmul": (lambda p, q: 3 + 2 * p * q, lambda p, q: 3 + 2 * p * q),
    "pow": (lambda p, q: p ** 3 + q ** 2, lambda p, q: p ** 3 + q ** 2),
    "exp": (lambda p, q: (p * q).exp(), lambda p, q: math.exp(p * q)),
    "sigmoid": (lambda p, q: (p - q).sigmoid(), lambda p, q: 1 / (1 + math.exp(q - p))),
    "tanh": (lambda p, q: (p + q).tanh(), lambda p, q: math.tanh(p + q)),
    "used_twice": (lambda p, q: p * p + p * q, lambda p, q: p * p + p * q),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
@pytest.mark.parametrize("p0, q0", [(0.7, -1.3), (-2.0, 0.4)])
def test_value_and_gradient_match_floats_and_central_differences(name, p0, q0):
    with_values, with_floats = OPERATIONS[name]
    p, q = Value(p0), Value(q0)
    out = with_values(p, q)
    out.backward()
    assert out.data == pytest.approx(with_floats(p0, q0), rel=1e-12)
    numerical = numerical_gradient(lambda v: with_floats(*v), np.array([p0, q0]))
    np.testing.assert_allclose([p.grad, q.grad], numerical, rtol=1e-6, atol=1e-8)


def test_sigmoid_does_not_overflow():
    for z in (-1000.0, 1000.0):
        v = Value(z)
        a = v.sigmoid()
        a.backward()
        assert 0.0 <= a.data <= 1.0 and v.grad == pytest.approx(0.0)


def test_topological_order_puts_every_node_after_its_inputs():
    x, w = Value(1.0), Value(2.0)
    y = (x * w + x).exp()
    order = topological_order(y)
    assert order[-1] is y and len(order) == 5           # x, w, x*w, x*w + x, exp
    for i, v in enumerate(order):
        assert all(order.index(p) < i for p in v._prev)


def test_repr_and_label():
    assert repr(Value(2.0, label="w")) == "Value(w: data=2, grad=0)"
    assert repr(Value(0.5)) == "Value(data=0.5, grad=0)"


def test_exponent_must_be_a_number():
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(3.0)


def test_a_value_holds_a_number_and_says_so():
    with pytest.raises(TypeError, match=r"Value holds one number \(an int or a float\); got 'abc'"):
        Value("abc")
    with pytest.raises(TypeError, match=r"Value holds one number .*; got \[1, 2\]"):
        Value(2.0) * [1, 2]                              # the other side becomes a Value first
    with pytest.raises(TypeError, match="Value holds one number"):
        "2" - Value(1.0)                                 # rsub: the string is not read as 2
    assert Value(True).data == 1.0 and Value(np.float64(0.25)).data == 0.25 and Value(3).data == 3.0


def test_backward_and_topological_order_need_a_value():
    with pytest.raises(TypeError, match="root must be a Value; got 3.0"):
        backward(3.0)
    with pytest.raises(TypeError, match="root must be a Value; got None"):
        topological_order(None)
    with pytest.raises(TypeError, match=r"z must be a number; got str 'abc'"):
        sigmoid("abc")
    assert sigmoid(np.float32(0.0)) == 0.5 and math.isnan(sigmoid(math.nan))      # NaN flows on, as before


# ---------------------------------------------------------------- the notebook writes this very code

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "solutions" / "06_chain_rule.ipynb"
SAME_IN_NOTEBOOK = ["add", "mul", "sub", "power", "exp", "value_sigmoid", "value_tanh", "radd", "rmul",
                    "rsub", "neg", "topological_order", "backward", "Value"]
HELPER_ONLY = {                      # lines nn_helpers adds to the notebook's code, and why
    "power": ["if not isinstance(k, (int, float)):",                         # a clear error message
              'raise TypeError(f"only a number as the exponent; got {type(k).__name__}")'],
}


def notebook_definitions():
    """{name: source lines} of every top-level def/class in the notebook's code cells (solutions kept)."""
    import nbformat
    found = {}
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        source = "\n".join(line for line in cell.source.split("\n") if "### " not in line)
        tree = ast.parse(source)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                found[node.name] = source.split("\n")[node.lineno - 1:node.end_lineno]
    return found


@pytest.mark.parametrize("name", SAME_IN_NOTEBOOK)
def test_the_module_is_the_notebooks_code_line_for_line(name):
    from nn_helpers import autodiff
    helper = [line.strip() for line in inspect.getsource(getattr(autodiff, name)).rstrip().split("\n")]
    helper = [line for line in helper if line not in HELPER_ONLY.get(name, [])]
    notebook = [line.strip() for line in notebook_definitions()[name]]
    if name == "Value":      # the notebook's class gets its tanh only in exercise 06.3, after it
        helper = [line for line in helper if not line.startswith("exp, sigmoid, tanh = ")]
        notebook = [line for line in notebook if not line.startswith("exp, sigmoid = ")]
        assert Value.tanh is autodiff.value_tanh and Value.sigmoid is autodiff.value_sigmoid
    assert helper == notebook
