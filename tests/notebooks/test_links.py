"""No dead links: every relative link in the README, the guides and the notebooks points at a file
that exists, and no link carries a placeholder a reader could click (the Binder link is a template
in a code block, with the one part a lecturer changes spelled out)."""
import re
from pathlib import Path

import nbformat
import pytest
from tests import REPO

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)|<(?:img|a)\s[^>]*(?:src|href)=\"([^\"]+)\"")
PLACEHOLDER = re.compile(r"\bOWNER\b|YOUR-GITHUB-USER|example\.org")


def documents():
    """(path, markdown text) of the README, the guides and every notebook's markdown cells."""
    for path in [REPO / "README.md", REPO / "CONTRIBUTING.md", *REPO.glob("deploy/**/*.md")]:
        yield path, path.read_text(encoding="utf-8")
    for path in sorted(REPO.glob("notebooks/**/*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        nb = nbformat.read(path, as_version=4)
        yield path, "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def links(text):
    """Link targets in markdown text, outside code blocks and inline code."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [a or b for a, b in LINK.findall(text)]


def test_the_link_finder_finds_links_and_skips_code():
    text = "[a](x.md) ![b](img/y.png) <img src=\"z.svg\"> `[c](no.md)`\n```\n[d](no2.md)\n```"
    assert links(text) == ["x.md", "img/y.png", "z.svg"]


@pytest.mark.parametrize("path, text", list(documents()), ids=lambda v: str(v.relative_to(REPO)) if isinstance(v, Path) else "")
def test_relative_links_resolve_and_no_link_is_a_placeholder(path, text):
    dead, placeholders = [], []
    for target in links(text):
        if PLACEHOLDER.search(target):
            placeholders.append(target)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            continue                                  # a web address or an anchor in the page
        file = target.split("#")[0].split("?")[0]
        if file and not (path.parent / file).exists():
            dead.append(target)
    assert dead == [] and placeholders == [], f"{path.name}: dead {dead}, placeholders {placeholders}"


def test_a_dead_link_and_a_placeholder_are_caught(tmp_path):
    page = tmp_path / "page.md"
    (tmp_path / "there.md").write_text("x")
    with pytest.raises(AssertionError, match=r"dead \['gone.md'\], placeholders \['https://mybinder.org/v2/gh/OWNER/x'\]"):
        test_relative_links_resolve_and_no_link_is_a_placeholder(
            page, "[ok](there.md) [no](gone.md) [b](https://mybinder.org/v2/gh/OWNER/x)")
