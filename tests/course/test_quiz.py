"""The self-check quizzes: their data, their two views (Markdown and answer pad), their cells."""
import importlib
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from nn_helpers.course import quizzes
from nn_helpers.course.quiz import Choice, Question, Quiz
from tools import quiz_cells
from tools.course_files import LEARNER, SOLUTIONS, solution_paths

RIGHT = Choice("No: past a point every step overshoots.", "The step is lr times the slope.", correct=True)
WRONG = Choice("Yes: bigger steps, faster descent.", "Only while the step is shorter than the valley.")


def small_quiz():
    return Quiz("99", [Question(f"Question {i}?", [WRONG, RIGHT]) for i in range(3)])


# ------------------------------------------------------------------------- the data is checked

def test_a_question_needs_exactly_one_right_choice():
    with pytest.raises(ValueError, match="exactly one correct choice; got 0"):
        Question("Which?", [WRONG, WRONG])
    with pytest.raises(ValueError, match="exactly one correct choice; got 2"):
        Question("Which?", [RIGHT, RIGHT])


def test_every_choice_says_why():
    with pytest.raises(TypeError, match="Choice why must be a non-empty string"):
        Choice("An answer", "  ")
    with pytest.raises(TypeError, match="Choice correct must be True or False"):
        Choice("An answer", "Because.", correct="yes")


@pytest.mark.parametrize("count", [2, 6])
def test_a_quiz_has_three_to_five_questions(count):
    with pytest.raises(ValueError, match=f"3 to 5 questions; got {count}"):
        Quiz("99", [Question("Q?", [WRONG, RIGHT])] * count)


def test_choices_must_be_choices():
    with pytest.raises(TypeError, match="list of Choice"):
        Question("Q?", ["yes", "no"])
    with pytest.raises(ValueError, match="2 to 5 choices; got 1"):
        Question("Q?", [RIGHT])


# ------------------------------------------------------------------------- feedback

def test_feedback_says_right_or_why_not():
    question = small_quiz().question(1)
    assert question.answer == "B"
    assert question.feedback("B") == (True, "B is right. The step is lr times the slope.")
    assert question.feedback("a") == (False, "Not A. Only while the step is shorter than the valley.")
    with pytest.raises(ValueError, match="letter must be one of A, B; got 'C'"):
        question.feedback("C")


@pytest.mark.parametrize("number", [0, 4, "1", True, 1.0])
def test_question_numbers_count_from_one(number):
    with pytest.raises(ValueError, match="number must be a question number from 1 to 3"):
        small_quiz().question(number)


def test_the_markdown_shows_every_choice_and_folds_the_answer():
    text = small_quiz().question(2).markdown(2)
    assert text.startswith("**Question 2.** Question 1?")
    assert "- **A.** Yes: bigger steps, faster descent." in text
    assert "- **B.** No: past a point every step overshoots." in text
    folded = text[text.index("<details>"):]
    assert "**B.** The step is lr times the slope." in folded
    assert "- Not **A**: Only while the step is shorter than the valley." in folded
    assert folded.rstrip().endswith("</details>")
    assert text.index("<details>") > text.index("- **B.**")       # the answer comes after the choices


def test_the_answer_pad_shows_the_feedback_of_the_clicked_letter():
    pad = small_quiz().ask(1)
    buttons, feedback = pad.children
    assert buttons.options == ("A", "B") and buttons.value is None and feedback.value == ""
    buttons.value = "A"
    assert "Not A. Only while the step is shorter than the valley." in feedback.value
    assert "#b3261e" in feedback.value                             # red: wrong
    buttons.value = "B"
    assert "B is right." in feedback.value and "#1a7f37" in feedback.value
    assert "Not A" not in feedback.value


def test_a_pad_not_yet_run_shows_its_question_as_text_not_a_repr():
    quiz = Quiz("99", [Question("Does a <bigger> step $\\eta$ always help?", [WRONG, RIGHT])] * 3)
    data = quiz.ask(2)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data          # the widget, where it runs
    assert "VBox(" not in data["text/plain"] and "ToggleButtons" not in data["text/plain"]
    assert data["text/plain"].startswith("Question 2. Does a <bigger> step $\\eta$ always help?")
    assert "<strong>Question 2.</strong> Does a &lt;bigger&gt; step $\\eta$ always help?" in data["text/html"]
    assert "Run the notebook to answer here with the buttons A to B" in data["text/html"]


def test_each_letter_button_is_named_by_its_choice():
    buttons, _ = small_quiz().ask(1).children
    assert buttons.description == "Question 1:"
    assert buttons.tooltips == (WRONG.text, RIGHT.text)


# ------------------------------------------------------------------------- the notebooks' quizzes

NUMBERS = [p.name[:2] for p in solution_paths()]


def test_every_notebook_has_a_quiz():
    assert quizzes.notebooks() == NUMBERS


QUIZ_SOURCE = ("from nn_helpers.course.quiz import Choice, Question, Quiz\n\n"
               "_Q = Question('Why?', [Choice('Yes.', 'Because.', correct=True), Choice('No.', 'Not so.')])\n"
               "QUIZ = Quiz({number!r}, [_Q, _Q, _Q])\n")


def fake_quizzes(tmp_path, monkeypatch, package, modules):
    """A package ``package`` with a copy of the quizzes package (``package.quizzes``) holding ``modules``."""
    folder = tmp_path / package / "quizzes"
    folder.mkdir(parents=True)
    (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / package / "quiz.py").write_text("from nn_helpers.course.quiz import Choice, Question, Quiz  # noqa\n")
    shutil.copy(Path(quizzes.__file__), folder / "__init__.py")
    for stem, source in modules.items():
        (folder / f"{stem}.py").write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        monkeypatch.delitem(sys.modules, name)
    return importlib.import_module(f"{package}.quizzes")


def test_a_new_notebooks_quiz_is_found_without_being_listed(tmp_path, monkeypatch):
    fake = fake_quizzes(tmp_path, monkeypatch, "fake_course_new",
                        {"nb11": QUIZ_SOURCE.format(number="11"), "nb12": QUIZ_SOURCE.format(number="12")})
    assert "fake_course_new.quizzes.nb11" not in sys.modules        # nothing imported at import
    assert fake.notebooks() == ["11", "12"] and fake.load("12_next_topic").notebook == "12"


def test_a_quiz_in_the_module_of_another_notebook_is_an_error(tmp_path, monkeypatch):
    fake = fake_quizzes(tmp_path, monkeypatch, "fake_course_wrong", {"nb11": QUIZ_SOURCE.format(number="12")})
    with pytest.raises(ImportError, match="holds the quiz of notebook '12', expected '11'"):
        fake.notebooks()


@pytest.mark.parametrize("number", NUMBERS)
def test_each_quiz_asks_three_to_five_questions_with_varied_answers(number):
    quiz = quizzes.load(number)
    assert quiz.notebook == number
    assert 3 <= len(quiz.questions) <= 5
    for question in quiz.questions:
        assert 3 <= len(question.choices) <= 5, question.prompt
        assert "<" not in question.prompt and all("<" not in c.text + c.why for c in question.choices)
    answers = [q.answer for q in quiz.questions]
    assert len(set(answers)) > 1, f"every answer is {answers[0]}: vary the position of the right one"


@pytest.mark.parametrize("number", NUMBERS)
def test_each_quiz_reads_as_plain_text(number):
    text = quizzes.load(number).as_text()
    questions = re.findall(r"^\*\*Question (\d)\.\*\*", text, flags=re.MULTILINE)
    assert questions == [str(i) for i in range(1, len(questions) + 1)]
    assert text.count("<details>") == len(questions) == text.count("</details>")


def test_load_names_what_it_takes():
    with pytest.raises(ValueError, match="notebook must be one of 00"):
        quizzes.load("42")
    with pytest.raises(TypeError, match="notebook must be a string"):
        quizzes.load(5)


@pytest.mark.parametrize("path", solution_paths(), ids=lambda p: p.stem)
def test_each_notebook_ends_with_its_quiz(path):
    for folder in (SOLUTIONS, LEARNER):
        nb = nbformat.read(folder / path.name, as_version=4)
        assert quiz_cells.in_sync(nb, path.stem), f"{folder.name}/{path.name}: run python -m tools.build_notebooks"
        tail = nb.cells[-2 * len(quizzes.load(path.name[:2]).questions) - 2:]
        assert tail[0].source.startswith("## Check yourself")
        asks = [c for c in tail if c.cell_type == "code" and "quiz.ask(" in c.source]
        assert all(c.source.startswith("# NBVAL_IGNORE_OUTPUT") for c in asks)


def test_a_stale_quiz_cell_is_noticed():
    nb = nbformat.read(SOLUTIONS / "05_cost_functions.ipynb", as_version=4)
    question = next(c for c in nb.cells if c.get("id") == "quiz-q1")
    question.source = question.source.replace("**Question 1.**", "**Question 1.** (edited by hand)")
    assert not quiz_cells.in_sync(nb, "05_cost_functions")
    quiz_cells.sync(nb, "05_cost_functions")
    assert quiz_cells.in_sync(nb, "05_cost_functions")
