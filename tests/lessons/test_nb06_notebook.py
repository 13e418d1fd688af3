"""Notebook 06 itself: no cell after an exercise reads a name the learner may have changed there."""
import ast
import builtins
import symtable

from tests import REPO

NOTEBOOK = REPO / "notebooks" / "solutions" / "06_chain_rule.ipynb"


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
