"""The static course site: every notebook as a web page, readable without a kernel.

    python -m tools.site                 # -> build/site/index.html and one page per notebook
    python -m tools.site --out DIR       # somewhere else

Each page is the executed solution notebook (the outputs stored by ``tools.build_notebooks``)
rendered by nbconvert, with a navigation bar above and below (course home, previous, next).
An exercise's solution is folded ("Show the solution"), so a reader can try first. Animations
(matplotlib's HTML players) replay in the page; a live widget, which needs a kernel, is replaced
by a line that says where it runs (its static copy is next to it in every notebook). The pages
fetch nothing from the network: MathJax is copied next to them (``tools/static_html.py``), and the
build fails if a page would load a script, style sheet or image from elsewhere. Open
``build/site/index.html`` in a browser straight from disk.
"""
import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

from tools import static_html
from tools.course_files import PLAYGROUND, ROOT, has_solution, solution_paths

OUT = ROOT / "build" / "site"


class SiteError(Exception):
    """A page that would fetch something from the network."""


def pages():
    """[(notebook path, page file name, title)] in course order, the playground last."""
    out = []
    for path in solution_paths() + [PLAYGROUND]:
        nb = nbformat.read(path, as_version=4)
        out.append((path, f"{path.stem}.html", static_html.title(nb)))
    return out


def blurb(nb, limit=160):
    """The first sentence of the notebook's first paragraph of prose (for the index page)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in re.split(r"\n\s*\n", cell.source):
            text = " ".join(paragraph.split())
            if text and not text.startswith(("#", "|", "-", "*", "$", "<", "!", ">")):
                sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
                plain = re.sub(r"[*`]", "", sentence)
                return plain if len(plain) <= limit else plain[:limit - 1].rstrip() + "…"
    return ""


def prepare(nb):
    """The notebook as the site shows it: live widgets replaced, solutions tagged for folding."""
    nb = static_html.without_live_widgets(nb)
    for cell in nb.cells:
        if has_solution(cell):
            cell.metadata["tags"] = list(cell.metadata.get("tags", [])) + ["solution"]
    return nb


def render(nb, nav, name):
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(static_html.TEMPLATES)]
    config.HTMLExporter.extra_template_paths = [str(static_html.TEMPLATES)]
    config.HTMLExporter.template_name = "nn_site"
    config.HTMLExporter.mathjax_url = static_html.MATHJAX
    nb = prepare(copy.deepcopy(nb))
    body, _ = HTMLExporter(config=config).from_notebook_node(
        nb, resources={"nav": nav, "metadata": {"name": name}})
    return static_html.accessible(body, nb)


def build(out_dir=OUT, log=print):
    """Write the whole site; return the page paths (index first)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    static_html.copy_assets(out_dir)
    listing = pages()
    written, entries = [], []
    for i, (path, page, name) in enumerate(listing):
        nb = nbformat.read(path, as_version=4)
        link = lambda j: {"href": listing[j][1], "title": listing[j][2]} if 0 <= j < len(listing) else None  # noqa: E731
        nav = {"previous": link(i - 1), "next": link(i + 1), "here": f"{i + 1} of {len(listing)}"}
        html = render(nb, nav, name)
        fetched = static_html.external_urls(html)
        if fetched:
            raise SiteError(f"{page} would fetch from the network: {fetched[:3]}")
        (out_dir / page).write_text(html, encoding="utf-8")
        written.append(out_dir / page)
        entries.append((page, name, blurb(nb)))
        log(f"wrote {out_dir / page}")
    static_html.write_index(out_dir, "Neural Networks from Scratch", entries,
                            "How a neural network computes and learns, from first principles. "
                            "These pages show every notebook with its outputs; to run the code, move "
                            "the sliders and do the exercises, open the notebooks in JupyterLab.")
    return [out_dir / "index.html"] + written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(OUT), help=f"output folder (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    try:
        written = build(args.out)
    except SiteError as err:
        print(f"site build failed: {err}", file=sys.stderr)
        return 2
    print(f"{len(written)} pages in {args.out}; open {Path(args.out) / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
