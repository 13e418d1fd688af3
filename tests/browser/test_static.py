"""The slides and the static course site, opened from disk in Chromium with the network cut off,
and the quiz's answer pad clicked in JupyterLab.

The site and three decks are built into a temporary folder by the same functions as
``python -m tools.site`` and ``python -m tools.slides``. Every http(s) request the pages make is
aborted and recorded: a test fails if there is one. Screenshots go to artifacts/screenshots/.
"""
import re

import nbformat
import pytest

from tools import site, slides
from tools.course_files import SOLUTIONS

from .conftest import OUTPUT, open_notebook, run_all, screenshot

pytestmark = pytest.mark.browser

DECKS = ["00_start_here", "03_activation_functions", "08_gradient_descent_and_training"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("static")
    site.build(out / "site", log=lambda *_: None)
    slides.build(DECKS, out / "slides", log=lambda *_: None)
    return out


@pytest.fixture
def offline(browser_context):
    """A tab whose every http(s) request is aborted and listed in ``tab.fetched``."""
    tab = browser_context.new_page()
    tab.set_default_timeout(20_000)
    tab.fetched, tab.errors = [], []
    tab.route(re.compile(r"^https?://"), lambda route: (tab.fetched.append(route.request.url), route.abort()))
    tab.on("pageerror", lambda err: tab.errors.append(str(err)))
    yield tab
    tab.close()


def test_the_site_opens_from_disk_and_its_links_work(built, offline):
    offline.goto((built / "site" / "index.html").as_uri())
    screenshot(offline, "site-index")
    offline.get_by_role("link", name=re.compile(r"^01 · What is a neural network")).click()
    assert offline.url.endswith("/01_what_is_a_neural_network.html")
    assert offline.locator("h1").first.inner_text().startswith("01 · What is a neural network")
    offline.locator(".nn-nav-top .nn-next").click()
    assert offline.url.endswith("/02_the_neuron.html")
    screenshot(offline, "site-02-top")
    offline.locator(".nn-nav-bottom .nn-prev").click()
    assert offline.url.endswith("/01_what_is_a_neural_network.html")
    offline.locator(".nn-nav-top .nn-home").click()
    assert offline.url.endswith("/index.html")
    assert offline.fetched == [] and offline.errors == []


def test_site_math_renders_and_solutions_unfold(built, offline):
    offline.goto((built / "site" / "03_activation_functions.html").as_uri())
    offline.locator(".MathJax").first.wait_for(timeout=20_000)       # MathJax from _static, offline
    assert offline.locator(".MathJax").count() > 20
    solution = offline.locator("details.nn-solution").first
    code = solution.locator(".jp-InputArea")
    assert not code.is_visible()
    solution.locator("summary").click()
    assert code.is_visible() and "BEGIN SOLUTION" in code.inner_text()
    screenshot(offline, "site-03-solution", solution)
    assert offline.fetched == [] and offline.errors == []


def test_the_training_replay_plays_without_a_kernel(built, offline):
    offline.goto((built / "site" / "08_gradient_descent_and_training.html").as_uri())
    player = offline.locator(".animation").first
    player.scroll_into_view_if_needed()
    image, frame_slider = player.locator("img").first, player.locator("input.anim-slider")
    offline.wait_for_function("() => document.querySelector('.animation img').src.startsWith('data:')")
    first = image.get_attribute("src")
    assert frame_slider.input_value() == "0"
    frame_slider.focus()
    frame_slider.press("ArrowRight")
    frame_slider.press("ArrowRight")
    assert frame_slider.input_value() == "2"
    assert image.get_attribute("src") != first, "moving the frame slider did not change the picture"
    player.get_by_role("button", name="Last frame").click()
    last = int(frame_slider.get_attribute("max"))
    assert last >= 3 and frame_slider.input_value() == str(last)
    screenshot(offline, "site-08-replay", player)
    assert offline.fetched == [] and offline.errors == []


def slide_shot(tab, name):
    """A screenshot once reveal.js has finished sliding (its transition takes 0.8 s)."""
    tab.wait_for_timeout(1_000)
    return screenshot(tab, name)


def test_a_deck_presents_offline(built, offline):
    name = "03_activation_functions"
    nb = nbformat.read(SOLUTIONS / f"{name}.ipynb", as_version=4)
    nb = slides.assign(nb)
    where = slides.positions(nb)
    exercise = next(i for i, c in enumerate(nb.cells) if "Exercise 03.1" in c.source)
    checker = exercise + 2
    quiz = next(i for i, c in enumerate(nb.cells) if c.get("id") == "quiz-q1")

    deck = (built / "slides" / f"{name}.slides.html").as_uri()
    offline.goto(deck)
    offline.wait_for_function("() => window.Reveal && Reveal.isReady()")
    total = offline.evaluate("Reveal.getTotalSlides()")
    assert total == len(slides.slides(nb)), "one reveal.js slide per slide of the metadata"
    slide_shot(offline, "slides-03-title")
    offline.keyboard.press("ArrowRight")
    assert offline.evaluate("Reveal.getIndices().h") == 1
    slide_shot(offline, "slides-03-second")

    h, v = where[exercise]
    offline.goto(f"{deck}#/{h}/{v}")
    offline.wait_for_function(f"() => Reveal.getIndices().h === {h} && Reveal.getIndices().v === {v}")
    verdict = offline.locator("section.present .fragment").filter(has_text="Correct")
    assert where[checker] == (h, v) and verdict.count() >= 1
    assert not verdict.first.evaluate("e => e.classList.contains('visible')")
    slide_shot(offline, "slides-03-exercise")
    offline.keyboard.press("ArrowRight")                               # the checker's verdict appears
    offline.wait_for_function("() => document.querySelector('section.present .fragment.visible') !== null")
    slide_shot(offline, "slides-03-exercise-verdict")

    h, v = where[quiz]
    offline.goto(f"{deck}#/{h}/{v}")
    offline.wait_for_function(f"() => Reveal.getIndices().h === {h} && Reveal.getIndices().v === {v}")
    assert offline.locator("section.present details summary").first.inner_text() == "Answer and why"
    slide_shot(offline, "slides-03-quiz")
    assert offline.fetched == [] and offline.errors == []


def test_the_quiz_pad_explains_a_wrong_and_a_right_answer(page):
    from nn_helpers.course import quizzes
    question = quizzes.load("00").question(1)
    wrong = next(letter for letter in question.letters if letter != question.answer)

    notebook = open_notebook(page, "notebooks/00_start_here.ipynb")
    run_all(page)
    pad = notebook.locator(f"{OUTPUT} .nn-quiz").first
    pad.scroll_into_view_if_needed()
    pad.locator(".widget-toggle-button", has_text=re.compile(f"^{wrong}$")).click()
    feedback = pad.locator(".widget-htmlmath")
    feedback.filter(has_text=f"Not {wrong}.").wait_for()
    screenshot(page, "quiz-00-wrong", pad)
    pad.locator(".widget-toggle-button", has_text=re.compile(f"^{question.answer}$")).click()
    feedback.filter(has_text=f"{question.answer} is right.").wait_for()
    screenshot(page, "quiz-00-right", pad)
