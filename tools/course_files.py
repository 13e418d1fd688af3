"""Where the course's files are, and how a solution cell is marked: shared by every tool.

The solution notebooks (``notebooks/solutions/NN_topic.ipynb``) are the single source of truth;
solution code sits between nbgrader's ``### BEGIN SOLUTION`` / ``### END SOLUTION`` markers.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "notebooks" / "solutions"
LEARNER = ROOT / "notebooks"
PLAYGROUND = LEARNER / "playground.ipynb"    # one version only: it has no exercises
BEGIN = re.compile(r"^(?P<indent>\s*)### BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*### END SOLUTION\s*$")


class BuildError(Exception):
    """A solution notebook that cannot be built: unbalanced markers, or a cell that raised."""


def has_solution(cell):
    """True for a code cell holding a ### BEGIN SOLUTION block."""
    return cell.cell_type == "code" and any(BEGIN.match(line) for line in cell.source.split("\n"))


def solution_paths(names=(), solutions=SOLUTIONS):
    """The solution notebooks (NN_topic.ipynb), all or the ones named."""
    paths = sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))
    if names:
        wanted = {n.removesuffix(".ipynb") for n in names}
        paths = [p for p in paths if p.stem in wanted]
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise BuildError(f"no solution notebook named {sorted(missing)} in {solutions}")
    return paths
