"""The static site and every slide deck as a person meets them, at 1366x768 in Chromium, offline:
no raw TeX once MathJax has typeset (the index too), no slide cut off (a tall slide scrolls, and
the keyboard brings its end into view), text at WCAG AA contrast, every figure with alternative
text that says what it shows, and no serious or critical axe-core violation (WCAG 2.1 A/AA).

The site and all the decks are built once into a temporary folder by ``site.build`` and
``slides.build``. Each check has a twin below that shows it fails on the old behaviour (the same
page with the fix taken away). axe-core's full results go to artifacts/axe/, screenshots to
artifacts/screenshots/.
"""
import re
import shutil

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from tools import site, slides, static_html
from tools.course_files import SOLUTIONS

from . import static_checks as check
from .conftest import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser

AXE_DIR = ARTIFACTS / "axe"
AXE_DECK = "03_activation_functions"
AA = 4.5                                  # WCAG 2.1 AA: contrast of normal-size text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("static-a11y")
    pages = site.build(out / "site", log=lambda *_: None)
    decks = slides.build((), out / "slides", log=lambda *_: None)
    return {"site": out / "site", "slides": out / "slides", "pages": pages, "decks": decks}


def _offline_tab(browser_context):
    tab = browser_context.new_page()
    tab.set_viewport_size(check.LAPTOP)
    tab.set_default_timeout(30_000)
    tab.fetched = []
    tab.route(re.compile(r"^https?://"), lambda route: (tab.fetched.append(route.request.url), route.abort()))
    return tab


@pytest.fixture(scope="module")
def tabs(browser_context):
    """Two 1366x768 tabs that abort every http(s) request (and list it in ``tab.fetched``)."""
    both = [_offline_tab(browser_context), _offline_tab(browser_context)]
    yield both
    for tab in both:
        tab.close()


@pytest.fixture(scope="module")
def tab(tabs):
    return tabs[0]


@pytest.fixture(scope="module")
def site_report(built, tabs):
    """{page name: what the page shows}: raw TeX, figures, the prompts' contrast, axe's violations.

    The two tabs take turns: axe-core checks one page while the other tab opens and typesets the
    next (two renderers, two cores).
    """
    report, waiting = {}, None
    for i, page in enumerate(built["pages"]):
        tab = tabs[i % 2]
        typeset = check.open_page(tab, page)
        prompt = check.contrast(tab, ".jp-InputPrompt") if tab.locator(".jp-InputPrompt").count() else None
        report[page.name] = {"mathjax": typeset, "raw_tex": check.raw_tex(tab), "figures": check.figures(tab),
                             "prompt": prompt}
        if page.name == "index.html":
            screenshot(tab, "a11y-site-index")
        check.start_axe(tab)
        if waiting:
            waiting[1]["axe"] = check.finish_axe(waiting[0], AXE_DIR / f"site-{waiting[2]}.json")
        waiting = (tab, report[page.name], page.stem)
    waiting[1]["axe"] = check.finish_axe(waiting[0], AXE_DIR / f"site-{waiting[2]}.json")
    return report


@pytest.fixture(scope="module")
def deck_report(built, tabs):
    """{deck name: what the deck shows}: raw TeX, figures, every slide's fit at 1366x768.

    While one tab visits a deck's slides, the other loads and typesets the next deck.
    """
    report, decks = {}, built["decks"]
    tabs[0].goto(decks[0].as_uri())
    for i, deck in enumerate(decks):
        tab = tabs[i % 2]
        if i + 1 < len(decks):
            tabs[(i + 1) % 2].goto(decks[i + 1].as_uri())
        tab.bring_to_front()
        check.settle(tab)
        raw, found = check.raw_tex(tab), check.figures(tab)
        every, cut = check.slide_fit(tab)
        report[deck.name] = {"raw_tex": raw, "figures": found, "slides": every, "cut": cut}
    return report


# ---------------------------------------------------------------- the site


def test_no_raw_tex_on_any_site_page(site_report):
    raw = {page: found["raw_tex"] for page, found in site_report.items() if found["raw_tex"]}
    assert raw == {}, f"TeX left untypeset: {raw}"
    assert site_report["index.html"]["mathjax"], "the index typesets its blurbs with MathJax"
    assert len(site_report) == 13


def test_every_site_figure_says_what_it_shows(site_report):
    for page, found in site_report.items():
        figures = found["figures"]
        assert check.bad_alts(figures) == [], f"{page}: images without a real alt text"
        alts = [f["alt"] for f in figures]
        assert len(set(alts)) == len(alts), f"{page}: two figures share an alt text: {alts}"
    shown = [f["alt"] for f in site_report["00_start_here.html"]["figures"]]
    assert "Figure: The moons data (training set)" in shown                    # ax.set(title=...)
    assert any(a.startswith("Figure: The decision boundary while the network trains") for a in shown)  # suptitle
    replay = [f["alt"] for f in site_report["08_gradient_descent_and_training.html"]["figures"]]
    assert sum(a.startswith("Animation: ") for a in replay) == 1


def test_prompts_meet_wcag_aa_contrast(site_report):
    ratios = {page: found["prompt"][0] for page, found in site_report.items() if found["prompt"]}
    assert len(ratios) == 12
    assert min(ratios.values()) >= AA, ratios


def test_axe_finds_nothing_serious_on_the_site(site_report, tabs):
    blocking = {page: check.blocking(found["axe"]) for page, found in site_report.items()}
    assert {page: v for page, v in blocking.items() if v} == {}
    assert {p.name for p in AXE_DIR.glob("site-*.json")} >= {
        f"site-{page.removesuffix('.html')}.json" for page in site_report}
    assert tabs[0].fetched == tabs[1].fetched == []


# ---------------------------------------------------------------- the decks


def test_no_raw_tex_in_any_deck(deck_report):
    assert {deck: r["raw_tex"] for deck, r in deck_report.items() if r["raw_tex"]} == {}
    assert len(deck_report) == len(slides.solution_paths())


def test_no_slide_is_cut_off_at_1366x768(deck_report, built, tab):
    cut = {deck: [(s["h"], s["v"], s["content"]) for s in r["cut"]] for deck, r in deck_report.items() if r["cut"]}
    assert cut == {}, f"slides whose end the keyboard never shows (h, v, content px): {cut}"
    every = [s for r in deck_report.values() for s in r["slides"]]
    for deck in built["decks"]:                       # reveal.js counts every slide the test visited
        nb = nbformat.read(SOLUTIONS / deck.name.replace(".slides.html", ".ipynb"), as_version=4)
        assert len(deck_report[deck.name]["slides"]) == len(slides.slides(slides.assign(nb))), deck.name
    tall = [s for s in every if s["content"] > s["height"] + 1]
    print(f"{len(every)} slides in {len(deck_report)} decks; {len(tall)} taller than the slide, "
          f"each scrolled to its end with Space; 0 cut off")
    worst = max((s for s in deck_report["07_backpropagation.slides.html"]["slides"]), key=lambda s: s["content"])
    check.open_page(tab, built["slides"] / "07_backpropagation.slides.html", f"#/{worst['h']}/{worst['v']}")
    screenshot(tab, f"a11y-slides-07-{worst['h']}-{worst['v']}-top")
    for _ in range(12):
        state = tab.evaluate(check.SCROLL_STATE_JS)
        if state["top"] + state["box"] >= state["content"] - 1:
            break
        tab.keyboard.press("Space")
    screenshot(tab, f"a11y-slides-07-{worst['h']}-{worst['v']}-end")
    assert (state["h"], state["v"]) == (worst["h"], worst["v"])


def test_every_deck_figure_says_what_it_shows(deck_report):
    for deck, r in deck_report.items():
        assert check.bad_alts(r["figures"]) == [], deck
        alts = [f["alt"] for f in r["figures"]]
        assert len(set(alts)) == len(alts), f"{deck}: two figures share an alt text"
    assert sum(len(r["figures"]) for r in deck_report.values()) >= 70


def test_a_deck_meets_wcag_aa_on_several_slides(built, deck_report, tab):
    nb = slides.assign(nbformat.read(SOLUTIONS / f"{AXE_DECK}.ipynb", as_version=4))
    where = slides.positions(nb)
    every = deck_report[f"{AXE_DECK}.slides.html"]["slides"]
    tallest = max(every, key=lambda s: s["content"])
    code = next(where[i] for i, c in enumerate(nb.cells) if c.cell_type == "code" and where[i] and where[i][0] > 0)
    exercise = next(where[i] for i, c in enumerate(nb.cells) if "### Exercise" in c.source)
    quiz = next(where[i] for i, c in enumerate(nb.cells) if c.get("id") == "quiz-q1")
    visits = {"title": (0, 0), "code": code, "tallest": (tallest["h"], tallest["v"]), "exercise": exercise,
              "quiz": quiz}
    deck = built["slides"] / f"{AXE_DECK}.slides.html"
    check.open_page(tab, deck)
    tab.evaluate("Reveal.configure({transition: 'none'})")      # axe sees each slide as it ends up
    found = {}
    for name, (h, v) in visits.items():
        tab.evaluate(f"Reveal.slide({h}, {v})")
        found[name] = check.axe(tab, AXE_DIR / f"slides-{AXE_DECK[:2]}-{h}-{v}.json")
        ratio, colours = check.contrast(tab, ".reveal .slide-number")
        assert ratio >= AA, f"slide number {colours}: {ratio}"
    screenshot(tab, f"a11y-slides-{AXE_DECK[:2]}-quiz")
    assert {name: check.blocking(v) for name, v in found.items() if check.blocking(v)} == {}


# ---------------------------------------------------------------- each check can fail


def _beside(built, folder, name, text):
    """Write a page next to the built ones (so that _static/ resolves); return its path."""
    path = built[folder] / name
    path.write_text(text, encoding="utf-8")
    return path


def test_raw_tex_is_found_on_an_index_without_mathjax(built, tab, tmp_path, monkeypatch):
    (tmp_path / static_html.STATIC).symlink_to(built["site"] / static_html.STATIC)
    entries = [("a.html", "A neuron", "It adds its inputs into $z$ and passes $z$ through $\\sigma$.")]
    static_html.write_index(tmp_path, "Course", entries)
    check.open_page(tab, tmp_path / "index.html")
    assert check.raw_tex(tab) == []
    monkeypatch.setattr(static_html, "mathjax_head", lambda: "")                # the index as it was
    static_html.write_index(tmp_path, "Course", entries)
    check.open_page(tab, tmp_path / "index.html")
    assert check.raw_tex(tab) == ["It adds its inputs into $z$ and passes $z$ through $\\sigma$."]


def as_plain_figures(nb):
    """The notebook with each course figure stored as a plain matplotlib output (image/png only,
    as without ``nn_helpers.viz``): nbconvert gives those its generic alt text."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            shown = output.get("data", {}).get("text/html", "")
            figure = re.match(r'<img class="nn-figure" src="data:image/png;base64,([^"]+)"', shown)
            if figure:
                output["data"] = {"image/png": figure.group(1), "text/plain": "<Figure>"}
    return nb


def test_figures_without_alt_text_are_found(built, tab, monkeypatch):
    nb = as_plain_figures(nbformat.read(SOLUTIONS / "00_start_here.ipynb", as_version=4))
    nav = {"previous": None, "next": None, "here": "1 of 1"}
    monkeypatch.setattr(static_html, "accessible", lambda page, nb: page)       # nbconvert's own alt
    page = _beside(built, "site", "_without-alt.html", site.render(nb, nav, "00"))
    check.open_page(tab, page)
    found = check.figures(tab)
    assert len(found) == 4                           # 3 figures and the training replay's still
    assert [f["cell"] for f in check.bad_alts(found)] == [f["cell"] for f in found if not
                                                          (f["alt"] or "").startswith("Still of the ")]
    assert len(check.bad_alts(found)) == 3
    assert check.bad_alts([{"alt": "image"}, {"alt": ""}, {"alt": None}, {"alt": "Figure: a line"}]) == [
        {"alt": "image"}, {"alt": ""}, {"alt": None}]


def test_a_too_tall_slide_is_found(built, tab, tmp_path):
    long_text = "\n".join(f"Line {i} of a paragraph that does not fit on one slide." for i in range(60))
    nb = new_notebook(cells=[new_markdown_cell("# A deck"), new_markdown_cell("## Tall\n\n" + long_text),
                             new_markdown_cell("## Short\n\nOne line."), new_code_cell("x = 1")])
    nbformat.write(nb, tmp_path / "99_tall.ipynb")
    deck = slides.build_deck(tmp_path / "99_tall.ipynb", built["slides"])
    check.open_page(tab, deck)
    every, cut = check.slide_fit(tab)
    assert [(s["h"], s["v"]) for s in every if s["content"] > s["height"]] == [(1, 0)] and cut == []
    text = deck.read_text(encoding="utf-8")
    for fix in (r'<script id="nn-slide-scroll">.*?</script>',                  # no keyboard scrolling
                r'<style id="nn-slide-fit"[^>]*>.*?</style>'):                  # nor the scrolling slide
        text = re.sub(fix, "", text, flags=re.DOTALL)
        check.open_page(tab, _beside(built, "slides", "_tall-without-fix.slides.html", text))
        every, cut = check.slide_fit(tab)
        assert [(s["h"], s["v"]) for s in cut] == [(1, 0)], fix


def test_low_contrast_is_found(built, tab):
    page = built["site"] / "00_start_here.html"
    text = page.read_text(encoding="utf-8").replace('<link href="_static/a11y.css" rel="stylesheet"/>', "")
    check.open_page(tab, _beside(built, "site", "_without-a11y-css.html", text))
    ratio, _ = check.contrast(tab, ".jp-InputPrompt")
    assert ratio < 2.5                                                          # #b0b0b0 on white: 2.16
    violations = check.axe(tab)
    assert ("color-contrast", ) == tuple(rule for rule, _ in check.blocking(violations)["serious"])
    deck = built["slides"] / "00_start_here.slides.html"
    text = re.sub(r'<style id="nn-slide-fit"[^>]*>.*?</style>', "", deck.read_text(encoding="utf-8"), flags=re.DOTALL)
    check.open_page(tab, _beside(built, "slides", "_without-fix.slides.html", text))
    ratio, _ = check.contrast(tab, ".reveal .slide-number")
    assert ratio < 3                                                            # reveal.js's own: 2.84
    assert "color-contrast" in [rule for rule, _ in check.blocking(check.axe(tab)).get("serious", [])]
