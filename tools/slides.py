"""Slides: every notebook as a reveal.js deck, for a lecturer to present.

    python -m tools.slides                     # all decks -> build/slides/NN_topic.slides.html
    python -m tools.slides 05_cost_functions   # only the decks named
    python -m tools.slides --out DIR           # somewhere else

Each cell of a notebook carries ``metadata.slideshow.slide_type`` (what JupyterLab's property
inspector edits, and what ``jupyter nbconvert --to slides`` reads). ``assign`` sets it by rule,
and ``tools.build_notebooks`` calls it on every build, so the metadata never drifts from the cells:

* the title and every ``##`` section open a new slide; a ``###`` subsection opens a sub-slide
  (reveal.js stacks it below, "down" from its section);
* an exercise is its own sub-slide (its heading), with the solution below it and the
  checker's verdict appearing as a fragment (the next key press); what follows starts afresh;
* one idea per slide: a paragraph that follows code opens a new sub-slide, and so does a
  second figure, or a figure or paragraph once the slide already holds a long text;
* a cell of imports only is skipped; so are the quiz's answer pads (the quiz's text slides,
  with their answers folded, stay);
* no code walls: a code cell longer than ``MAX_CODE_LINES`` keeps its output on the slide but
  not its source (the deck shows the picture; the notebook keeps the code).

The decks are built from the executed solution notebooks, with reveal.js and MathJax copied next to
them from Python packages (``sphinx-revealjs``, ``jupyter-server-mathjax``), so they open offline,
from disk, in any browser: press the arrow keys, Esc for the overview, S for speaker notes.
"""
import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

from tools import quiz_cells, static_html
from tools.course_files import ROOT, has_solution, solution_paths

OUT = ROOT / "build" / "slides"
MAX_CODE_LINES = 12
LONG_MARKDOWN = 12                      # lines: a second paragraph after this many opens a new slide
HEADING = re.compile(r"^(#{1,6})\s")
IMPORT_LINE = re.compile(r"^\s*(import\s|from\s+\S+\s+import\s|%|#|$)")
HIDE_INPUT = "slides-hide-input"        # a tag, set by assign() on long code cells


def _lines(cell):
    return len(cell.source.strip().splitlines())


def _heading_level(cell):
    match = HEADING.match(cell.source) if cell.cell_type == "markdown" else None
    return len(match.group(1)) if match else None


def _has_picture(cell):
    return any("image/png" in o.get("data", {}) or "text/html" in o.get("data", {})
               for o in cell.get("outputs", []))


def _imports_only(cell):
    return cell.cell_type == "code" and all(IMPORT_LINE.match(line) or line.startswith((" ", ")"))
                                            for line in cell.source.splitlines())


def slide_types(cells):
    """The slide_type of each cell (a list as long as ``cells``), by the rules of the module doc."""
    types, slide = [], {"code": False, "picture": False, "markdown": 0}
    previous_code = None

    def new(kind):
        slide.update(code=False, picture=False, markdown=0)
        return kind

    for i, cell in enumerate(cells):
        level = _heading_level(cell)
        quiz = quiz_cells.TAG in cell.metadata.get("tags", [])
        if i == 0:
            kind = new("slide")
        elif quiz and cell.cell_type == "code":
            kind = "skip"
        elif quiz:
            kind = new("slide" if cell.get("id") == quiz_cells.INTRO else "subslide")
        elif level is not None:
            kind = new("slide" if level <= 2 else "subslide")
        elif cell.cell_type == "markdown":
            crowded = slide["code"] or slide["markdown"] >= LONG_MARKDOWN
            kind = new("subslide") if crowded else "-"
        elif _imports_only(cell):
            kind = "skip"
        elif previous_code is not None and has_solution(previous_code):
            kind = "fragment"                  # the checker's verdict, one key press later
        elif [t for t in types if t != "skip"][-1:] == ["fragment"]:
            kind = new("subslide")             # what follows an exercise is a new idea
        elif _has_picture(cell) and (slide["picture"] or slide["markdown"] >= LONG_MARKDOWN):
            kind = new("subslide")
        else:
            kind = "-"
        if kind != "skip":
            if cell.cell_type == "markdown":
                slide["markdown"] += _lines(cell)
            else:
                slide["code"] = True
                slide["picture"] = slide["picture"] or _has_picture(cell)
        if cell.cell_type == "code" and kind != "skip":
            previous_code = cell
        elif cell.cell_type == "markdown":
            previous_code = None
        types.append(kind)
    return types


def assign(nb):
    """Set every cell's slide_type (and the hide-input tag of long code cells) in place; return nb."""
    for cell, kind in zip(nb.cells, slide_types(nb.cells)):
        cell.metadata["slideshow"] = {"slide_type": kind}
        tags = [t for t in cell.metadata.get("tags", []) if t != HIDE_INPUT]
        if cell.cell_type == "code" and _lines(cell) > MAX_CODE_LINES and not has_solution(cell):
            tags.append(HIDE_INPUT)
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
    return nb


def slides(nb):
    """The deck's slides: lists of the cells each shows (skipped cells left out)."""
    out = []
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if kind == "skip":
            continue
        if kind in ("slide", "subslide") or not out:
            out.append([])
        out[-1].append(cell)
    return out


def positions(nb):
    """Each cell's reveal.js address (h, v) as in ``deck.html#/h/v``; None for a skipped cell."""
    out, h, v = [], -1, 0
    for cell in nb.cells:
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if kind == "slide" or h < 0 and kind != "skip":
            h, v = h + 1, 0
        elif kind == "subslide":
            v += 1
        out.append(None if kind == "skip" else (h, v))
    return out


def visible_code_lines(slide):
    """Lines of source code a slide shows (long cells show only their output)."""
    return sum(_lines(c) for c in slide
               if c.cell_type == "code" and HIDE_INPUT not in c.metadata.get("tags", []))


def build_deck(path, out_dir=OUT):
    """Write ``out_dir/NN_topic.slides.html`` from one solution notebook; return its path."""
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    nb = assign(copy.deepcopy(nbformat.read(path, as_version=4)))
    nb = static_html.without_live_widgets(nb)
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = {HIDE_INPUT}
    config.SlidesExporter.reveal_url_prefix = static_html.REVEAL
    config.SlidesExporter.reveal_scroll = True
    config.SlidesExporter.reveal_number = "c/t"
    config.SlidesExporter.reveal_theme = "white"
    config.SlidesExporter.extra_template_basedirs = [str(static_html.TEMPLATES)]
    config.SlidesExporter.extra_template_paths = [str(static_html.TEMPLATES)]
    config.SlidesExporter.template_name = "nn_slides"
    config.HTMLExporter.mathjax_url = static_html.MATHJAX
    exporter = SlidesExporter(config=config)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": static_html.title(nb)}})
    target = Path(out_dir) / f"{path.stem}.slides.html"
    target.write_text(static_html.accessible(body, nb), encoding="utf-8")
    return target


def build(names=(), out_dir=OUT, log=print):
    """Every deck (or the ones named), the shared assets, and an index page; return the decks."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    static_html.copy_assets(out_dir)
    decks, entries = [], []
    for path in solution_paths(names):
        decks.append(build_deck(path, out_dir))
        entries.append((decks[-1].name, static_html.title(nbformat.read(path, as_version=4))))
        log(f"wrote {decks[-1]}")
    static_html.write_index(out_dir, "Neural Networks from Scratch: slides", entries,
                            "Press the arrow keys to move, Esc for the overview, S for speaker notes.")
    return decks


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks, e.g. 05_cost_functions (default: all)")
    parser.add_argument("--out", default=str(OUT), help=f"output folder (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    decks = build(args.names, args.out)
    print(f"{len(decks)} decks in {args.out}; open {Path(args.out) / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
