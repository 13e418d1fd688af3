"""What the slides and the static site share: offline assets, widget notes, alt text, an index page.

Nothing here reaches the network. reveal.js comes from the ``sphinx-revealjs`` package and MathJax 2
from ``jupyter-server-mathjax`` (both installed by requirements.txt); ``copy_assets`` copies them
into ``<out>/_static/`` so the pages open from disk. ``external_urls`` lists every address a page
would fetch (scripts, style sheets, images, frames): the builds fail if there is one.

Every figure gets alternative text from what its notebook already says (``figure_alts``): the
titles its plotting call gives (``title=``, ``set_title``, ``suptitle``), else the first sentence of
the nearest markdown cell above it. ``accessible`` puts it on the page (nbconvert would write
"No description has been provided for this image") and labels the replays' frame sliders.
"""
import ast
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
    """Copy reveal.js, MathJax and the style sheets (the site's, the contrast fixes) into ``out_dir/_static``."""
    static = Path(out_dir) / STATIC
    for name, source in asset_folders().items():
        target = static / name
        if not (target / ".copied").exists():
            shutil.copytree(source, target, dirs_exist_ok=True)
            (target / ".copied").write_text(str(source) + "\n", encoding="utf-8")
    (static / "site.css").write_text(SITE_CSS, encoding="utf-8")
    shutil.copyfile(TEMPLATES / "nn_common" / "a11y.css", static / "a11y.css")


def mathjax_head():
    """The <script>s that typeset ``$...$`` and ``$$...$$`` with the offline MathJax, as on the pages."""
    fonts = (TEMPLATES / "nn_common" / "mathjax.html.j2").read_text(encoding="utf-8")
    fonts = re.sub(r"\{#.*?#\}\s*", "", fonts, flags=re.DOTALL).strip()
    return "\n".join([fonts, '<script type="text/x-mathjax-config">',
                      'MathJax.Hub.Config({tex2jax: {inlineMath: [["$", "$"], ["\\\\(", "\\\\)"]], '
                      'displayMath: [["$$", "$$"], ["\\\\[", "\\\\]"]], processEscapes: true}, messageStyle: "none"});',
                      "</script>", f'<script src="{MATHJAX}"></script>'])


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
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                if quiz:
                    continue
                if "text/html" in data:          # the widget stored its own picture and sentence: show them
                    outputs.append({"output_type": "display_data", "metadata": {},
                                    "data": {k: v for k, v in data.items() if k != WIDGET_VIEW}})
                else:
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
    """An index page linking ``entries`` [(href, title) or (href, title, blurb)].

    If a title or blurb holds TeX (``$...$``), the page loads the offline MathJax to typeset it.
    """
    items = []
    for entry in entries:
        href, name, blurb = (tuple(entry) + ("",))[:3]
        extra = f' <span class="nn-blurb">{html.escape(blurb)}</span>' if blurb else ""
        items.append(f'  <li><a href="{html.escape(href)}">{html.escape(name)}</a>{extra}</li>')
    texts = [note] + [str(part) for entry in entries for part in entry[1:]]
    math = any(re.search(r"\$[^$]+\$|\\\(", text) for text in texts)
    page = "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>", f'<link rel="stylesheet" href="{STATIC}/site.css">',
        f'<link rel="stylesheet" href="{STATIC}/a11y.css">', mathjax_head() if math else "",
        "</head>", "<body>", "<main>", f"<h1>{html.escape(title)}</h1>",
        f"<p>{html.escape(note)}</p>" if note else "", '<ol class="nn-index">', *items, "</ol>",
        "</main>", "</body>", "</html>", ""])
    (Path(out_dir) / "index.html").write_text(page, encoding="utf-8")


# ---------------------------------------------------------------- alternative text for figures

GENERIC_ALT = 'alt="No description has been provided for this image"'   # what nbconvert writes
# a course figure as stored: an <img class="nn-figure"> with the alt text the kernel gave it
# (nn_helpers.viz.alt_text, from the figure's titles); the page's alt text, from the plotting call and
# the text around it, replaces it (nbconvert may write the tag's attributes in another order)
IMG_TAG = re.compile(r"<img\b[^>]*>")
ALT = re.compile(r"""\balt=("[^"]*"|'[^']*')""")
CELL_START = re.compile(r'<div class="jp-Cell\b[^>]*\bid="cell-id=([^"]+)"')
ANIMATION_SLIDER = re.compile(r'<input (?=[^>]*class="anim-slider")(?![^>]*aria-label)')
SUBSCRIPTS = dict(zip("0123456789aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))
NOT_TITLES = {"legend", "colorbar"}                          # their title= names a legend, not the figure
MAX_ALT = 240                                               # characters, at a word boundary
TEX_WORDS = {"sigma": "σ", "eta": "η", "delta": "δ", "Delta": "Δ", "partial": "∂", "nabla": "∇",
             "alpha": "α", "beta": "β", "gamma": "γ", "theta": "θ", "lambda": "λ", "mu": "μ",
             "epsilon": "ε", "varepsilon": "ε", "pi": "π", "sum": "Σ", "prod": "Π", "infty": "∞",
             "cdot": "·", "times": "×", "leftarrow": "←", "rightarrow": "→", "to": "→", "in": "∈",
             "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "approx": "≈", "neq": "≠", "pm": "±",
             "dots": "…", "ldots": "…", "cdots": "…", "min": "min", "max": "max", "log": "log",
             "exp": "exp", "tanh": "tanh"}


def plain_math(text):
    r"""Text with its TeX made readable: '$\sigma(w\,x)$' -> 'σ(w x)', '\frac{a}{b}' -> '(a)/(b)'."""
    text = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"(\1)/(\2)", text)
    text = re.sub(r"\\frac\s*(\w)\s*(\w)", r"\1/\2", text)
    text = re.sub(r"\\(?:text|mathrm|mathbf|mathit|operatorname|boldsymbol)\s*\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\hat\s*\{?(\w)\}?", r"\1̂", text)
    text = re.sub(r"\\([A-Za-z]+)", lambda m: TEX_WORDS.get(m.group(1), m.group(1)), text)
    text = re.sub(r"\\[,;:! ]|~", " ", text)
    text = re.sub(r"\^\{(\w)\}", r"^\1", text)
    text = re.sub(r"\^\{([^{}]*)\}", r"^(\1)", text)
    text = re.sub(r"_\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"_(\w)", lambda m: SUBSCRIPTS.get(m.group(1), m.group(1)), text)
    text = text.replace("$", "").replace("{", "").replace("}", "").replace("\\", "")
    return " ".join(text.split())


def plain_markdown(text):
    """One paragraph of markdown as plain, readable text (emphasis, code marks, links and TeX gone)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\$\$?([^$]+)\$\$?", lambda m: plain_math(m.group(1)), text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = re.sub(r"(?<!\w)\*(\S[^*]*)\*", r"\1", text)
    return " ".join(text.split())


def shorten(text, limit=MAX_ALT):
    """``text`` cut at a word boundary to at most ``limit`` characters (with "…" if cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _parse(source):
    """The cell's code as an ast (IPython's %magics and !commands left out), or None."""
    try:
        return ast.parse("\n".join("" if line.lstrip().startswith(("%", "!")) else line
                                   for line in source.splitlines()))
    except SyntaxError:
        return None


def _loop_values(tree):
    """{name: [values]} of loops over literal values: ``for k in [2, 4]``,
    ``for ax, k in zip(axes, [2, 4])``, ``for ax, name in [(a, "x"), (b, "y")]``."""
    values = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.For):
            continue
        targets = node.target.elts if isinstance(node.target, ast.Tuple) else [node.target]
        rows = node.iter.elts if isinstance(node.iter, (ast.List, ast.Tuple)) else []
        if isinstance(node.iter, ast.Call) and getattr(node.iter.func, "id", "") == "zip":
            columns = [getattr(arg, "elts", None) for arg in node.iter.args]
        elif rows and all(isinstance(r, ast.Tuple) and len(r.elts) == len(targets) for r in rows):
            columns = [[r.elts[i] for r in rows] for i in range(len(targets))]
        else:
            columns = [rows]
        for target, column in zip(targets, columns if len(columns) == len(targets) else []):
            if isinstance(target, ast.Name) and column and all(isinstance(e, ast.Constant) for e in column):
                values[target.id] = [e.value for e in column]
    return values


def _text_of(node, loops):
    """The strings a title expression gives: a constant, or an f-string: one per value of the
    loop it formats, with "…" for what is only known when the code runs."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []
    looped = {v.value.id for v in node.values if isinstance(v, ast.FormattedValue)
              and isinstance(v.value, ast.Name) and v.value.id in loops}
    name = looped.pop() if len(looped) == 1 else None

    def part_text(part, value):
        if isinstance(part, ast.Constant):
            return str(part.value)
        if name and isinstance(part.value, ast.Name) and part.value.id == name:
            spec = "".join(getattr(c, "value", "") for c in getattr(part.format_spec, "values", []))
            return format(value, spec)
        return "…"
    return ["".join(part_text(part, value) for part in node.values) for value in loops.get(name, [None])]


def _says_something(title):
    """True if a title says something without its unknown parts ('… test accuracy …' does not)."""
    return bool(title.strip()) and ("…" not in title or len(re.findall(r"[^\W\d_]{2,}", title)) >= 3)


def plot_titles(source):
    """(figure titles, panel titles, loops) a plotting cell's source gives, in source order.

    ``fig.suptitle("...")`` is a figure title; ``ax.set_title("...")``, ``ax.set(title="...")`` and
    any ``title="..."`` keyword (``plot_decision_boundary(..., title=...)``) are panel titles.
    ``loops``: {name: [values]} of the cell's loops over literal values.
    """
    tree = _parse(source)
    if tree is None:
        return [], [], {}
    loops, found = _loop_values(tree), []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in ("suptitle", "set_title", "title") and node.args:
            found.append((node.args[0], name == "suptitle"))
        if name not in NOT_TITLES:
            found += [(k.value, k.arg == "suptitle") for k in node.keywords if k.arg in ("title", "suptitle")]
    figure, panels = [], []
    for node, is_figure in sorted(found, key=lambda item: (item[0].lineno, item[0].col_offset)):
        for text in _text_of(node, loops):
            text, target = plain_math(text.replace("\n", ", ")), figure if is_figure else panels
            if _says_something(text) and text not in target:
                target.append(text)
    return figure, panels, loops


def first_sentence(markdown):
    """The markdown cell's heading and the first sentence of its first paragraph of prose."""
    heading, sentence = "", ""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        block = block.strip()
        if block.startswith("#") and not heading and not sentence:
            heading = plain_markdown(block.splitlines()[0].lstrip("#"))
            rest = "\n".join(block.splitlines()[1:]).strip()
            if not rest:
                continue
            block = rest
        if block.startswith(("|", "$$", "<", "```", ">", "- ", "* ", "1. ")):
            continue
        text = plain_markdown(block)
        sentence = re.split(r"(?<=[.!?:])\s+(?=[A-Z(])", text, maxsplit=1)[0]
        break
    parts = [part if part.endswith((".", "!", "?", ".)")) else part.rstrip(":") + "."
             for part in (heading, sentence) if part]
    return " ".join(parts)


def _images(output):
    """How many figures an output shows, and whether they are a replay (an HTML animation)."""
    data = output.get("data", {})
    if any(k in data for k in ("image/png", "image/jpeg", "image/svg+xml")):
        return 1, False
    shown = "".join(data.get("text/html", ""))
    if shown.startswith('<img class="nn-figure"'):
        return 1, False
    return shown.count("<img"), True


def figure_alts(nb):
    """{cell id: [the alt text of each figure the cell's outputs show, in order]}.

    "Figure: <titles>" from the plotting call; without a title, "Figure: <the section's heading,
    the nearest markdown cell's first sentence>". A cell with several figures numbers them
    ("Figure 2 of 3 (frame 3): ..."); "Animation: ..." for a replay. No two texts are the same.
    """
    alts, markdown, section, seen = {}, "", "", set()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            markdown = cell.source
            if markdown.lstrip().startswith("#"):
                section = first_sentence(markdown.lstrip().splitlines()[0])
            continue
        shown = [replay for output in cell.get("outputs", []) for count, replay in [_images(output)]
                 for _ in range(count)]
        if not shown:
            continue
        figure, panels, loops = plot_titles(cell.source)
        caption = "; ".join(figure or panels)
        if figure and panels:
            caption = f"{'; '.join(figure)} (panels: {'; '.join(panels)})"
        if not caption:
            said = first_sentence(markdown)
            caption = (said if said.startswith(section) else f"{section} {said}").strip()
        caption = caption or "a figure drawn by the code"
        per_figure = next(((k, v) for k, v in loops.items() if len(v) == len(shown) > 1), None)
        texts = []
        for i, replay in enumerate(shown):
            number = f" {i + 1} of {len(shown)}" if len(shown) > 1 else ""
            value = per_figure[1][i] if per_figure else None
            which = f" ({value})" if isinstance(value, str) else f" ({per_figure[0]} {value})" if per_figure else ""
            text = shorten(f"{'Animation' if replay else 'Figure'}{number}{which}: {caption}")
            repeat = 1
            while text in seen:
                repeat += 1
                text = shorten(f"{'Animation' if replay else 'Figure'}{number}{which} (view {repeat}): {caption}")
            seen.add(text)
            texts.append(text)
        alts[cell.get("id")] = texts
    return alts


def is_figure(tag):
    """True for an <img> tag that shows a figure: nbconvert's (its generic alt) or a course figure's."""
    return GENERIC_ALT in tag or 'class="nn-figure"' in tag


def with_alt(tag, texts, last):
    """The <img> ``tag`` with the next of ``texts`` (or ``last``) as its alt text, if it is a figure."""
    if not is_figure(tag):
        return tag
    return ALT.sub(lambda _: f'alt="{html.escape(texts.pop(0) if texts else last)}"', tag, count=1)


def accessible(page, nb):
    """The page nbconvert wrote, with each figure's alt text and each replay slider's label.

    ``nb`` is the notebook the page was rendered from (its cells' ids mark the cells on the page).
    """
    alts = figure_alts(nb)
    starts = [(m.start(), m.group(1)) for m in CELL_START.finditer(page)] + [(len(page), None)]
    pieces = [page[:starts[0][0]]]
    for (start, cell_id), (end, _) in zip(starts, starts[1:]):
        piece, texts = page[start:end], list(alts.get(cell_id, []))
        if texts:
            last = texts[-1]
            piece = IMG_TAG.sub(lambda m: with_alt(m.group(0), texts, last), piece)
        pieces.append(piece)
    page = "".join(pieces)
    return ANIMATION_SLIDER.sub('<input aria-label="Frame of the replay" ', page)
