"""The self-check quiz at the end of each notebook, one module per notebook (``nb05.py`` ...).

    from nn_helpers.course import quizzes
    quiz = quizzes.load("05")      # the Quiz of notebook 05_cost_functions
    quiz.ask(1)                    # the answer pad of its first question

The quizzes are found, not listed: every module ``nbNN.py`` of this package that defines
``QUIZ = Quiz("NN", [...])`` is one, imported the first time a quiz is asked for (not at
``import``). A new notebook's quiz is its new module; nothing else names it.
"""
import functools
import importlib
import pkgutil
import re

from ..quiz import Choice, Question, Quiz

__all__ = ["Choice", "Question", "Quiz", "load", "notebooks"]

NOTEBOOK_MODULE = re.compile(r"nb(\d\d)")


@functools.cache
def _quizzes():
    """{"05": the Quiz of nb05.py, ...}; a module's QUIZ must carry its own notebook number."""
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        match = NOTEBOOK_MODULE.fullmatch(info.name)
        if match:
            quiz = importlib.import_module(f"{__name__}.{info.name}").QUIZ
            if quiz.notebook != match[1]:
                raise ImportError(f"{__name__}.{info.name} holds the quiz of notebook {quiz.notebook!r}, "
                                  f"expected {match[1]!r}")
            found[quiz.notebook] = quiz
    return found


def notebooks():
    """The notebook numbers that have a quiz ("00", "01", ...), sorted."""
    return sorted(_quizzes())


def load(notebook):
    """The Quiz of notebook ``notebook`` ("05" or "05_cost_functions")."""
    if not isinstance(notebook, str):
        raise TypeError(f"notebook must be a string such as '05'; got {type(notebook).__name__} {notebook!r:.60}")
    if notebook[:2] not in _quizzes():
        raise ValueError(f"notebook must be one of {', '.join(notebooks())}; got {notebook!r:.60}")
    return _quizzes()[notebook[:2]]
