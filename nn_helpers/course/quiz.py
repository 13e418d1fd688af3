"""Self-check quizzes: multiple-choice questions in which every wrong answer explains itself.

A ``Quiz`` is plain data: three to five ``Question``s, each with two to five ``Choice``s, exactly
one of them right, and for every choice a sentence saying *why* it is right or wrong. It has two
views of the same data:

* ``quiz.markdown_cells()``: plain Markdown, readable wherever widgets do not run (GitHub,
  nbviewer, the static course site, the slides, a PDF). The answer to each question sits in a
  ``<details>`` block, closed until the reader opens it.
* ``quiz.ask(n)``: an ipywidgets answer pad for question ``n`` (one button per letter); a click
  shows why that answer is right or wrong. ``Question.feedback`` is the plain function behind it.
  Before the notebook runs, the pad's output shows the question as text (``QuestionPad``).

The quizzes of the notebooks live in ``nn_helpers.course.quizzes`` (one module per notebook);
``tools/build_notebooks.py`` writes their cells at the end of each notebook.
"""
import html
from dataclasses import dataclass

import ipywidgets as widgets

from .. import _checks as val

LETTERS = "ABCDE"
QUESTIONS_PER_QUIZ = (3, 5)
CHOICES_PER_QUESTION = (2, 5)


def _text(value, name):
    if not isinstance(value, str) or not value.strip():
        raise TypeError(f"{name} must be a non-empty string; got {type(value).__name__} {value!r:.60}")
    return value.strip()


def _items(value, kind, bounds, name, what):
    """value as a tuple of ``kind`` with a length within ``bounds``: e.g. a question's choices."""
    items = tuple(value) if isinstance(value, (list, tuple)) else None
    if items is None or not all(isinstance(item, kind) for item in items):
        raise TypeError(f"{name} must be a list of {kind.__name__}; got {value!r:.80}")
    low, high = bounds
    if not low <= len(items) <= high:
        raise ValueError(f"a {name.split()[0].lower()} must hold {low} to {high} {what}; got {len(items)}")
    return items


@dataclass(frozen=True)
class Choice:
    """One answer: its text, whether it is the right one, and why (shown after it is picked)."""
    text: str
    why: str
    correct: bool = False

    def __post_init__(self):
        object.__setattr__(self, "text", _text(self.text, "Choice text"))
        object.__setattr__(self, "why", _text(self.why, "Choice why"))
        object.__setattr__(self, "correct", val.flag(self.correct, "Choice correct"))


@dataclass(frozen=True)
class Question:
    """A prompt and its lettered choices (A, B, ...), exactly one of them correct."""
    prompt: str
    choices: tuple

    def __post_init__(self):
        object.__setattr__(self, "prompt", _text(self.prompt, "Question prompt"))
        choices = _items(self.choices, Choice, CHOICES_PER_QUESTION, "Question choices", "choices")
        right = sum(c.correct for c in choices)
        if right != 1:
            raise ValueError(f"a question must have exactly one correct choice; got {right} "
                             f"in {self.prompt[:60]!r}")
        object.__setattr__(self, "choices", choices)

    @property
    def letters(self):
        return LETTERS[:len(self.choices)]

    @property
    def answer(self):
        """The letter of the correct choice."""
        return next(letter for letter, c in zip(self.letters, self.choices) if c.correct)

    def feedback(self, letter):
        """(is it right?, one line saying why) for the choice with this letter."""
        if not isinstance(letter, str) or letter.upper() not in self.letters:
            raise ValueError(f"letter must be one of {', '.join(self.letters)}; got {letter!r}")
        letter = letter.upper()
        choice = self.choices[self.letters.index(letter)]
        if choice.correct:
            return True, f"{letter} is right. {choice.why}"
        return False, f"Not {letter}. {choice.why}"

    def markdown(self, number):
        """The question, its choices and (inside <details>) the answer, as Markdown."""
        lines = [f"**Question {number}.** {self.prompt}", ""]
        lines += [f"- **{letter}.** {c.text}" for letter, c in zip(self.letters, self.choices)]
        lines += ["", "<details><summary>Answer and why</summary>", "",
                  f"**{self.answer}.** {self.choices[self.letters.index(self.answer)].why}", ""]
        lines += [f"- Not **{letter}**: {c.why}" for letter, c in zip(self.letters, self.choices)
                  if not c.correct]
        lines += ["", "</details>"]
        return "\n".join(lines)


@dataclass(frozen=True)
class Quiz:
    """The self-check questions at the end of one notebook."""
    notebook: str
    questions: tuple

    def __post_init__(self):
        object.__setattr__(self, "notebook", _text(self.notebook, "Quiz notebook"))
        object.__setattr__(self, "questions", _items(self.questions, Question, QUESTIONS_PER_QUIZ,
                                                     "Quiz questions", "questions"))

    def question(self, number):
        """Question ``number``, counting from 1 as the notebook does."""
        n = len(self.questions)
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= n:
            raise ValueError(f"number must be a question number from 1 to {n}; got {number!r:.60}")
        return self.questions[number - 1]

    def intro(self):
        count = ["", "", "", "Three", "Four", "Five"][len(self.questions)]
        return ("## Check yourself\n\n"
                f"{count} questions on the mistakes this notebook warns about. Under each question, "
                "click the letter of your answer: the pad says why it is right or wrong. Reading "
                "without a running kernel? Think of your answer, then open *Answer and why*.")

    def markdown_cells(self):
        """The quiz as Markdown cell sources: the introduction, then one per question."""
        return [self.intro()] + [q.markdown(i) for i, q in enumerate(self.questions, start=1)]

    def as_text(self):
        return "\n\n".join(self.markdown_cells())

    def ask(self, number):
        """An answer pad for question ``number``: one button per letter (each named by its
        choice's text, as a tooltip) and the feedback below (a ``QuestionPad``)."""
        question = self.question(number)
        buttons = widgets.ToggleButtons(
            options=list(question.letters), value=None, description=f"Question {number}:",
            tooltips=[c.text for c in question.choices],
            style={"button_width": "3.2em", "description_width": "initial"})
        feedback = widgets.HTMLMath(value="")

        def show(change):
            if change["new"] is None:
                return
            right, message = question.feedback(change["new"])
            colour = "#1a7f37" if right else "#b3261e"
            feedback.value = (f'<div style="border-left: 4px solid {colour}; padding: 2px 10px; '
                              f'max-width: 46em">{html.escape(message)}</div>')

        buttons.observe(show, names="value")
        return QuestionPad(number, question, [buttons, feedback])


class QuestionPad(widgets.VBox):
    """A question's answer pad: its letter buttons and the feedback below them (``Quiz.ask``).
    Where the widget cannot be shown (a notebook not run yet, GitHub, nbviewer) its output shows
    the question as text and says how to answer it, instead of the widget's repr."""

    def __init__(self, number, question, children):
        self.number, self.question = number, question
        super().__init__(children)
        self.add_class("nn-quiz")

    def _repr_mimebundle_(self, **kwargs):
        data = super()._repr_mimebundle_(**kwargs)
        letters = f"{self.question.letters[0]} to {self.question.letters[-1]}"
        how = f"Run the notebook to answer here with the buttons {letters}, or open Answer and why above."
        data["text/plain"] = f"Question {self.number}. {self.question.prompt}\n{how}"
        data["text/html"] = (f'<div class="nn-quiz-still"><p><strong>Question {self.number}.</strong> '
                             f"{html.escape(self.question.prompt)}</p><p><em>{html.escape(how)}</em></p></div>")
        return data
