"""The static course site: one page per notebook, linked in order, executed outputs, nothing fetched."""
import re

import nbformat
import pytest

from tools import site, static_html
from tools.course_files import has_solution


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    return out, site.build(out, log=lambda *_: None)


def test_the_index_links_every_notebook_in_order(built):
    out, written = built
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([^"]+)">', index)
    assert links == [page for _, page, _ in site.pages()]
    assert len(links) == 12 and links[0] == "00_start_here.html" and links[-1] == "playground.html"
    assert all((out / link).exists() for link in links)
    assert [p.name for p in written] == ["index.html"] + links


def test_each_page_has_a_navigation_bar_above_and_below(built):
    out, _ = built
    listing = site.pages()
    for i, (_, page, _) in enumerate(listing):
        text = (out / page).read_text(encoding="utf-8")
        links = {kind: [re.search(r'href="([^"]+)"', tag).group(1)
                        for tag in re.findall(rf'<a [^>]*class="nn-{kind}"[^>]*>', text)]
                 for kind in ("home", "prev", "next")}
        assert links["home"] == ["index.html"] * 2, page
        prev, nxt = links["prev"], links["next"]
        assert prev == ([listing[i - 1][1]] * 2 if i else []), page
        assert nxt == ([listing[i + 1][1]] * 2 if i + 1 < len(listing) else []), page


def test_pages_fetch_nothing_from_the_network(built):
    out, _ = built
    for page in out.glob("*.html"):
        assert static_html.external_urls(page.read_text(encoding="utf-8")) == [], page.name
    assert (out / "_static/mathjax/MathJax.js").exists() and (out / "_static/site.css").exists()


def test_a_page_shows_the_executed_outputs_and_folds_the_solutions(built):
    out, _ = built
    path = site.ROOT / "notebooks/solutions/03_activation_functions.ipynb"
    nb = nbformat.read(path, as_version=4)
    text = (out / "03_activation_functions.html").read_text(encoding="utf-8")
    solutions = sum(has_solution(c) for c in nb.cells)
    assert solutions == 3 and text.count('<details class="nn-solution">') == solutions
    assert "equals activations.step on the test grid: True" in text        # a stored text output
    assert text.count("data:image/png;base64") >= 10                       # stored figures
    assert text.count('class="nn-widget-note"') >= 1                        # the explorer, explained
    assert "application/vnd.jupyter.widget-view+json" not in text


def test_the_training_replay_plays_without_a_kernel(built):
    out, _ = built
    text = (out / "08_gradient_descent_and_training.html").read_text(encoding="utf-8")
    assert 'class="anim-slider"' in text and "new Animation(frames" in text


def test_a_page_that_would_fetch_from_a_cdn_stops_the_build(tmp_path, monkeypatch):
    real = site.render
    monkeypatch.setattr(site, "render", lambda nb, nav, name: real(nb, nav, name).replace(
        "</head>", '<script src="https://cdn.example.org/x.js"></script></head>', 1))
    with pytest.raises(site.SiteError, match="would fetch from the network"):
        site.build(tmp_path, log=lambda *_: None)
