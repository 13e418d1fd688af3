"""What the slides and the static site share: offline assets, widget notes, an index page.

Nothing here reaches the network. reveal.js comes from the ``sphinx-revealjs`` package and MathJax 2
from ``jupyter-server-mathjax`` (both installed by requirements.txt); ``copy_assets`` copies them
into ``<out>/_static/`` so the pages open from disk. ``external_urls`` lists every address a page
would fetch (scripts, style sheets, images, frames): the builds fail if there is one.
"""
import copy
import html
import re
import shutil
from pathlib import Path

from tools import quiz_cells

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = "_static"
REVEAL = f"{STATIC}/reveal"
MATHJAX = f"{STATIC}/mathjax/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ('<p class="nn-widget-note">Interactive widget: it runs in JupyterLab, Voil&agrave; or '
               'Binder (open this notebook and run it). The picture next to it is its static copy.</p>')
FETCHED = re.compile(r"<(?:script|img|iframe|source|link)\b[^>]*?\b(?:src|href)\s*=\s*[\"']?(https?:)?//",
                     re.IGNORECASE)
SITE_CSS = """\
body { margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 0 16px 32px; }
.nn-nav { display: grid; grid-template-columns: auto 1fr auto 1fr; gap: 16px; align-items: center;
          max-width: 1100px; margin: 0 auto; padding: 10px 16px; font: 15px/1.4 sans-serif;
          background: #f4f6f8; border-bottom: 1px solid #d0d7de; }
.nn-nav-bottom { border-top: 1px solid #d0d7de; border-bottom: none; margin-top: 24px; }
.nn-nav a { color: #0b5cad; text-decoration: none; }
.nn-nav a:hover { text-decoration: underline; }
.nn-home { font-weight: 600; }
.nn-here { text-align: center; color: #444; }
.nn-next { text-align: right; }
.nn-widget-note { color: #555; font-style: italic; border-left: 4px solid #e69f00; padding: 4px 10px; }
details.nn-solution > summary { cursor: pointer; color: #0b5cad; margin: 4px 0 4px 70px; }
.nn-index li { margin: 6px 0; }
.nn-index .nn-blurb { color: #555; }
"""


def asset_folders():
    """{name in _static: folder to copy}: reveal.js and MathJax, from their Python packages."""
    try:
        import jupyter_server_mathjax
        import sphinx_revealjs
    except ImportError as err:
        raise ImportError(f"{err.name} is missing: pip install -r requirements.txt") from None
    return {"reveal": Path(sphinx_revealjs.__file__).parent / "_static" / "revealjs",
            "mathjax": Path(jupyter_server_mathjax.__file__).parent / "static"}


def copy_assets(out_dir):
    """Copy reveal.js, MathJax and the site's style sheet into ``out_dir/_static``."""
    static = Path(out_dir) / STATIC
    for name, source in asset_folders().items():
        target = static / name
        if not (target / ".copied").exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
            (target / ".copied").write_text(str(source) + "\n", encoding="utf-8")
    (static / "site.css").write_text(SITE_CSS, encoding="utf-8")


def without_live_widgets(nb):
    """A copy of nb in which each live widget output says where it runs, instead of being blank.

    (A widget's stored output is only a reference to a model in a running kernel; without the
    kernel there is nothing to draw.) The quiz's answer pads are dropped: the quiz's text, with
    its answers folded, is right above them.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        quiz = quiz_cells.TAG in cell.metadata.get("tags", [])
        outputs = []
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                if not quiz:
                    outputs.append({"output_type": "display_data", "metadata": {},
                                    "data": {"text/html": WIDGET_NOTE, "text/plain": "(interactive widget)"}})
            else:
                outputs.append(output)
        cell.outputs = outputs
    nb.metadata.pop("widgets", None)
    return nb


def title(nb):
    """The notebook's title: its first heading, without the '#'."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return "Untitled"


def external_urls(page):
    """The start of each tag in ``page`` that would fetch something from the network."""
    return [page[m.start():m.start() + 120] for m in FETCHED.finditer(page)]


def write_index(out_dir, title, entries, note=""):
    """An index page linking ``entries`` [(href, title) or (href, title, blurb)]."""
    items = []
    for entry in entries:
        href, name, blurb = (tuple(entry) + ("",))[:3]
        extra = f' <span class="nn-blurb">{html.escape(blurb)}</span>' if blurb else ""
        items.append(f'  <li><a href="{html.escape(href)}">{html.escape(name)}</a>{extra}</li>')
    page = "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>", f'<link rel="stylesheet" href="{STATIC}/site.css">',
        "</head>", "<body>", "<main>", f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(note)}</p>" if note else "", '<ol class="nn-index">', *items, "</ol>",
        "</main>", "</body>", "</html>", ""])
    (Path(out_dir) / "index.html").write_text(page, encoding="utf-8")
