"""A tiny scalar autodiff: ``Value``, the class written in notebook 06 (after micrograd).

A ``Value`` holds one number (``data``) and, after ``backward()``, the derivative of the final
result with respect to it (``grad``).  Every operation is a plain function that makes a new
Value remembering its inputs (``_prev``), its operation (``_op``) and how to pass a gradient
back to its inputs (``_backward``): the chain rule for that one step, written right under the
forward formula.  As in micrograd, only add, mul, power, exp, log, sigmoid, relu (and tanh) have
a backward rule; negation, subtraction and division are built from them (``-u = u * -1``,
``u - v = u + (-v)``, ``u / v = u * v**-1``) and need none.  The class ``Value`` at the end
collects the operations as its operators, so that ``w * x + b`` calls ``add(mul(w, x), b)``.
``backward()`` visits the graph from the result back to the leaves (a reverse topological
order, found with a to-do list rather than recursion, so a chain 5,000 nodes deep works), so
each node's gradient is complete before it is passed on.

The functions are notebook 06's, line for line (tests/unit/test_autodiff.py compares them); this
module adds ``value_tanh`` (exercise 06.3), a sigmoid that cannot overflow, and clear errors for
a ``Value`` exponent, 0 to a negative power (division by zero), a negative number to a
fractional power, and the log of a number <= 0.

    >>> x, w, b = Value(1.5, label="x"), Value(0.8, label="w"), Value(-0.2, label="b")
    >>> E = 0.5 * ((w * x + b).sigmoid() - 1.0) ** 2
    >>> E.backward()
    >>> round(w.grad, 6)          # dE/dw = (a - t) sigma'(z) x
    -0.079316
"""
import math
import numbers


def sigmoid(z):
    """sigma(z) = 1 / (1 + exp(-z)) for one float, without overflow for large |z|."""
    if not isinstance(z, numbers.Real):
        raise TypeError(f"z must be a number; got {type(z).__name__} {z!r:.60}")
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


# ---------------------------------------------------------------- the operations with a backward rule

def add(u, v):
    """u + v.  Backward: d(u + v)/du = 1 and d(u + v)/dv = 1."""
    v = v if isinstance(v, Value) else Value(v)      # allow u + 2
    out = Value(u.data + v.data, (u, v), "+")

    def _backward():                   # each input gets out.grad times 1
        u.grad += out.grad
        v.grad += out.grad
    out._backward = _backward
    return out


def mul(u, v):
    """u * v.  Backward: d(u v)/du = v and d(u v)/dv = u."""
    v = v if isinstance(v, Value) else Value(v)
    out = Value(u.data * v.data, (u, v), "*")

    def _backward():                   # each input gets out.grad times the OTHER input
        u.grad += v.data * out.grad
        v.grad += u.data * out.grad
    out._backward = _backward
    return out


def power(u, k):
    """u ** k for a plain number k.  Backward: d(u^k)/du = k u^(k-1), the power rule."""
    if not isinstance(k, numbers.Real):
        raise TypeError(f"only a plain number as the exponent (u ** 2, u ** -1); got {type(k).__name__}")
    if u.data == 0 and k < 0:
        raise ZeroDivisionError(f"0 ** {k:g} divides by zero (u / v is u * v ** -1, so v must not be 0)")
    if u.data < 0 and not float(k).is_integer():
        raise ValueError(f"({u.data:g}) ** {k:g} is not a real number: only whole powers of a number < 0")
    out = Value(u.data ** k, (u,), f"**{k:g}")

    def _backward():
        u.grad += k * u.data ** (k - 1) * out.grad
    out._backward = _backward
    return out


def exp(u):
    """e^u.  Backward: d(e^u)/du = e^u, the output itself."""
    out = Value(math.exp(u.data), (u,), "exp")

    def _backward():
        u.grad += out.data * out.grad
    out._backward = _backward
    return out


def log(u):
    """ln u, the natural logarithm.  Backward: d(ln u)/du = 1/u."""
    if u.data <= 0:
        raise ValueError(f"log needs a number > 0; got log({u.data:g})")
    out = Value(math.log(u.data), (u,), "log")

    def _backward():
        u.grad += (1 / u.data) * out.grad
    out._backward = _backward
    return out


def value_sigmoid(u):
    """sigma(u).  Backward: sigma'(u) = sigma(u) (1 - sigma(u)), written with the output."""
    out = Value(sigmoid(u.data), (u,), "sigmoid")

    def _backward():
        u.grad += out.data * (1 - out.data) * out.grad
    out._backward = _backward
    return out


def relu(u):
    """max(0, u).  Backward: relu'(u) = 1 where u > 0, else 0."""
    out = Value(0.0 if u.data < 0 else u.data, (u,), "relu")

    def _backward():
        u.grad += (1.0 if u.data > 0 else 0.0) * out.grad
    out._backward = _backward
    return out


def value_tanh(u):
    """tanh(u).  Backward: tanh'(u) = 1 - y^2 with y = tanh(u), the output (exercise 06.3)."""
    y = math.tanh(u.data)
    out = Value(y, (u,), "tanh")

    def _backward():
        u.grad += (1 - y ** 2) * out.grad
    out._backward = _backward
    return out


# ---------------------------------------------------------------- built from the others: no rule of their own

def neg(u):                            # -u = u * (-1)
    return mul(u, -1)


def sub(u, v):                         # u - v = u + (-v)
    v = v if isinstance(v, Value) else Value(v)
    return add(u, neg(v))


def truediv(u, v):                     # u / v = u * v**(-1)
    v = v if isinstance(v, Value) else Value(v)
    return mul(u, power(v, -1))


def radd(u, number):                   # number + u
    return add(u, number)


def rmul(u, number):                   # number * u
    return mul(u, number)


def rsub(u, number):                   # number - u = (-u) + number
    return add(neg(u), number)


def rtruediv(u, number):               # number / u = u**(-1) * number
    return mul(power(u, -1), number)


# ---------------------------------------------------------------- the backward pass

def topological_order(root):
    """Every node root was computed from, each after all its inputs, root last (a list)."""
    if not hasattr(root, "_prev"):     # a Value (ours, or one like it) knows its inputs
        raise TypeError(f"root must be a Value; got {root!r}")
    order, seen = [], set()
    todo = [(root, False)]             # (node, are its inputs in order already?)
    while todo:
        v, inputs_done = todo.pop()    # the one put on the list last
        if inputs_done:
            order.append(v)            # every input of v is in order: now v
        elif v not in seen:
            seen.add(v)
            todo.append((v, True))     # come back to v ...
            todo.extend((child, False) for child in reversed(v._prev))    # ... after its inputs
    return order


def backward(root):
    """Fill in every node's grad = d(root)/d(node): start at 1, then each node's rule, root first."""
    order = topological_order(root)    # (it checks that root is a Value)
    root.grad = 1.0                    # d(root)/d(root) = 1
    for v in reversed(order):
        v._backward()                  # v's grad is complete: every user has added its share


# ---------------------------------------------------------------- the class

class Value:
    """One number in a computation, with its gradient dE/d(this number) after E.backward()."""

    def __init__(self, data, _children=(), _op="", label=""):
        if not isinstance(data, numbers.Real):
            raise TypeError(f"Value holds one number (an int or a float); got {data!r}")
        self.data = float(data)
        self.grad = 0.0
        self._prev = tuple(_children)      # the Values this one was computed from
        self._op = _op                     # the operation that made it: "+", "*", "sigmoid", ...
        self._backward = lambda: None      # passes self.grad on to self._prev (a leaf has none)
        self.label = label

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"

    __add__, __mul__, __pow__, __neg__ = add, mul, power, neg                # u + v, u * v, u ** k, -u
    __sub__, __truediv__ = sub, truediv                                      # u - v, u / v
    __radd__, __rmul__, __rsub__, __rtruediv__ = radd, rmul, rsub, rtruediv  # 2 + u, 2 * u, 2 - u, 2 / u
    exp, log, sigmoid, relu = exp, log, value_sigmoid, relu                  # u.exp(), u.log(), ...
    tanh = value_tanh                                                        # u.tanh() (exercise 06.3)
    backward = backward                                                      # E.backward()


__all__ = ["Value", "backward", "topological_order"]
