"""Helpers added for notebook 06: plot_slope, graph_layout, plot_graph, slope_explorer, backprop_explorer;
and the notebook itself: no cell after an exercise reads a name the learner may have changed there."""
import ast
import builtins
import symtable
from pathlib import Path

import numpy as np
import pytest

from nn_helpers.autodiff import Value
from nn_helpers.viz.diagrams import graph_layout, plot_graph, plot_slope
from nn_helpers.widgets.explorers import backprop_explorer, backprop_steps, slope_explorer
from tests import REPO

pytestmark = pytest.mark.filterwarnings("error")


def neuron_graph():
    """E = 1/2 (sigma(w x + b) - t)^2 with labels, after backward(): 13 nodes (notebook 06's section 4).

    a - t is built as a + (-t), with -t = t * (-1), as Value's subtraction does (checked below)."""
    x, w, b, t = Value(1.5, label="x"), Value(0.8, label="w"), Value(-0.2, label="b"), Value(1.0, label="t")
    xw = w * x
    z = xw + b
    a = z.sigmoid()
    minus_t = t * Value(-1.0, label="−1")
    d = a + minus_t
    sq = d ** 2
    E = Value(0.5, label="½") * sq
    for v, name in ((xw, "w·x"), (z, "z"), (a, "a"), (minus_t, "−t"), (d, "a − t"), (sq, "(a − t)²"), (E, "E")):
        v.label = name
    E.backward()
    return E, dict(x=x, w=w, b=b, t=t, z=z, a=a, E=E)


def test_the_graph_is_what_a_minus_t_builds():
    a, t = Value(0.7), Value(1.0)
    d = a - t
    assert d._op == "+" and d._prev[0] is a and d._prev[1]._op == "*" and d._prev[1]._prev[0] is t
    assert d._prev[1]._prev[1].data == -1.0


def texts(ax, gid):
    return [t.get_text() for t in ax.texts if t.get_gid() == gid]


def test_plot_slope_forward_and_central_secants():
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, name="x²")
    labels = ax.get_legend_handles_labels()[1]
    assert "secant, slope (f(x+h) − f(x)) / h = 6.1000" in labels          # (9.61 - 9) / 0.1
    assert "tangent, slope f'(x) = 6.0000" in labels
    ax = plot_slope(lambda x: x ** 2, 3.0, 0.1, f_prime=lambda x: 2 * x, method="central")
    assert "secant, slope (f(x+h) − f(x−h)) / 2h = 6.0000" in ax.get_legend_handles_labels()[1]
    secant = [line for line in ax.lines if line.get_gid() == "secant"][0]
    x, y = secant.get_data()
    assert np.allclose(np.diff(y) / np.diff(x), 6.0)
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "f(x)" and "x = 3" in ax.get_title()
    with pytest.raises(ValueError, match="method"):
        plot_slope(np.sin, 0.0, 0.1, method="backward")


def test_graph_layout_places_inputs_left_of_their_users():
    E, n = neuron_graph()
    pos = graph_layout(E)
    assert len(pos) == 13 and list(pos)[-1] is E
    assert pos[n["w"]] == (0, 0) and pos[n["x"]] == (0, -1)      # both feed the product in column 1
    assert pos[n["t"]] == (0, -2)                                # t and -1 feed -t = t * (-1), also in column 1
    assert pos[n["b"]] == (1, -2) and pos[n["z"]] == (2, 0)      # column 1: w·x, -t, then the leaf b
    assert pos[E] == (6, 0)
    for v, (c, _) in pos.items():
        assert all(pos[p][0] < c for p in v._prev)


def test_plot_graph_shows_values_and_gradients():
    E, n = neuron_graph()
    ax = plot_graph(E)
    assert len([p for p in ax.patches if p.get_gid() == "node"]) == 13
    assert len([p for p in ax.patches if p.get_gid() == "op"]) == 7
    assert "value 0.7311" in texts(ax, "value")                 # a = sigma(1)
    assert "grad -0.0793" in texts(ax, "grad")                  # dE/dw = (a - t) sigma'(z) x
    assert "grad -0.0529" in texts(ax, "grad")                  # dE/db = dE/dz
    assert ax.get_title().startswith("Computational graph of E")


def test_plot_graph_reveals_step_by_step():
    E, _ = neuron_graph()
    ax = plot_graph(E, forward=4, backward=0)
    assert len(texts(ax, "value")) == 4 and texts(ax, "grad") == []
    ax = plot_graph(E, backward=3)
    assert len(texts(ax, "value")) == 13
    assert texts(ax, "grad") == ["grad -0.2689", "grad 0.5000", "grad 1.0000"]   # a - t, (a - t)^2, E


def test_backprop_steps_forward_then_backward():
    E, _ = neuron_graph()
    steps = backprop_steps(E)
    assert len(steps) == 27
    assert steps[0] == (0, 0, "step 0: nothing computed yet")
    assert steps[13][:2] == (13, 0) and steps[13][2].startswith("forward step 13: E = 0.0362")
    assert steps[14] == (13, 1, "backward step 1: dE/dE = 1.0000")
    assert steps[21] == (13, 8, "backward step 8: dE/dz = -0.0529")    # the notebook's static copy
    assert steps[-1][:2] == (13, 13)


def test_slope_explorer_updates_its_picture():
    e = slope_explorer()
    try:
        assert set(e.controls) == {"function", "x", "h", "method"}
        assert "x = 3, h = 1" in e.figure.axes[0].get_title()
        png = e.view.value
        e.update(h=0.01, method="central", function="sin x", x=1.0)
        ax = e.figure.axes[0]
        assert "f(x) = sin x at x = 1, h = 0.01 (central" in ax.get_title()
        assert "tangent, slope f'(x) = 0.5403" in ax.get_legend_handles_labels()[1]      # cos(1)
        assert e.view.value != png
        with pytest.raises(ValueError, match="between -3 and 3"):
            e.update(x=7.0)
    finally:
        e.close()
    with pytest.raises(ValueError, match="unknown function"):
        slope_explorer(function="cos")
    with pytest.raises(ValueError, match="h must be between"):
        slope_explorer(h=5.0)


def test_backprop_explorer_steps_through_the_graph():
    E, _ = neuron_graph()
    e = backprop_explorer(E)
    try:
        assert e.controls["step"].max == 26 and e.controls["step"].value == 26
        e.update(step=14)
        ax = e.figure.axes[0]
        assert ax.get_title() == "backward step 1: dE/dE = 1.0000"
        assert texts(ax, "grad") == ["grad 1.0000"]
        e.update(step=0)
        assert texts(e.figure.axes[0], "value") == []
        assert bytes(e.snapshot().data).startswith(b"\x89PNG")
    finally:
        e.close()
    with pytest.raises(ValueError, match="step must be a whole number from 0 to 26"):
        backprop_explorer(E, step=27)


# ---------------------------------------------------------------- notebook 06: no cell depends on a learner's answer

NOTEBOOK = REPO / "notebooks" / "solutions" / "06_chain_rule.ipynb"
# Names a learner may well assign in each exercise cell, besides those its solution assigns.
NATURAL = {
    "3d6315d1": {"x", "h", "f", "slope"},                                  # 06.1 central_difference
    "ac5a30f8": {"x", "w", "b", "t", "z", "a", "E", "dE_da", "da_dz", "dz_db", "delta"},   # 06.2 dE_db
    "04394393": {"u", "y", "out"},                                         # 06.3 value_tanh
}


def _globals_of(table):
    """The global names a function or class body (and everything nested in it) reads when it runs."""
    if table.get_type() == "function":
        names = set(table.get_globals())
    else:
        names = {s.get_name() for s in table.get_symbols() if s.is_global() and s.is_referenced()}
    for child in table.get_children():
        names |= _globals_of(child)
    return names


def cell_names(source, functions):
    """(names the cell reads from earlier cells, names it assigns). ``functions``: name -> global names
    read by a function or class defined so far; it is updated, and reading such a name (calling the
    function, or passing it on) counts as reading what it reads."""
    reads, writes = set(), set()
    for statement in ast.parse(source).body:
        table = symtable.symtable(ast.unparse(statement), "cell", "exec")
        now = {s.get_name() for s in table.get_symbols() if s.is_referenced()}
        for child in table.get_children():
            if isinstance(statement, (ast.FunctionDef, ast.ClassDef)) and child.get_name() == statement.name:
                functions[statement.name] = _globals_of(child)       # runs later, when called
            else:
                now |= _globals_of(child)                            # a lambda or comprehension: runs now
        todo, seen = list(now), set()
        while todo:                                                  # what the functions it uses read
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(functions.get(name, ()))
        reads |= seen - writes
        writes |= {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    return reads - set(dir(builtins)), writes


def test_no_cell_after_an_exercise_reads_what_the_learner_may_have_changed():
    import nbformat
    cells = [c for c in nbformat.read(NOTEBOOK, as_version=4).cells if c.cell_type == "code"]
    exercises = [c.id for c in cells if "### BEGIN SOLUTION" in c.source]
    assert sorted(exercises) == sorted(NATURAL), "add the names a learner may assign in each exercise to NATURAL"
    functions, changed, problems = {}, {}, []
    for cell in cells:
        source = "\n".join(line for line in cell.source.split("\n") if "### " not in line)
        reads, writes = cell_names(source, functions)
        is_checker = "check_" in cell.source and cell.id not in NATURAL
        if not is_checker:
            problems += [f"cell {cell.id} reads {name!r}, which exercise cell {changed[name]} may have changed"
                         for name in sorted(reads & set(changed))]
        for name in writes:
            changed.pop(name, None)
        if cell.id in NATURAL:
            changed.update(dict.fromkeys(NATURAL[cell.id] | writes, cell.id))
    assert not problems, "\n".join(problems)
