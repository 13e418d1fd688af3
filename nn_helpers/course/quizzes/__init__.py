"""The self-check quiz at the end of each notebook, one module per notebook (``nb05.py`` ...).

    from nn_helpers.course import quizzes
    quiz = quizzes.load("05")      # the Quiz of notebook 05_cost_functions
    quiz.ask(1)                    # the answer pad of its first question
"""
from ..quiz import Choice, Question, Quiz
from . import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08, nb09, nb10

__all__ = ["Choice", "Question", "Quiz", "load", "notebooks"]

QUIZZES = {module.QUIZ.notebook: module.QUIZ
           for module in (nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08, nb09, nb10)}


def notebooks():
    """The notebook numbers that have a quiz ("00", "01", ...), sorted."""
    return sorted(QUIZZES)


def load(notebook):
    """The Quiz of notebook ``notebook`` ("05" or "05_cost_functions")."""
    if not isinstance(notebook, str):
        raise TypeError(f"notebook must be a string such as '05'; got {type(notebook).__name__} {notebook!r:.60}")
    if notebook[:2] not in QUIZZES:
        raise ValueError(f"notebook must be one of {', '.join(notebooks())}; got {notebook!r:.60}")
    return QUIZZES[notebook[:2]]
