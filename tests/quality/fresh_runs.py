"""Run every notebook again in fresh kernels, offline, and keep what a learner would read.

For tests/quality/test_determinism.py: the text must be byte-identical to the stored outputs, and no
kernel may reach the network (the guard is tested in tests/quality/test_safety.py). Each notebook runs
twice, in fresh kernels started with ``PYTHONHASHSEED`` 1 and 2 (so set order cannot hide), through ``tools.build_notebooks.execute``: the same kernel, working directory and
settings as the build that stored the outputs. The runs happen once per pytest process
(``fresh_runs()`` is cached), two notebooks at a time, each in a Python process of its own.

Offline: the kernels start with ``NETWORK_GUARD`` as their ``sitecustomize`` (on
PYTHONPATH), which refuses every connection and name lookup that is not the machine itself
(loopback, where the kernel talks to its client) and logs each attempt. It guards what goes
through Python's ``socket`` module: urllib, http.client, requests, pip, matplotlib, sklearn's
fetchers; a C library that opens its own sockets would pass unseen.
"""
import functools
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests import REPO

HASH_SEEDS = (1, 2)                     # one rerun with each
RUN_TIMEOUT = 240                       # seconds for one notebook; they take 3 to 20
TEXT_MIMES = ("text/plain", "text/html", "text/markdown", "text/latex", "application/json")

NETWORK_GUARD = '''\
"""sitecustomize for tests: refuse (and log) any connection or lookup beyond this machine."""
import ipaddress
import os
import socket

_LOG = os.environ.get("NN_NETWORK_LOG")
if _LOG:
    open(_LOG, "a").close()                 # the log exists: proof that the guard was loaded
_LOCAL_NAMES = {None, "", "localhost", "localhost.localdomain", socket.gethostname()}


def _local(host):
    if isinstance(host, bytes):
        host = host.decode()
    if host in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(str(host).split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _refuse(what, target):
    if _LOG:
        with open(_LOG, "a") as log:
            log.write(f"{what} {target!r}\\n")
    raise OSError(101, f"network access blocked by the tests: {what} {target!r}")


def _guard_address(method, what):
    def guarded(self, address, *args):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(what, address)
        return method(self, address, *args)
    return guarded


def _guard_sendto(method):
    def guarded(self, data, *args):
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse("sendto", address)
        return method(self, data, *args)
    return guarded


def _guard_lookup(function, what):
    def guarded(host, *args, **kwargs):
        if not _local(host):
            _refuse(what, host)
        return function(host, *args, **kwargs)
    return guarded


socket.socket.connect = _guard_address(socket.socket.connect, "connect")
socket.socket.connect_ex = _guard_address(socket.socket.connect_ex, "connect_ex")
socket.socket.sendto = _guard_sendto(socket.socket.sendto)
socket.getaddrinfo = _guard_lookup(socket.getaddrinfo, "getaddrinfo")
socket.gethostbyname = _guard_lookup(socket.gethostbyname, "gethostbyname")
socket.gethostbyname_ex = _guard_lookup(socket.gethostbyname_ex, "gethostbyname_ex")
'''


def notebook_paths():
    """Every notebook whose outputs nbval compares: the solutions and the playground."""
    from tools.course_files import solution_paths
    return [*solution_paths(), REPO / "notebooks" / "playground.ipynb"]


def ignores_output(cell):
    """True for a cell nbval does not compare (NBVAL_IGNORE_OUTPUT or NBVAL_SKIP, as comment or tag)."""
    from nbval.plugin import find_comment_markers, find_metadata_tags
    markers = dict(find_comment_markers(cell.source))
    markers.update(find_metadata_tags(cell.metadata))
    return markers.get("check") is False or markers.get("skip", False)


def text_outputs(nb):
    """Per code cell whose output nbval compares: (cell index, [(kind, text), ...]).

    Streams are merged as nbval merges them; images and widget views are left out (nbval does
    not compare them either), and a figure's HTML copy is compared by its alt text (as the
    self-check does: ``record.without_figure_pixels``); an error counts as its name and message.
    """
    from nn_helpers.course.record import without_figure_pixels
    from nbval.plugin import coalesce_streams
    cells = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or ignores_output(cell):
            continue
        texts = []
        for out in coalesce_streams([o.copy() for o in cell.outputs]):
            if out.output_type == "stream":
                texts.append((f"stream {out.name}", out.text))
            elif out.output_type == "error":
                texts.append(("error", f"{out.ename}: {out.evalue}"))
            else:
                texts.extend((f"{out.output_type} {mime}", without_figure_pixels(str(out.data[mime])))
                             for mime in TEXT_MIMES if mime in out.data)
        cells.append((index, texts))
    return cells


def _run(path, hash_seed, guard_dir):
    """In a process of its own: execute one notebook offline with one hash seed. Returns a dict:
    ``texts`` (``text_outputs``, None if a cell raised), ``guarded`` (the kernel loaded the
    guard), ``attempts`` (the network attempts it logged) and ``error`` (the build's message, or None)."""
    import nbformat

    from tools.build_notebooks import BuildError, execute
    log = Path(guard_dir) / f"{Path(path).stem}-{hash_seed}.log"
    log.unlink(missing_ok=True)
    os.environ.pop("MPLBACKEND", None)          # the kernel uses its inline backend, as in the build
    os.environ["PYTHONHASHSEED"] = str(hash_seed)
    os.environ["NN_NETWORK_LOG"] = str(log)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [guard_dir, os.environ.get("PYTHONPATH")]))
    texts, error = None, None
    try:
        texts = text_outputs(execute(nbformat.read(path, as_version=4), Path(path).name))
    except BuildError as err:
        error = str(err)
    guarded = log.exists()
    attempts = log.read_text().splitlines() if guarded else []
    return {"texts": texts, "guarded": guarded, "attempts": attempts, "error": error}


def _run_in_a_process(path, hash_seed, guard_dir, tries=2):
    """``_run`` in a fresh Python process, killed after RUN_TIMEOUT seconds and then tried once more.

    (ipykernel 7 and jupyter_client now and then lose a message and leave client and kernel
    waiting on each other; nbclient would wait out its 600-second cell timeout.) The result
    says how many tries it took.
    """
    out = Path(guard_dir) / f"{Path(path).stem}-{hash_seed}.json"
    code = (f"import json, sys; from tests.quality.fresh_runs import _run; "
            f"json.dump(_run({str(path)!r}, {hash_seed}, {guard_dir!r}), open({str(out)!r}, 'w'))")
    problem = None
    for attempt in range(1, tries + 1):
        process = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            output, _ = process.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()                      # its kernel sees its parent go and exits too
            output, _ = process.communicate()
            problem = f"no result after {RUN_TIMEOUT} s (try {attempt} of {tries})"
            continue
        if process.returncode != 0 or not out.exists():
            return {"texts": None, "guarded": False, "attempts": [], "tries": attempt,
                    "error": f"the run exited with {process.returncode}:\n{output[-3000:]}"}
        result = json.loads(out.read_text())
        result["texts"] = None if result["texts"] is None else [
            (index, [tuple(pair) for pair in texts]) for index, texts in result["texts"]]
        return {**result, "tries": attempt}
    return {"texts": None, "guarded": False, "attempts": [], "tries": tries, "error": problem}


@functools.lru_cache(maxsize=None)
def fresh_runs(workers=2):
    """{(notebook name, hash seed): ``_run``'s dict, plus ``tries``} for every notebook and seed."""
    paths = notebook_paths()
    with tempfile.TemporaryDirectory(prefix="nn-guard-") as guard_dir:
        Path(guard_dir, "sitecustomize.py").write_text(NETWORK_GUARD)
        jobs = [(path, seed) for seed in HASH_SEEDS for path in paths]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {(path.name, seed): pool.submit(_run_in_a_process, path, seed, guard_dir)
                       for path, seed in jobs}
            return {key: future.result() for key, future in futures.items()}
