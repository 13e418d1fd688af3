"""One simulated student on a JupyterHub, doing what a student in a lecture does.

1. Log in, twice over: in a "browser" (the hub's login form: a session cookie, as a person gets)
   and through the hub's REST API (``POST /hub/api/users/NAME/tokens`` with their name and the
   class password: an API token, for the calls below that a browser makes with its cookie).
2. Start their server (``POST /hub/api/users/NAME/server``) and wait until it is ready.
3. Click the lecturer's nbgitpuller link in the browser: ``/hub/user-redirect/git-pull?repo=...``.
   The hub redirects to their server's ``git-pull`` page (through the hub's OAuth, which gives the
   browser the server's cookie); the page's script then streams ``git-pull/api`` (the clone, by
   nbgitpuller inside their server) and, when it says ``finished``, opens ``urlpath``. The student
   here follows the same URLs with the same parameters and cookies.
4. Open notebook 08 (the solution copy they pulled) and run every code cell, top to bottom, in a
   kernel of their server (``/api/sessions``, then the kernel's websocket channels), collecting each
   cell's outputs as JupyterLab would store them.
5. Compare each cell's text outputs with the course's record (``nn_helpers.course.record``).

Times are wall-clock seconds; memory is each process's peak resident set (VmHWM), read from /proc
while the process is alive: the student's single-user server plus every process under it (the
kernel).
"""

import datetime
import html
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import unquote, urlencode, urlsplit

import requests
import websocket
from jupyter_server.services.kernels.connection.base import deserialize_binary_message

from nn_helpers.course import record
from tests.hub.hub import COURSE_NAME, PASSWORD, peak_rss_mb

NOTEBOOK = "08_gradient_descent_and_training"
NOTEBOOK_PATH = f"{COURSE_NAME}/notebooks/solutions/{NOTEBOOK}.ipynb"
START_PAGE = f"lab/tree/{COURSE_NAME}/notebooks/00_start_here.ipynb"
SPAWN_TIMEOUT = 180      # seconds for a server to start on a busy machine
PULL_TIMEOUT = 120       # seconds for nbgitpuller's clone
KERNEL_TIMEOUT = 120     # seconds for a kernel to answer kernel_info
CELL_TIMEOUT = 240       # seconds for one cell
RUN_TIMEOUT = 420        # seconds for the whole notebook
CONNECT_TIMEOUT = 120    # seconds for a kernel's websocket handshake (10 kernels starting on 2 cores)


class StudentFailed(Exception):
    pass


@dataclass
class Result:
    """What one student's session did and cost."""
    name: str
    login_s: float = None
    spawn_s: float = None          # start request -> server ready
    pull_s: float = None           # the nbgitpuller link -> clone finished
    run_s: float = None            # session (kernel) requested -> last cell done: the completion time
    cells: int = 0
    compared: int = 0
    mismatches: list = field(default_factory=list)   # [{"cell", "expected", "got"}]
    server_peak_mb: float = None
    kernel_peak_mb: float = None
    server_cpu_s: float = None     # user + system CPU seconds of the server (its start included) when the run ended
    kernel_cpu_s: float = None     # ... of the kernel: what running notebook 08 costs
    error: str = None

    @property
    def peak_mb(self):
        if self.server_peak_mb is None or self.kernel_peak_mb is None:
            return None
        return self.server_peak_mb + self.kernel_peak_mb

    def as_dict(self):
        return {**self.__dict__, "peak_mb": self.peak_mb}


class Student:
    def __init__(self, hub, name, repo_url):
        self.hub, self.name, self.repo_url = hub, name, repo_url
        self.result = Result(name)
        self.token = None
        self.http = requests.Session()       # REST calls, with the student's API token
        self.browser = requests.Session()    # pages, with cookies only

    def close(self):
        self.http.close()
        self.browser.close()

    # ------------------------------------------------------------ the hub

    def log_in(self):
        start = time.monotonic()
        form = self.browser.get(f"{self.hub.url}/hub/login", timeout=60)
        _expect(form, 200, "the login page")
        xsrf = re.search(r'name="_xsrf"\s+value="([^"]*)"', form.text)
        reply = self.browser.post(f"{self.hub.url}/hub/login", timeout=60, allow_redirects=False,
                                  data={"username": self.name, "password": PASSWORD,
                                        "_xsrf": html.unescape(xsrf.group(1)) if xsrf else ""})
        _expect(reply, 302, "log in with the login form")
        reply = self.http.post(f"{self.hub.url}/hub/api/users/{self.name}/tokens", timeout=60,
                               json={"auth": {"username": self.name, "password": PASSWORD},
                                     "note": "course test", "expires_in": 3600})
        _expect(reply, 201, "log in (token request with the class password)")
        self.token = reply.json()["token"]
        self.http.headers["Authorization"] = f"token {self.token}"
        self.result.login_s = time.monotonic() - start

    def start_server(self):
        start = time.monotonic()
        reply = self.http.post(f"{self.hub.url}/hub/api/users/{self.name}/server", timeout=60)
        _expect(reply, (201, 202), "start the server")
        deadline = start + SPAWN_TIMEOUT
        while time.monotonic() < deadline:
            user = self.http.get(f"{self.hub.url}/hub/api/users/{self.name}", timeout=60).json()
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                self.base = f"{self.hub.url}{server['url']}"          # .../user/NAME/
                self.result.spawn_s = time.monotonic() - start
                return
            if not user.get("pending") and not server:
                raise StudentFailed(f"the server stopped while starting:\n{self.hub.log_tail()}")
            time.sleep(0.5)
        raise StudentFailed(f"the server was not ready after {SPAWN_TIMEOUT} s")

    # ------------------------------------------------------------ nbgitpuller

    def follow_link(self):
        """The nbgitpuller link, as a browser follows it. Returns the page it lands on (urlpath)."""
        start = time.monotonic()
        query = urlencode({"repo": self.repo_url, "urlpath": START_PAGE, "branch": "main"})
        page = self.browser.get(f"{self.hub.url}/hub/user-redirect/git-pull?{query}", timeout=60)
        _expect(page, 200, "the nbgitpuller link")
        if not urlsplit(page.url).path.startswith(f"/user/{self.name}/git-pull"):
            raise StudentFailed(f"the link led to {page.url}, not to nbgitpuller's page in the student's server")
        data = {key: unquote(html.unescape(value))     # what the page's script reads (decodeURIComponent)
                for key, value in re.findall(r'data-([\w-]+)="([^"]*)"', page.text)}
        params = {"repo": data["repo"], "targetpath": data["targetpath"]}
        if data.get("branch"):
            params["branch"] = data["branch"]
        if data.get("depth"):
            params["depth"] = data["depth"]
        events = self._event_stream(f"{self.base}git-pull/api?{urlencode(params)}", PULL_TIMEOUT)
        if not events or events[-1].get("phase") != "finished":
            raise StudentFailed(f"nbgitpuller did not finish: {events[-3:]}")
        self.result.pull_s = time.monotonic() - start
        landing = self.browser.get(f"{self.base}{data['path']}", timeout=60)
        _expect(landing, 200, f"the link's landing page {data['path']}")
        return data["path"]

    def _event_stream(self, url, timeout):
        """The JSON events of a server-sent event stream, up to 'finished' or 'error'."""
        events, deadline = [], time.monotonic() + timeout
        with self.browser.get(url, stream=True, timeout=timeout) as reply:
            _expect(reply, 200, "nbgitpuller's event stream")
            for line in reply.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    events.append(json.loads(line[5:]))
                    if events[-1].get("phase") in ("finished", "error"):
                        break
                if time.monotonic() > deadline:
                    break
        return events

    # ------------------------------------------------------------ the notebook

    def pulled_notebook(self):
        reply = self.http.get(f"{self.base}api/contents/{NOTEBOOK_PATH}", params={"content": 1}, timeout=60)
        _expect(reply, 200, f"the pulled {NOTEBOOK_PATH}")
        return reply.json()["content"]

    def run_notebook(self, notebook, measure):
        """Run every code cell in a fresh kernel; compare with the record; ``measure()`` before shutdown."""
        expected = {cell["id"]: cell for cell in record.load(NOTEBOOK)["cells"]}
        code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
        start = time.monotonic()
        reply = self.http.post(f"{self.base}api/sessions", timeout=120, json={
            "path": NOTEBOOK_PATH, "name": f"{NOTEBOOK}.ipynb", "type": "notebook",
            "kernel": {"name": "python3"}})
        _expect(reply, 201, "start a kernel (session)")
        session = reply.json()
        try:
            channels = KernelChannels(self.base, session["kernel"]["id"], self.token, self.name)
            try:
                channels.wait_ready(KERNEL_TIMEOUT)
                deadline = start + RUN_TIMEOUT
                for cell in code:
                    source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                    outputs, status = channels.execute(source, min(CELL_TIMEOUT, deadline - time.monotonic()))
                    self.result.cells += 1
                    want = expected.get(cell.get("id"))
                    if want is None:
                        raise StudentFailed(f"cell {cell.get('id')} is not in the course's record")
                    checked = want["options"].get("check", True) and not want["options"].get("skip", False)
                    if checked:
                        self.result.compared += 1
                        if not record.same_outputs(outputs, want["outputs"]):
                            self.result.mismatches.append({"cell": cell["id"], "expected": record.shown(want["outputs"]),
                                                           "got": record.shown(outputs)})
                    if status != "ok" and not any(e["kind"] == "error" for e in want["outputs"]):
                        raise StudentFailed(f"cell {cell['id']} raised: {record.shown(outputs)[-600:]}")
                self.result.run_s = time.monotonic() - start
                measure(self.result)
            finally:
                channels.close()
        finally:
            self.http.delete(f"{self.base}api/sessions/{session['id']}", timeout=60)


class KernelChannels:
    """A kernel's websocket (the Jupyter server's JSON protocol, as JupyterLab uses it)."""

    def __init__(self, base, kernel_id, token, username):
        url = base.replace("http://", "ws://", 1) + f"api/kernels/{kernel_id}/channels"
        self.session, self.username = uuid.uuid4().hex, username
        self.ws = websocket.create_connection(f"{url}?session_id={self.session}", timeout=CONNECT_TIMEOUT,
                                              header=[f"Authorization: token {token}"])

    def close(self):
        self.ws.close()

    def send(self, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": self.username,
                       "session": self.session, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": []}))
        return msg_id

    def receive(self, deadline):
        """The next message, or None at the deadline."""
        while time.monotonic() < deadline:
            self.ws.settimeout(max(0.1, min(5.0, deadline - time.monotonic())))
            try:
                data = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            return deserialize_binary_message(data) if isinstance(data, bytes) else json.loads(data)
        return None

    def wait_ready(self, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            asked = self.send("kernel_info_request", {})
            retry = min(deadline, time.monotonic() + 5)
            while (msg := self.receive(retry)) is not None:
                if msg["msg_type"] == "kernel_info_reply" and msg["parent_header"].get("msg_id") == asked:
                    return
        raise StudentFailed(f"the kernel did not answer in {timeout} s")

    def execute(self, code, timeout):
        """Run code; return (outputs as nbformat dicts, reply status)."""
        asked = self.send("execute_request", {"code": code, "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False,
                                              "stop_on_error": True})
        outputs, status, idle, clear_next = [], None, False, False
        deadline = time.monotonic() + max(timeout, 1)
        while status is None or not idle:
            msg = self.receive(deadline)
            if msg is None:
                raise StudentFailed(f"a cell did not finish in {timeout:.0f} s:\n{code[:200]}")
            if msg["parent_header"].get("msg_id") != asked:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_reply":
                status = content["status"]
                continue
            if kind == "status":
                idle = content["execution_state"] == "idle"
                continue
            if kind == "clear_output":
                if content.get("wait"):
                    clear_next = True
                else:
                    outputs = []
                continue
            output = _output(kind, content)
            if output is not None:
                if clear_next:
                    outputs, clear_next = [], False
                outputs.append(output)
        return outputs, status


def _output(kind, content):
    """An iopub message as the notebook output JupyterLab would store (None: not an output)."""
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind in ("display_data", "execute_result"):
        return {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
    if kind == "error":
        return {"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                "traceback": content["traceback"]}
    return None


def _expect(reply, statuses, what):
    statuses = statuses if isinstance(statuses, tuple) else (statuses,)
    if reply.status_code not in statuses:
        raise StudentFailed(f"{what}: HTTP {reply.status_code} {reply.text[:400]}")


def peak_memory(server):
    """(server MB, kernel MB): peak RSS of the single-user server and of everything under it."""
    under = 0.0
    for child in server.children(recursive=True):
        under += peak_rss_mb(child.pid) or 0.0
    return peak_rss_mb(server.pid), under
