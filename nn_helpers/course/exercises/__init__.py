"""Checkers for the notebooks' exercises: one per exercise, one module per notebook (``nbNN.py``).

A checker takes the learner's answer (a function or a value) as its argument, never a
global. Calling it prints one line: "Correct", "Not solved yet" (the stub is still
there) or "Not quite" with what was expected, what came, and a hint. It never raises,
whatever the learner's code does, so "Run All" goes on to the end of the notebook.
Each checker's pure part is ``check_x.verdict(answer)``, which returns a ``Verdict``.

    from nn_helpers.course.exercises import check_neuron     # as a notebook's checker cell does

The checkers are found, not listed: a name ``check_x`` asked of this package is looked up in
its ``nbNN`` modules (``checkers()``), which are imported on the first such question, never at
``import``. To add a checker: write it in the module of its notebook (``nbNN.py``) with the
``@checker`` decorator and the helpers of ``_core``, and give it right and wrong answers in
``tests/course/exercise_cases/nbNN.py``. Nothing else lists it.
"""
import functools
import importlib
import pkgutil
import re

from ._core import CORRECT, UNSOLVED, WRONG, Verdict, checker, close_to, unsolved_value

__all__ = ["CORRECT", "UNSOLVED", "WRONG", "Verdict", "checker", "checkers", "close_to", "is_checker",
           "notebook_modules", "unsolved_value"]

NOTEBOOK_MODULE = re.compile(r"nb\d\d")


def notebook_modules():
    """The names of this package's notebook modules ("nb00", "nb01", ...), sorted."""
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if NOTEBOOK_MODULE.fullmatch(m.name))


def is_checker(obj):
    """Whether obj is a checker made by ``@checker`` (it prints a verdict; ``obj.verdict`` returns one)."""
    return callable(obj) and callable(getattr(obj, "verdict", None)) and obj.__name__.startswith("check_")


@functools.cache
def checkers():
    """Every checker of every notebook module: {"check_x": function}, in notebook order.

    A checker belongs to the module that defines it; two notebooks defining the same name is an
    error (a notebook's ``from nn_helpers.course.exercises import check_x`` must mean one thing).
    """
    found = {}
    for stem in notebook_modules():
        module = importlib.import_module(f"{__name__}.{stem}")
        for name, obj in vars(module).items():
            if is_checker(obj) and obj.__module__ == module.__name__:
                if name in found:
                    raise ImportError(f"{name} is defined twice: in {found[name].__module__} and {module.__name__}")
                found[name] = obj
    return found


def __getattr__(name):
    """``exercises.check_x`` (and ``from nn_helpers.course.exercises import check_x``): the checker
    of that name in the notebook modules."""
    if name.startswith("check_"):
        found = checkers()
        if name in found:
            return found[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(checkers()))
