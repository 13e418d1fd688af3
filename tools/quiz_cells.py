"""Write each notebook's self-check quiz (``nn_helpers.course.quizzes``) as its last cells.

The quiz's data (questions, choices, why each is right or wrong) live in one place,
``nn_helpers/course/quizzes/nbNN.py``; the cells at the end of ``notebooks/solutions/NN_topic.ipynb``
are generated from it by ``sync`` (called by ``tools.build_notebooks`` before it executes a
notebook), so the plain-text version and the widget never disagree. Every generated cell is
tagged ``quiz`` and has a fixed id, so a rebuild gives the same file.
"""
import nbformat

from nn_helpers.course import quizzes

TAG = "quiz"
INTRO = "quiz-intro"                     # the id of the first quiz cell (## Check yourself)


def _cell(kind, source, cell_id):
    make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
    cell = make(source)
    cell.id = cell_id
    cell.metadata["tags"] = [TAG]
    return cell


def quiz_cells(stem):
    """The cells of notebook ``stem``'s quiz (an empty list if it has none)."""
    number = stem[:2]
    if number not in quizzes.notebooks():
        return []
    quiz = quizzes.load(number)
    intro, *questions = quiz.markdown_cells()
    cells = [_cell("markdown", intro, INTRO),
             _cell("code", f'from nn_helpers.course import quizzes\n\nquiz = quizzes.load("{number}")', "quiz-load")]
    for i, text in enumerate(questions, start=1):
        cells.append(_cell("markdown", text, f"quiz-q{i}"))
        cells.append(_cell("code", f"# NBVAL_IGNORE_OUTPUT\nquiz.ask({i})", f"quiz-ask{i}"))
    return cells


def _sources(cells):
    return [(c.cell_type, c.source, c.get("id")) for c in cells]


def in_sync(nb, stem):
    """True if the notebook ends with exactly its quiz's generated cells (and has no others)."""
    expected = _sources(quiz_cells(stem))
    tagged = [c for c in nb.cells if TAG in c.metadata.get("tags", [])]
    tail = nb.cells[len(nb.cells) - len(expected):] if expected else []
    return _sources(tagged) == expected and _sources(tail) == expected


def sync(nb, stem):
    """Replace the notebook's quiz cells by freshly generated ones, at its end. Returns nb."""
    old = {c.get("id"): c for c in nb.cells if TAG in c.metadata.get("tags", [])}
    nb.cells = [c for c in nb.cells if TAG not in c.metadata.get("tags", [])]
    for cell in quiz_cells(stem):
        previous = old.get(cell.id)
        if previous is not None and previous.cell_type == cell.cell_type and previous.source == cell.source:
            cell = previous                       # keep its outputs and slide metadata
        nb.cells.append(cell)
    return nb
