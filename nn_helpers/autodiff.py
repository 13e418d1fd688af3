"""A tiny scalar autodiff: ``Value``, the class written in notebook 06 (after micrograd).

A ``Value`` holds one number (``data``) and, after ``backward()``, the derivative of the final
result with respect to it (``grad``).  Every operation makes a new Value that remembers its
inputs (``_prev``), its operation (``_op``) and how to pass a gradient back to its inputs
(``_backward``): the chain rule for that one step, written right under the forward formula.
``backward()`` visits the graph from the result back to the leaves (a reverse topological
order), so each node's gradient is complete before it is passed on.

    >>> x, w, b = Value(1.5, label="x"), Value(0.8, label="w"), Value(-0.2, label="b")
    >>> E = 0.5 * ((w * x + b).sigmoid() - 1.0) ** 2
    >>> E.backward()
    >>> round(w.grad, 6)          # dE/dw = (a - t) sigma'(z) x
    -0.079316
"""
import math


class Value:
    """One number in a computation, with its gradient dE/d(this number) after ``E.backward()``.

    data : float.  label : a name for drawings (``diagrams.plot_graph``); optional.
    """

    def __init__(self, data, _children=(), _op="", label=""):
        self.data = float(data)
        self.grad = 0.0
        self._prev = tuple(_children)      # the Values this one was computed from
        self._op = _op                     # the operation that made it: "+", "*", "sigmoid", ...
        self._backward = lambda: None      # passes self.grad on to self._prev (a leaf has none)
        self.label = label

    def __repr__(self):
        name = f"{self.label}: " if self.label else ""
        return f"Value({name}data={self.data:.6g}, grad={self.grad:.6g})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():                   # d(s + o)/ds = 1, d(s + o)/do = 1
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():                   # d(s o)/ds = o, d(s o)/do = s
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __sub__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data - other.data, (self, other), "-")

        def _backward():                   # d(s - o)/ds = 1, d(s - o)/do = -1
            self.grad += out.grad
            other.grad -= out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        if not isinstance(k, (int, float)):
            raise TypeError(f"only a number as the exponent; got {type(k).__name__}")
        out = Value(self.data ** k, (self,), f"**{k:g}")

        def _backward():                   # d(s^k)/ds = k s^(k-1)
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,), "exp")

        def _backward():                   # d(e^s)/ds = e^s, the output itself
            self.grad += out.data * out.grad
        out._backward = _backward
        return out

    def sigmoid(self):
        s = self.data
        a = 1 / (1 + math.exp(-s)) if s >= 0 else math.exp(s) / (1 + math.exp(s))   # no overflow
        out = Value(a, (self,), "sigmoid")

        def _backward():                   # sigma'(s) = sigma(s) (1 - sigma(s)) = a (1 - a)
            self.grad += a * (1 - a) * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        out = Value(t, (self,), "tanh")

        def _backward():                   # tanh'(s) = 1 - tanh(s)^2 = 1 - t^2 (the output)
            self.grad += (1 - t ** 2) * out.grad
        out._backward = _backward
        return out

    def __neg__(self):                     # -s = s * (-1)
        return self * -1

    def __radd__(self, other):             # other + self, when other is a plain number
        return self + other

    def __rmul__(self, other):             # other * self
        return self * other

    def __rsub__(self, other):             # other - self
        return Value(other) - self

    def backward(self):
        """Fill in ``grad`` = d(self)/d(node) for every node self was computed from.

        Sets self.grad = 1 (dE/dE) and calls each node's ``_backward`` in reverse topological
        order: a node passes its gradient on only after every node that uses it has added its
        share (the ``+=`` in each rule).  Call it once on a freshly built expression.
        """
        order = topological_order(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()


def topological_order(root):
    """The nodes root was computed from, each after all its inputs, root last (a list of Values)."""
    order, seen = [], set()

    def visit(v):                          # depth first: a node after all its inputs
        if id(v) not in seen:
            seen.add(id(v))
            for child in v._prev:
                visit(child)
            order.append(v)
    visit(root)
    return order


__all__ = ["Value", "topological_order"]
