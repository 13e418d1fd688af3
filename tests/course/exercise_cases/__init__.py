"""A notebook's test answers, one module per notebook (nbNN.py), found by ``merged``: nothing lists them.

Each module defines

    CASES = {"check_name": {"kind": "function" or "value", "right": [answers],
                            "wrong": [(answer, fragment of the hint the learner must see)]}}

for every checker of ``nn_helpers/course/exercises/nbNN.py`` (tests/course/test_exercises.py): a
"function" checker takes the learner's function, a "value" checker a value (its stub is None); at
least two typical wrong answers per checker. And, for every exercise "NN.k" of the notebook,

    NATURAL = {"NN.k": code}     a natural right answer, as a learner types it in the exercise cell
    WRONG = {"NN.k": code}       the typical wrong one

(tests/course/natural_answers.py says how they are written and used).
"""
import importlib
from pathlib import Path

HERE = Path(__file__).parent


def notebook_modules():
    """The modules nbNN of this folder, imported, in notebook order."""
    return [importlib.import_module(f"{__name__}.{path.stem}") for path in sorted(HERE.glob("nb[0-9][0-9].py"))]


def merged(name):
    """The dicts called ``name`` (CASES, NATURAL or WRONG) of every notebook module, merged into one;
    a key defined by two modules is an error."""
    found = {}
    for module in notebook_modules():
        part = getattr(module, name, {})
        overlap = set(found) & set(part)
        if overlap:
            raise ValueError(f"{module.__name__} defines {name} for {sorted(overlap)} again")
        found.update(part)
    return found
