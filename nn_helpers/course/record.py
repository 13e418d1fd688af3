"""The course's record of a notebook, and what "the same output" means to a person.

The build executes each solution notebook and keeps, for every code cell of the learner's copy,
a record: its id, its kind (``exercise``, ``checker`` or ``teaching``), the exercise it belongs
to, the section it sits in, its source as the learner receives it, its nbval options, and its
expected text outputs. The records ship inside the package (``records/NN_topic.json``), where a
learner never edits them; the self-check and the grader compare a fresh run with them, never with
the outputs a learner's own file happens to store.

Two outputs are equal when their ``canonical`` texts are: NumPy scalar reprs read as the plain
number (``np.float64(0.75)`` is ``0.75``), every number with a decimal point or an exponent is
compared to 10 significant digits (``1.`` is ``1``; ``0.7500000000000001`` is ``0.75``; a wrong
digit earlier still differs), integers exactly, runs of whitespace as one space (array layout),
and memory addresses and timings are blanked. Nothing else is loosened.
"""
import hashlib
import json
import re
from pathlib import Path

RECORDS = Path(__file__).resolve().parent / "records"
FORMAT = 1
STUB = "...  # YOUR CODE HERE"
EXERCISE, CHECKER, TEACHING = "exercise", "checker", "teaching"
SHOWN_CHARS = 20_000                                # expected texts longer than this are kept as a hash only
SKIPPED_MIMES = ("image/png", "image/jpeg", "image/svg+xml", "application/vnd.jupyter.widget-view+json")

_CHECKER_CALL = re.compile(r"^\s*check_\w+\(", re.MULTILINE)
_EXERCISE_NAME = re.compile(r"Exercise (\d\d\.\d+)")
_NUMPY_SCALAR = re.compile(r"\bnp\.(?:float|int|uint|complex|longdouble|clongdouble)\d*\((.*?)\)")
_NUMPY_WORDS = [(re.compile(r"\bnp\.True_"), "True"), (re.compile(r"\bnp\.False_"), "False"),
                (re.compile(r"\bnp\.str_\((.*?)\)"), r"\1")]
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_TIMING = re.compile(r"\d+(\.\d+)? ?(ms|s|µs) (per|for|each)")
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_SPACE_IN_BRACKETS = re.compile(r"(?<=[\[(]) | (?=[\])])")
# a course figure's HTML copy (nn_helpers.viz.alt_text): its pixels are left out, as an image's
# are; its alt text (the figure's titles and axes) is compared
_FIGURE_PIXELS = re.compile(r'(<img class="nn-figure" src=")data:image/png;base64,[^"]*"')


def _number(match):
    token = match.group(0)
    if not any(c in token for c in ".eE"):
        return token                                 # an integer: compared exactly
    return format(float(token), ".10g")


def canonical(text):
    """The text as a person compares it (see the module's docstring). str -> str."""
    text = _ADDRESS.sub("0xADDRESS", _TIMING.sub(r"TIME \3", text))
    text = _NUMPY_SCALAR.sub(r"\1", text)
    for pattern, replacement in _NUMPY_WORDS:
        text = pattern.sub(replacement, text)
    text = " ".join(text.split())
    return _SPACE_IN_BRACKETS.sub("", _NUMBER.sub(_number, text))


def output_texts(outputs):
    """[(kind, text)] of a cell's outputs as nbval compares them: streams merged by name, images and
    widget views left out (a figure's HTML copy keeps its alt text, not its pixels), an error as
    its name and message."""
    texts, streams = [], {}
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream":
            name = f"stream {out.get('name', 'stdout')}"
            if name in streams:
                texts[streams[name]] = (name, texts[streams[name]][1] + _text(out.get("text", "")))
            else:
                streams[name] = len(texts)
                texts.append((name, _text(out.get("text", ""))))
        elif kind == "error":
            texts.append(("error", f"{out.get('ename')}: {out.get('evalue')}"))
        elif kind in ("display_data", "execute_result"):
            texts.extend((mime, without_figure_pixels(_text(value)))
                         for mime, value in sorted(out.get("data", {}).items()) if mime not in SKIPPED_MIMES)
    return texts


def without_figure_pixels(text):
    """``text`` with each course figure's embedded PNG replaced by "(a figure)": a figure's HTML
    copy is compared by its alt text, as images are not compared at all."""
    return _FIGURE_PIXELS.sub(r'\1(a figure)"', text)


def _text(value):
    if isinstance(value, list):
        return "".join(value)
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def digest(text):
    return hashlib.sha256(canonical(text).encode("utf-8")).hexdigest()


def expected_outputs(outputs):
    """The record's form of a cell's outputs: [{"kind", "sha256", "text" (if short)}]."""
    return [{"kind": kind, "sha256": digest(text), **({"text": text} if len(text) <= SHOWN_CHARS else {})}
            for kind, text in output_texts(outputs)]


def same_outputs(outputs, expected):
    """True when a fresh run's outputs equal the record's expected outputs (kinds in order, texts canonical)."""
    got = [(kind, digest(text)) for kind, text in output_texts(outputs)]
    return sorted(got) == sorted((e["kind"], e["sha256"]) for e in expected)


def shown(outputs_or_expected):
    """The text of outputs for a report (a fresh run's outputs, or the record's expected ones)."""
    parts = []
    for item in outputs_or_expected:
        if "sha256" in item:
            text = item.get("text", f"({item['kind']}, too long to show)")
        else:
            text = "\n".join(t for _, t in output_texts([item]))
        parts.append(text.rstrip("\n"))
    return "\n".join(p for p in parts if p) or "(nothing)"


def difference(expected, got, limit=600, lines=12):
    """(expected text, got text) for a report: whole when short, else only the lines that differ."""
    if len(expected) <= limit and len(got) <= limit:
        return expected, got
    want, have = expected.split("\n"), got.split("\n")
    if len(want) == len(have):
        pairs = [(w, h) for w, h in zip(want, have) if canonical(w) != canonical(h)][:lines]
        if pairs:
            return "\n".join(w for w, _ in pairs), "\n".join(h for _, h in pairs)
    cut = lambda t: t if len(t) <= limit else t[:limit] + f" ... ({len(t) - limit} more characters)"  # noqa: E731
    return cut(expected), cut(got)


def normalised_source(source):
    """A cell's source without trailing spaces and blank lines at either end (what an edit is judged by)."""
    return "\n".join(line.rstrip() for line in source.strip("\n").split("\n")).strip("\n")


def answer_frame(source):
    """(lines before, lines after) the stub line of an exercise cell's course source."""
    lines = normalised_source(source).split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip() == STUB), None)
    return (lines, []) if at is None else (lines[:at], lines[at + 1:])


def frame_kept(course_source, learner_source):
    """True when the learner changed only the stub line of an exercise cell (and added lines there)."""
    before, after = answer_frame(course_source)
    lines = normalised_source(learner_source).split("\n")
    return (len(lines) >= len(before) + len(after) and lines[:len(before)] == before
            and (not after or lines[-len(after):] == after))


def nbval_options(cell):
    """The course cell's explicit nbval markers ({"check": False} for NBVAL_IGNORE_OUTPUT, ...)."""
    from nbval.plugin import find_comment_markers, find_metadata_tags
    options = dict(find_metadata_tags(cell.get("metadata", {})))
    options.update(find_comment_markers(cell["source"]))
    return options


def _headings(source):
    return [line.lstrip("#").strip() for line in source.split("\n") if line.startswith("#")]


def _exercise_title(line, name):
    title = line.lstrip("#").strip().replace("$", "")
    if f"Exercise {name}:" in title:
        return title.split(f"Exercise {name}:", 1)[1].strip()
    return re.sub(rf"\s*\(?Exercise {re.escape(name)}\)?\s*", " ", title).strip(" :") or title


def make_record(nb, notebook):
    """The record of a learner notebook built from an executed solution (exercise cells tagged
    ``exercise``, outputs still in). Returns a dict ready for json."""
    cells, exercises = [], {}
    section, exercise, title, number = "", None, "", 0
    for cell in nb["cells"]:
        source = _text(cell["source"])
        if cell["cell_type"] == "markdown":
            section = (_headings(source) or [section])[-1]
            for line in source.split("\n"):
                found = _EXERCISE_NAME.findall(line)
                if found:
                    exercise, title = found[-1], _exercise_title(line, found[-1])
            continue
        if cell["cell_type"] != "code":
            continue
        if "exercise" in cell.get("metadata", {}).get("tags", []):
            kind = EXERCISE
        elif _CHECKER_CALL.search(source) and exercise and exercise in exercises:
            kind = CHECKER
        else:
            kind = TEACHING
        if kind == EXERCISE:
            exercises.setdefault(exercise, {"title": title, "cells": [], "checkers": []})["cells"].append(cell["id"])
        elif kind == CHECKER:
            exercises[exercise]["checkers"].append(cell["id"])
        options = nbval_options(cell)
        compared = options.get("check", True) and not options.get("skip", False)
        cells.append({"id": cell["id"], "number": number, "kind": kind,
                      "exercise": exercise if kind != TEACHING else None, "section": section,
                      "source": source, "options": options,
                      "outputs": expected_outputs(cell.get("outputs", [])) if compared else []})
        number += 1
    return {"format": FORMAT, "notebook": notebook, "exercises": exercises, "cells": cells}


def dumps(record):
    return json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def path_of(notebook, records=RECORDS):
    return Path(records) / f"{notebook}.json"


def load(notebook, records=RECORDS):
    """The record of notebook ``NN_topic`` (a dict), or None if the course has none."""
    path = path_of(notebook, records)
    if not re.fullmatch(r"[\w-]+", str(notebook)) or not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def course_notebook(metadata, path):
    """The course notebook a file is a copy of: its metadata's ``nn_course.notebook``, else its file
    name if the course has a record of that name (``07_backpropagation``), else None."""
    name = (metadata.get("nn_course") or {}).get("notebook") if isinstance(metadata, dict) else None
    for candidate in (name, Path(path).stem):
        if candidate and load(candidate) is not None:
            return candidate
    return None


def match_cells(code_cells, record):
    """Pair a learner's code cells with the record's cells.

    Returns (pairs, missing): ``pairs`` is [(learner cell, record cell or None)] in the learner's
    order (None: a cell the learner added); ``missing`` the record cells no learner cell matched.
    Cells are matched by id first, then (for cells whose id changed, e.g. cut and pasted) by their
    source: the same source for checker and teaching cells, the same frame for exercise cells.
    """
    by_id = {c["id"]: c for c in record["cells"]}
    used, matched = set(), {}
    for i, cell in enumerate(code_cells):
        wanted = by_id.get(cell.get("id"))
        if wanted is not None and wanted["id"] not in used:
            matched[i] = wanted
            used.add(wanted["id"])
    for i, cell in enumerate(code_cells):
        if i in matched:
            continue
        source = _text(cell["source"])
        for candidate in record["cells"]:
            if candidate["id"] in used:
                continue
            same = (frame_kept(candidate["source"], source) if candidate["kind"] == EXERCISE
                    else normalised_source(candidate["source"]) == normalised_source(source))
            if same:
                matched[i] = candidate
                used.add(candidate["id"])
                break
    pairs = [(cell, matched.get(i)) for i, cell in enumerate(code_cells)]
    return pairs, [c for c in record["cells"] if c["id"] not in used]
