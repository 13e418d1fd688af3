"""The package's layers, read from its imports: ``python -m tools.layers`` prints them and checks them.

nn_helpers is built in layers whose imports point down only (DESIGN.md, "Layout"):

    widgets  ->  viz  ->  lessons  ->  core          course  ->  core

This tool reads every ``import`` of every module in ``nn_helpers/`` with ``ast`` (it runs nothing),
and reports, module by module, what it imports; then the rules' breaches:

* an arrow up (a module importing from a layer above its own, or course importing from a drawing layer),
* a circle (modules importing each other, directly or around a loop; imports inside functions count),
* a private name imported from another module (``from .x import _helper``),
* a module longer than MAX_LINES lines.

``--check`` exits 1 when there is a breach; ``--png FILE`` draws the layers and arrows (matplotlib).
"""
import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "nn_helpers"
MAX_LINES = 450
LAYERS = ("core", "lessons", "viz", "widgets")      # bottom to top; course sits beside, on the core
RANK = {"core": 0, "lessons": 1, "viz": 2, "widgets": 3, "course": 1}
MAY_IMPORT = {"core": {"core"}, "lessons": {"core", "lessons"}, "viz": {"core", "lessons", "viz"},
              "widgets": {"core", "lessons", "viz", "widgets"}, "course": {"core", "course"}}


def layer(module):
    """The layer of a module name (``nn_helpers.viz.points`` -> "viz"; top-level modules -> "core")."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in ("lessons", "viz", "widgets", "course"):
        return parts[1]
    return "core"


def modules(root=ROOT):
    """{module name: path} of every module of the package under ``root``."""
    found = {}
    for path in sorted((Path(root) / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _absolute(module, is_package, level, name):
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[:len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports(root=ROOT):
    """[(importer, imported module, names taken)] for every import of a package module by another."""
    known = modules(root)
    found = []
    for module, path in known.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                target = (_absolute(module, is_package, node.level, node.module) if node.level
                          else node.module or "")
                if not target.startswith(PACKAGE):
                    continue
                names = [a.name for a in node.names]
                modules_named = [f"{target}.{n}" for n in names if f"{target}.{n}" in known]
                if modules_named:                                    # from . import activations
                    found += [(module, m, ()) for m in modules_named]
                    names = [n for n in names if f"{target}.{n}" not in known]
                if names:
                    found.append((module, target, tuple(names)))
            elif isinstance(node, ast.Import):
                found += [(module, a.name, ()) for a in node.names if a.name.startswith(PACKAGE + ".")]
    return [(a, b, names) for a, b, names in found if b in known and a != b]


def _is_face(importer, imported):
    """A package's __init__ re-exporting its own modules is its face, not an arrow between rooms."""
    return imported.startswith(importer + ".")


def breaches(root=ROOT):
    """The rules' breaches, as sentences (empty when the layers hold)."""
    found = []
    edges = imports(root)
    for importer, imported, names in edges:
        a, b = layer(importer), layer(imported)
        if b not in MAY_IMPORT[a]:
            found.append(f"arrow up: {importer} ({a}) imports {imported} ({b})")
        private = [n for n in names if n.startswith("_") and not n.startswith("__")]
        if private:
            found.append(f"private name: {importer} imports {', '.join(private)} from {imported}")
    graph = defaultdict(set)
    for importer, imported, _ in edges:
        if not _is_face(importer, imported) and not _is_face(imported, importer):
            graph[importer].add(imported)
    found += [f"circle: {' -> '.join(c)}" for c in _circles(graph)]
    for module, path in modules(root).items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"too long: {module} has {lines} lines (at most {MAX_LINES})")
    return found


def _circles(graph):
    """One loop per strongly connected group of modules (Tarjan), each as a closed path."""
    index, low, stack, on, groups, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group) + [sorted(group)[0]])

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def sheet(root=ROOT):
    """The layers in words, top to bottom: each module, its lines and what it imports."""
    edges = imports(root)
    out = defaultdict(set)
    for importer, imported, _ in edges:
        if not _is_face(importer, imported):
            out[importer].add(imported.removeprefix(PACKAGE + "."))
    lines = []
    for name in ("widgets", "viz", "lessons", "course", "core"):
        members = [(m, p) for m, p in modules(root).items() if layer(m) == name]
        total = sum(len(p.read_text(encoding="utf-8").splitlines()) for _, p in members)
        lines.append(f"{name} ({len(members)} modules, {total} lines)")
        for m, p in members:
            n = len(p.read_text(encoding="utf-8").splitlines())
            arrows = ", ".join(sorted(out[m])) or "-"
            lines.append(f"  {m.removeprefix(PACKAGE + '.') or PACKAGE:32} {n:4}  -> {arrows}")
    return "\n".join(lines)


def draw(path, root=ROOT):
    """Draw the layers as rows of boxes, one per module, with an arrow per import between layers."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    rows = ["core", "lessons", "course", "viz", "widgets"]
    y_of = {"core": 0, "lessons": 1, "course": 1, "viz": 2, "widgets": 3}
    def box(m):            # one box per exercises / quizzes package, not one per notebook
        parts = m.split(".")
        return ".".join(parts[:3]) if parts[1:2] == ["course"] and len(parts) > 3 else m
    members = {r: sorted({box(m) for m in modules(root) if layer(m) == r}) for r in rows}
    pos = {}
    for r in rows:
        names = members[r]
        x0, width = (0.52, 0.46) if r == "course" else ((0.02, 0.46) if r == "lessons" else (0.02, 0.96))
        for i, m in enumerate(names):
            pos[m] = (x0 + width * (i + 0.5) / max(len(names), 1), y_of[r])
    fig = Figure(figsize=(16, 7), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    for importer, imported, _ in imports(root):
        importer, imported = box(importer), box(imported)
        if importer in pos and imported in pos and layer(importer) != layer(imported):
            (x1, y1), (x2, y2) = pos[importer], pos[imported]
            ax.annotate("", (x2, y2 + 0.12), (x1, y1 - 0.12),
                        arrowprops=dict(arrowstyle="->", color="#999999", lw=0.6, alpha=0.6))
    for m, (x, y) in pos.items():
        ax.text(x, y, m.removeprefix(PACKAGE + ".").replace(".", ".\n", 1), ha="center", va="center", fontsize=7,
                bbox=dict(boxstyle="round", fc="#e8eef7", ec="#3a5a8c"))
    for r in rows:
        x, y = (0.5, y_of[r] + 0.3) if r == "course" else (-0.02, y_of[r])
        ax.text(x, y, r, ha="right", va="center", fontsize=12, weight="bold")
    ax.set(xlim=(-0.12, 1.0), ylim=(-0.5, 3.5), title="nn_helpers: imports point down only "
           "(widgets -> viz -> lessons -> core; course -> core)")
    ax.axis("off")
    fig.savefig(path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if an import breaks the layers")
    parser.add_argument("--png", help="also draw the layers into this PNG file")
    args = parser.parse_args(argv)
    print(sheet())
    found = breaches()
    print("\n" + ("\n".join(found) if found else "no arrow up, no circle, no private name imported, "
                  f"no module over {MAX_LINES} lines"))
    if args.png:
        draw(args.png)
        print(f"drew {args.png}")
    return 1 if (found and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
