"""Value: every operation's value and gradient, checked against the formula and central differences;
micrograd's own tests (test/test_engine.py) against hand-derived numbers, central differences and,
where it is installed, PyTorch; a chain 5,000 nodes deep; and the module is the code notebook 06
writes, line for line."""
import ast
import inspect
import math
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from nn_helpers.autodiff import Value, backward, sigmoid, topological_order
from nn_helpers.gradcheck import numerical_gradient
from tests import REPO


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


def float_relu(v):
    return v if v > 0 else 0.0


OPERATIONS = {                                          # name -> (Value expression, float expression)
    "add": (lambda p, q: p + q, lambda p, q: p + q),
    "mul": (lambda p, q: p * q, lambda p, q: p * q),
    "sub": (lambda p, q: p - q, lambda p, q: p - q),
    "sub_number": (lambda p, q: p * q - 0.5, lambda p, q: p * q - 0.5),
    "rsub": (lambda p, q: 2.0 - p * q, lambda p, q: 2.0 - p * q),
    "neg": (lambda p, q: -p + q, lambda p, q: -p + q),
    "radd_rmul": (lambda p, q: 3 + 2 * p * q, lambda p, q: 3 + 2 * p * q),
    "pow": (lambda p, q: p ** 3 + q ** 2, lambda p, q: p ** 3 + q ** 2),
    "pow_negative": (lambda p, q: p ** -2 * q, lambda p, q: p ** -2 * q),
    "pow_fraction": (lambda p, q: (p * p + q * q) ** 1.5, lambda p, q: (p * p + q * q) ** 1.5),
    "div": (lambda p, q: p / q, lambda p, q: p / q),
    "div_number": (lambda p, q: (p + q) / 4, lambda p, q: (p + q) / 4),
    "rtruediv": (lambda p, q: 2.0 / (p * q), lambda p, q: 2.0 / (p * q)),
    "div_used_twice": (lambda p, q: (p + 1.0) / (q * q + p * p), lambda p, q: (p + 1.0) / (q * q + p * p)),
    "exp": (lambda p, q: (p * q).exp(), lambda p, q: math.exp(p * q)),
    "log": (lambda p, q: (p * p + q * q).log(), lambda p, q: math.log(p * p + q * q)),
    "log_of_exp": (lambda p, q: (p * q).exp().log() * q, lambda p, q: p * q * q),
    "relu": (lambda p, q: (p - q).relu() * q, lambda p, q: float_relu(p - q) * q),
    "relu_off": (lambda p, q: (p + q).relu() * p + q, lambda p, q: float_relu(p + q) * p + q),
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


def test_the_new_rules_by_hand():
    # at u = 2, v = 3: d(u/v)/du = 1/v, d(u/v)/dv = -u/v^2; d(ln u)/du = 1/u; relu passes 1 or 0
    u, v = Value(2.0), Value(3.0)
    (u / v).backward()
    assert (u.grad, v.grad) == (pytest.approx(1 / 3), pytest.approx(-2 / 9))
    u = Value(2.0)
    out = u.log()
    out.backward()
    assert out.data == math.log(2.0) and u.grad == 0.5
    for start, value, slope in [(2.0, 2.0, 1.0), (-2.0, 0.0, 0.0), (0.0, 0.0, 0.0)]:
        u = Value(start)
        out = u.relu()
        out.backward()
        assert (out.data, u.grad) == (value, slope)             # relu'(0) taken as 0, as MLP does
    u = Value(4.0)
    (u ** 0.5).backward()
    assert u.grad == 0.25                                       # 0.5 u^(-1/2) = 0.5 / 2
    assert (7 / Value(2.0)).data == 3.5 and (Value(7.0) / 2).data == 3.5 and (1 - Value(0.25)).data == 0.75


# ---------------------------------------------------------------- micrograd's operator algebra

def ops_in_graph(root):
    return {v._op for v in topological_order(root)}


def test_subtraction_is_addition_of_the_negation():
    a, b = Value(5.0, label="a"), Value(3.0, label="b")
    out = a - b                                         # a + (b * -1)
    assert out._op == "+" and out._prev[0] is a
    negation = out._prev[1]
    assert negation._op == "*" and negation._prev[0] is b and negation._prev[1].data == -1.0
    assert ops_in_graph(out) == {"+", "*", ""}          # "": the leaves a, b and the constant -1
    out.backward()
    assert (out.data, a.grad, b.grad) == (2.0, 1.0, -1.0)
    out = 10 - a                                        # rsub: (a * -1) + 10
    assert out._op == "+" and out._prev[0]._op == "*" and out._prev[1].data == 10.0
    assert (-a)._op == "*" and (-a)._prev[1].data == -1.0


def test_division_is_multiplication_by_the_power_minus_one():
    a, b = Value(6.0), Value(3.0)
    out = a / b                                         # a * b**-1
    assert out._op == "*" and out._prev[0] is a
    assert out._prev[1]._op == "**-1" and out._prev[1]._prev == (b,)
    out = 6 / b                                         # rtruediv: b**-1 * 6
    assert out._op == "*" and out._prev[0]._op == "**-1" and out._prev[1].data == 6.0
    assert out.data == 2.0


def test_only_seven_operations_have_a_backward_rule():
    x, y = Value(0.3), Value(1.7)
    out = (x - y) / (x * y) + 2 / x - (x ** 2).exp().log() + (-y).relu() + x.sigmoid() + y.tanh() - 1
    ops = ops_in_graph(out) - {""}
    assert {op for op in ops if not op.startswith("**")} == {"+", "*", "exp", "log", "relu", "sigmoid", "tanh"}


# ---------------------------------------------------------------- micrograd's test/test_engine.py

# The two expressions of karpathy/micrograd's test/test_engine.py (test_sanity_check and
# test_more_ops), the same operations with the same constants. micrograd writes z.relu() on its
# Values and torch's relu on tensors; here relu is passed in, so one text serves our Value
# (relu=Value.relu, which is what z.relu() calls) and plain Python floats (for central differences).

def sanity_check(x, relu):
    z = 2 * x + 2 + x
    q = relu(z) + z * x
    h = relu(z * z)
    y = h + q + q * x
    return y


def more_ops(a, b, relu):
    c = a + b
    d = a * b + b**3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + relu(b + a)
    d += 3 * d + relu(b - a)
    e = c - d
    f = e**2
    g = f / 2.0
    g += 10.0 / f
    return g


def central_difference(f, args, i, h=1e-5):
    """(f(.., x_i + h, ..) - f(.., x_i - h, ..)) / 2h in plain Python floats."""
    plus, minus = list(args), list(args)
    plus[i] += h
    minus[i] -= h
    return (f(*plus) - f(*minus)) / (2 * h)


def test_micrograd_sanity_check_by_hand_and_by_central_differences():
    x = Value(-4.0)
    y = sanity_check(x, Value.relu)
    y.backward()
    # By hand, at x = -4: z = 3x + 2 = -10 (so relu(z) = 0 and relu'(z) = 0), q = 0 + z x = 40,
    # h = relu(z^2) = 100, y = h + q + q x = 100 + 40 - 160 = -20.
    # dz/dx = 3, dq/dx = 0 + 3 x + z = -22, dh/dx = 2 z dz/dx = -60,
    # dy/dx = dh/dx + dq/dx + (dq/dx) x + q = -60 - 22 + 88 + 40 = 46.
    assert y.data == -20.0 and x.grad == 46.0
    assert sanity_check(-4.0, float_relu) == -20.0
    assert x.grad == pytest.approx(central_difference(lambda x: sanity_check(x, float_relu), [-4.0], 0),
                                   rel=1e-9)


def test_micrograd_more_ops_by_hand_and_by_central_differences():
    a, b = Value(-4.0), Value(2.0)
    g = more_ops(a, b, Value.relu)
    g.backward()
    # By hand, at a = -4, b = 2: c ends as 3a + 4b + 3 = -1 (c = a + b, then 2c + 1, then 2c + 1 - a);
    # d ends as 12 (ab + b^3) + 4 relu(a + b) + relu(b - a) = 0 + 0 + 6 = 6;
    # e = c - d = -7, f = e^2 = 49, g = f/2 + 10/f = 49/2 + 10/49 = 24.704082 (micrograd's README: 24.7041).
    # dg/de = (1/2 - 10/f^2) 2e = -7 + 140/2401; dc/da = 3, dc/db = 4; relu'(a + b) = 0, relu'(b - a) = 1,
    # so dd/da = 12 b - 1 = 23 and dd/db = 12 (a + 3 b^2) + 1 = 97;
    # dg/da = dg/de (3 - 23) = 138.833819 (README: 138.8338), dg/db = dg/de (4 - 97) = 645.577259 (645.5773).
    dg_de = Fraction(-7) + Fraction(140, 2401)
    expected = {"g": Fraction(49, 2) + Fraction(10, 49), "a": -20 * dg_de, "b": -93 * dg_de}
    assert abs(g.data - float(expected["g"])) < 1e-6 and abs(a.grad - float(expected["a"])) < 1e-6
    assert abs(b.grad - float(expected["b"])) < 1e-6
    assert (round(g.data, 4), round(a.grad, 4), round(b.grad, 4)) == (24.7041, 138.8338, 645.5773)
    as_floats = lambda a, b: more_ops(a, b, float_relu)                                   # noqa: E731
    assert as_floats(-4.0, 2.0) == pytest.approx(g.data, rel=1e-15)
    assert a.grad == pytest.approx(central_difference(as_floats, [-4.0, 2.0], 0), rel=1e-8)
    assert b.grad == pytest.approx(central_difference(as_floats, [-4.0, 2.0], 1), rel=1e-8)


def test_micrograd_tests_against_pytorch():
    torch = pytest.importorskip("torch")
    # test_sanity_check: micrograd's PyTorch half, as micrograd writes it
    x = torch.Tensor([-4.0]).double()
    x.requires_grad = True
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    y.backward()
    xmg = Value(-4.0)
    ymg = sanity_check(xmg, Value.relu)
    ymg.backward()
    assert ymg.data == y.data.item() and xmg.grad == x.grad.item()
    # test_more_ops: micrograd's PyTorch half, as micrograd writes it
    a = torch.Tensor([-4.0]).double()
    b = torch.Tensor([2.0]).double()
    a.requires_grad = True
    b.requires_grad = True
    c = a + b
    d = a * b + b**3
    c = c + c + 1
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    g = g + 10.0 / f
    g.backward()
    amg, bmg = Value(-4.0), Value(2.0)
    gmg = more_ops(amg, bmg, Value.relu)
    gmg.backward()
    tol = 1e-6
    assert abs(gmg.data - g.data.item()) < tol
    assert abs(amg.grad - a.grad.item()) < tol and abs(bmg.grad - b.grad.item()) < tol


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_every_operation_against_pytorch(name):
    torch = pytest.importorskip("torch")
    with_values, _ = OPERATIONS[name]
    for p0, q0 in [(0.7, -1.3), (-2.0, 0.4)]:
        p, q = Value(p0), Value(q0)
        out = with_values(p, q)
        out.backward()
        pt, qt = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (p0, q0))
        out_t = with_values(pt, qt)
        out_t.backward()
        assert out.data == pytest.approx(out_t.item(), rel=1e-12)
        assert (p.grad, q.grad) == (pytest.approx(pt.grad.item(), rel=1e-12, abs=1e-15),
                                    pytest.approx(qt.grad.item(), rel=1e-12, abs=1e-15))


# ---------------------------------------------------------------- the backward pass

def recursive_order(root):
    """The depth-first order as a function that calls itself (micrograd's build_topo)."""
    order, seen = [], set()

    def visit(v):
        if v not in seen:
            seen.add(v)
            for child in v._prev:
                visit(child)
            order.append(v)
    visit(root)
    return order


def test_topological_order_puts_every_node_after_its_inputs():
    x, w = Value(1.0), Value(2.0)
    y = (x * w + x).exp()
    order = topological_order(y)
    assert order[-1] is y and len(order) == 5           # x, w, x*w, x*w + x, exp
    for i, v in enumerate(order):
        assert all(order.index(p) < i for p in v._prev)


def test_the_to_do_list_gives_the_recursive_order():
    """Same nodes in the same order as the recursive search (so the notebook's pictures keep their layout)."""
    a, b = Value(-4.0), Value(2.0)
    graphs = [more_ops(a, b, Value.relu), sanity_check(Value(-4.0), Value.relu),
              neuron_error(Value(1.5), Value(0.8), Value(-0.2), Value(1.0))]
    for root in graphs:
        assert topological_order(root) == recursive_order(root)


def test_a_chain_5000_nodes_deep():
    # the recursive search stops with RecursionError near Python's limit of 1,000 nested calls
    x = Value(0.5)
    y = x
    for _ in range(5000):
        y = y + x                                       # y = 5001 x, each sum one node deeper
    if sys.getrecursionlimit() < 5000:
        with pytest.raises(RecursionError):
            recursive_order(y)
    y.backward()
    assert len(topological_order(y)) == 5001 and y.data == pytest.approx(2500.5) and x.grad == 5001.0
    x, total = Value(0.5), Value(0.0)
    for _ in range(5000):
        total = total + x * 0.001                       # the notebook's chain: 15,001 nodes
    total.backward()
    assert total.data == pytest.approx(2.5) and x.grad == pytest.approx(5.0)


def test_sigmoid_does_not_overflow():
    for z in (-1000.0, 1000.0):
        v = Value(z)
        a = v.sigmoid()
        a.backward()
        assert 0.0 <= a.data <= 1.0 and v.grad == pytest.approx(0.0)


def test_repr_and_label():
    assert repr(Value(2.0, label="w")) == "Value(w: data=2, grad=0)"
    assert repr(Value(0.5)) == "Value(data=0.5, grad=0)"


# ---------------------------------------------------------------- bad input: a clear message

def test_exponent_must_be_a_number():
    with pytest.raises(TypeError, match=r"only a plain number as the exponent \(u \*\* 2, u \*\* -1\); got Value"):
        Value(2.0) ** Value(3.0)
    with pytest.raises(TypeError, match="exponent.*got str"):
        Value(2.0) ** "2"
    assert (Value(3.0) ** np.int64(2)).data == 9.0 and (Value(4.0) ** np.float64(0.5)).data == 2.0


def test_division_by_zero_says_so():
    for divide in (lambda: Value(1.0) / Value(0.0), lambda: Value(1.0) / 0, lambda: 1 / Value(0.0),
                   lambda: Value(0.0) ** -2):
        with pytest.raises(ZeroDivisionError, match=r"0 \*\* -\d divides by zero"):
            divide()


def test_log_needs_a_positive_number():
    with pytest.raises(ValueError, match=r"log needs a number > 0; got log\(0\)"):
        Value(0.0).log()
    with pytest.raises(ValueError, match=r"log needs a number > 0; got log\(-2.5\)"):
        Value(-2.5).log()


def test_a_negative_number_to_a_fractional_power_says_so():
    with pytest.raises(ValueError, match=r"\(-8\) \*\* 0.5 is not a real number"):
        Value(-8.0) ** 0.5
    assert (Value(-2.0) ** 3).data == -8.0 and (Value(-2.0) ** -1.0).data == -0.5


def test_a_value_holds_a_number_and_says_so():
    with pytest.raises(TypeError, match=r"Value holds one number \(an int or a float\); got 'abc'"):
        Value("abc")
    with pytest.raises(TypeError, match=r"Value holds one number .*; got \[1, 2\]"):
        Value(2.0) * [1, 2]                              # the other side becomes a Value first
    for wrong in (lambda: "2" - Value(1.0), lambda: Value(1.0) - "2", lambda: Value(1.0) / "2",
                  lambda: "2" / Value(1.0), lambda: None + Value(1.0)):
        with pytest.raises(TypeError, match="Value holds one number"):
            wrong()                                      # the string is not read as 2
    assert Value(True).data == 1.0 and Value(np.float64(0.25)).data == 0.25 and Value(3).data == 3.0
    assert (Value(np.float32(0.5)) / np.int64(2)).data == 0.25


def test_backward_and_topological_order_need_a_value():
    with pytest.raises(TypeError, match="root must be a Value; got 3.0"):
        backward(3.0)
    with pytest.raises(TypeError, match="root must be a Value; got None"):
        topological_order(None)
    with pytest.raises(TypeError, match=r"z must be a number; got str 'abc'"):
        sigmoid("abc")
    assert sigmoid(np.float32(0.0)) == 0.5 and math.isnan(sigmoid(math.nan))      # NaN flows on, as before


def test_nan_flows_on():
    for op in (lambda u: u.relu(), lambda u: u.log(), lambda u: u / 2, lambda u: 2 - u):
        assert math.isnan(op(Value(math.nan)).data)


# ---------------------------------------------------------------- the notebook writes this very code

NOTEBOOK = REPO / "notebooks" / "solutions" / "06_chain_rule.ipynb"
SAME_IN_NOTEBOOK = ["add", "mul", "power", "exp", "log", "value_sigmoid", "relu", "value_tanh", "neg", "sub",
                    "truediv", "radd", "rmul", "rsub", "rtruediv", "topological_order", "backward", "Value"]
HELPER_ONLY = {                      # lines nn_helpers adds to the notebook's code, and why
    "power": ["if not isinstance(k, numbers.Real):",                          # a clear error message
              'raise TypeError(f"only a plain number as the exponent (u ** 2, u ** -1); got {type(k).__name__}")',
              "if u.data == 0 and k < 0:",                                   # 1 / 0: says so
              'raise ZeroDivisionError(f"0 ** {k:g} divides by zero (u / v is u * v ** -1, so v must not be 0)")',
              "if u.data < 0 and not float(k).is_integer():",                # else a complex number
              'raise ValueError(f"({u.data:g}) ** {k:g} is not a real number: only whole powers of a number < 0")'],
    "log": ["if u.data <= 0:",                                               # math's "math domain error"
            'raise ValueError(f"log needs a number > 0; got log({u.data:g})")'],
    "Value": ["tanh = value_tanh                                                        # u.tanh() (exercise 06.3)"],
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
    helper_only = [line.strip() for line in HELPER_ONLY.get(name, [])]
    helper = [line.strip() for line in inspect.getsource(getattr(autodiff, name)).rstrip().split("\n")]
    helper = [line for line in helper if line not in helper_only]
    notebook = [line.strip() for line in notebook_definitions()[name]]
    assert helper == notebook
    if name == "Value":      # the notebook's class gets its tanh only in exercise 06.3, after it
        assert Value.tanh is autodiff.value_tanh and Value.sigmoid is autodiff.value_sigmoid


def test_every_operation_of_the_module_is_in_the_list():
    from nn_helpers import autodiff
    functions = {name for name, obj in vars(autodiff).items()
                 if inspect.isfunction(obj) and obj.__module__ == autodiff.__name__}
    assert functions - {"sigmoid"} == set(SAME_IN_NOTEBOOK) - {"Value"}
