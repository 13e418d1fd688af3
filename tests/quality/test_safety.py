"""Safety: nothing reaches the network, nothing evaluates what a learner typed, no stray JavaScript.

* Network: every notebook runs offline in fresh kernels behind a guard that refuses and logs
  any connection or name lookup beyond this machine (``tests/quality/fresh_runs.py``); no kernel may
  have tried one. The guard is tested here; the runs are the determinism reruns, so that
  assertion sits next to theirs, in tests/quality/test_determinism.py (one file: under
  ``pytest -n auto --dist loadfile`` one worker runs the notebooks once for both).
* Strings: the package, the build tool and every notebook's code are read as Python syntax
  trees (IPython's ``%magics`` and ``!shell`` lines translated first); no call may evaluate or
  unpickle a string, shell out, import by name, download, or open a socket. (The playground's
  configuration strings are parsed field by field: tests/widgets/test_playground.py shows that a
  malicious one is refused with a message, with ``eval``, ``exec`` and ``__import__`` disabled.)
* JavaScript: no stored output carries a JavaScript MIME type, and the only ``<script>`` in
  any output is matplotlib's own animation player (``to_jshtml``, the playground's replay),
  recognised by matplotlib's template; markdown cells hold no script, iframe or event handler.
"""
import ast
import re
import string
import subprocess
import sys
import textwrap

import nbformat
import pytest

from tests.quality.fresh_runs import NETWORK_GUARD, REPO

ALL_NOTEBOOKS = sorted((REPO / "notebooks").rglob("*.ipynb"))   # solutions, learner copies, playground
SOURCES = sorted((REPO / "nn_helpers").rglob("*.py")) + sorted((REPO / "tools").glob("*.py"))


# ---------------------------------------------------------------------- the network


def test_the_network_guard_refuses_the_outside_and_logs_it(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(NETWORK_GUARD)
    log = tmp_path / "attempts.log"
    script = textwrap.dedent("""
        import socket, urllib.request
        server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen()
        socket.create_connection(server.getsockname(), timeout=5).close()        # loopback: allowed
        socket.getaddrinfo("localhost", 80)
        for attempt in (lambda: urllib.request.urlopen("http://example.com/", timeout=5),
                        lambda: socket.socket().connect(("10.255.255.1", 80)),
                        lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("192.0.2.1", 53))):
            try:
                attempt()
            except OSError as err:
                print("refused:", err)
            else:
                print("NOT REFUSED")
    """)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "NN_NETWORK_LOG": str(log)}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "NOT REFUSED" not in result.stdout and result.stdout.count("refused:") == 3, result.stdout
    assert "blocked by the tests" in result.stdout
    logged = log.read_text().splitlines()           # (the guard made the file when it was loaded)
    assert [line.split()[0] for line in logged] == ["getaddrinfo", "connect", "sendto"], logged


# ---------------------------------------------------------------------- strings are never evaluated

# Calls by plain name, by attribute name (whatever the object), and modules never imported.
FORBIDDEN_NAMES = {"eval", "exec", "compile", "__import__", "breakpoint", "input"}
FORBIDDEN_ATTRIBUTES = {
    "system": "a shell command", "popen": "a shell command",
    "getoutput": "a shell command (IPython !cmd)", "import_module": "an import by name",
    "run_cell": "code run from a string", "run_cell_magic": "a cell magic",
    "literal_eval": "evaluation of a string",
}
UNPICKLERS = {"pickle", "marshal", "dill", "cloudpickle", "joblib", "shelve", "yaml"}   # their .load(s)
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "socket", "urllib", "http", "requests",
                     "ftplib", "smtplib", "webbrowser", "ctypes", "importlib"}
ALLOWED_MAGICS = {"matplotlib"}                     # %matplotlib widget / inline
# {(file name, what): reason}: deliberate exceptions, each with its reason.
ALLOWED = {
    ("collect_results.py", "import subprocess"): "the lecturer's command runs pytest --nbval on each "
                                                  "handed-in notebook, in a process of its own",
}
_DISCOVERY = ("finds the notebooks' modules (nbNN.py, a name matched by a regex) in its own folder with "
              "pkgutil and imports them by that name: nothing a learner types reaches it")
for _package in ("nn_helpers/course/exercises/__init__.py", "nn_helpers/course/quizzes/__init__.py"):
    ALLOWED[(_package, "import importlib")] = _DISCOVERY
    ALLOWED[(_package, ".import_module(...), an import by name")] = _DISCOVERY


def _code_of(path):
    """(where, Python source) pairs: a module, or each code cell of a notebook as IPython runs it."""
    if path.suffix == ".py":
        return [(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8"))]
    from IPython.core.inputtransformer2 import TransformerManager
    transform = TransformerManager().transform_cell
    nb = nbformat.read(path, as_version=4)
    return [(f"{path.relative_to(REPO).as_posix()} cell {i}", transform(cell.source))
            for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def forbidden_calls(source):
    """What in ``source`` could evaluate a string, shell out or open a connection: (line, what) pairs."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if isinstance(func, ast.Name) and name in FORBIDDEN_NAMES:
                found.append((node.lineno, f"{name}(...)"))
            elif (isinstance(func, ast.Attribute) and name in ("load", "loads", "open")
                  and isinstance(func.value, ast.Name) and func.value.id in UNPICKLERS):
                found.append((node.lineno, f"{func.value.id}.{name}(...), unpickling"))
            elif isinstance(func, ast.Attribute) and name in FORBIDDEN_ATTRIBUTES:
                found.append((node.lineno, f".{name}(...), {FORBIDDEN_ATTRIBUTES[name]}"))
            elif name == "run_line_magic":
                magic = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                if magic not in ALLOWED_MAGICS:
                    found.append((node.lineno, f"the magic %{magic}"))
            elif name and (name.startswith("fetch_") or name in ("Javascript", "urlopen", "urlretrieve")):
                found.append((node.lineno, f"{name}(...)"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found.extend((node.lineno, f"import {m}") for m in modules if m.split(".")[0] in FORBIDDEN_MODULES)
    return sorted(found)


@pytest.mark.parametrize("path", SOURCES + ALL_NOTEBOOKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_code_evaluates_a_string_shells_out_or_opens_a_connection(path):
    found = [f"{where}, line {line}: {what}" for where, source in _code_of(path)
             for line, what in forbidden_calls(source)
             if (path.name, what) not in ALLOWED and (where, what) not in ALLOWED]
    assert not found, "\n".join(found)


def test_the_scan_finds_what_it_looks_for():
    source = textwrap.dedent("""
        import pickle, re
        from urllib.request import urlopen
        x = eval(text)
        y = pickle.loads(blob); z = json.loads(text)
        get_ipython().system('pip install thing')
        get_ipython().run_line_magic('pip', 'install thing')
        get_ipython().run_line_magic('matplotlib', 'widget')
        X = fetch_openml("mnist_784")
        pattern = re.compile("[0-9]+")
        ok = int("8")
    """)
    found = forbidden_calls(source)
    assert [line for line, _ in found] == [2, 3, 4, 5, 6, 7, 9], found
    assert (7, "the magic %pip") in found and not any("compile" in w or "matplotlib" in w for _, w in found)


# ---------------------------------------------------------------------- JavaScript in outputs

JS_MIMES = ("application/javascript", "text/javascript", "application/x-javascript", "text/ecmascript")
SCRIPTY = re.compile(r"<script|javascript:|<iframe|<object|<embed|\son[a-z]+\s*=", re.IGNORECASE)


def _matplotlib_player():
    """A regex for exactly the HTML that matplotlib's ``Animation.to_jshtml`` writes (any frames)."""
    from matplotlib._animation_data import DISPLAY_TEMPLATE, JS_INCLUDE, STYLE_INCLUDE

    from nn_helpers.widgets.playground.figure import _plain_player_icons   # icons as characters (see replay_html)
    fields = {
        "id": r"[0-9a-f]{32}", "Nframes": r"\d+", "interval": r"\d+(\.\d+)?",
        "once_checked": r"(checked)?", "loop_checked": r"(checked)?", "reflect_checked": r"(checked)?",
        "fill_frames": r'\n(  frames\[\d+\] = "data:image/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\\\n]*"\n)*',
    }
    pattern = ""
    for literal, field, _, _ in string.Formatter().parse(_plain_player_icons(DISPLAY_TEMPLATE)):
        pattern += re.escape(literal) + (fields[field] if field is not None else "")
    link, script = JS_INCLUDE.split("\n<script", 1)       # replay_html drops the CDN link (see below)
    return re.compile(f"({re.escape(link)})?" + re.escape("\n<script" + script + STYLE_INCLUDE) + pattern)


MATPLOTLIB_PLAYER = _matplotlib_player()


def scripted_outputs(nb):
    """Texts that describe JavaScript in a notebook's outputs or markdown, other than matplotlib's player."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and SCRIPTY.search(cell.source):
            found.append(f"markdown cell {index}: {SCRIPTY.search(cell.source).group()!r}")
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime in JS_MIMES:
                if mime in data:
                    found.append(f"cell {index}: an output of type {mime}")
            for mime in ("text/html", "text/markdown", "image/svg+xml"):
                text = data.get(mime)
                if text and SCRIPTY.search(text) and not (mime == "text/html" and MATPLOTLIB_PLAYER.fullmatch(text)):
                    found.append(f"cell {index}: {mime} with {SCRIPTY.search(text).group()!r}")
    return found


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_output_carries_javascript_beyond_matplotlibs_player(path):
    found = scripted_outputs(nbformat.read(path, as_version=4))
    assert not found, "\n".join(found)


def test_matplotlibs_player_is_recognised_and_nothing_else_is():
    """The playground's replay (to_jshtml) passes; a script added to it, or a lone one, does not."""
    from nn_helpers.widgets.playground.training import PlaygroundConfig, make_data, record_training
    from nn_helpers.widgets.playground.figure import replay_html

    config = PlaygroundConfig(n_samples=40, epochs=4, frames=3, hidden=(3,))
    html = replay_html(record_training(config, *_split(make_data(config))), n_frames=3, dpi=20)
    assert MATPLOTLIB_PLAYER.fullmatch(html)
    # nothing in it is fetched from the network when it is shown (matplotlib's CDN link is dropped)
    assert not re.search(r"(href|src)\s*=\s*[\"']?(https?:)?//", html), re.search(r"(href|src)=\S+", html)

    def notebook(text, mime="text/html"):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("x", outputs=[
            nbformat.v4.new_output("display_data", data={mime: text})])]
        return nb

    assert scripted_outputs(notebook(html)) == []
    for bad in [html + "<script>fetch('https://example.com')</script>",
                html.replace("ua = navigator.userAgent;", "fetch('https://example.com');", 1),
                "<img src=x onerror=alert(1)>", "<script>alert(1)</script>"]:
        assert bad != html and scripted_outputs(notebook(bad)), bad[:60]
    assert scripted_outputs(notebook("alert(1)", "application/javascript")) == [
        "cell 0: an output of type application/javascript"]


def _split(data):
    X_train, X_test, y_train, y_test = data
    return X_train, y_train, X_test, y_test
