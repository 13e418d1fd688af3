"""A real JupyterHub on 127.0.0.1 for the classroom test (tests/hub/test_jupyterhub.py).

The hub runs in its own temporary directory (config, sqlite database, cookie secret, logs, and one
home folder per student), with the proxy from npm (configurable-http-proxy), the shared-password
authenticator (the supported form of "DummyAuthenticator with a password") and
``SimpleLocalProcessSpawner``: every student's single-user server is a local process of this OS
user, started in that student's own home folder. The test talks to it only over HTTP, as a
lecturer's script and the students' browsers would.

The proxy is looked up in ``$CONFIGURABLE_HTTP_PROXY``, then in ``<venv>/node`` (where .ci/run
installs it, see ``NPM_INSTALL``), then on PATH. Missing, the test fails in CI (CI=true) and is
skipped elsewhere, saying how to install it.

Every process the hub starts carries ``NN_COURSE_HUB_RUN=<this run's id>`` in its environment; at
the end the hub is asked to stop (it stops the servers and the proxy), and any process still
carrying this run's id is then killed by its PID.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts"
VENV_BIN = Path(sys.executable).parent
PROXY_IN_VENV = Path(sys.prefix) / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
NPM_INSTALL = f"npm install --prefix {Path(sys.prefix) / 'node'} --no-audit --no-fund --no-save configurable-http-proxy@5"
COURSE_NAME = "neural-networks-from-scratch"   # the folder a student's nbgitpuller link creates
PASSWORD = "course-test-" + secrets.token_hex(8)   # every simulated student logs in with it
HUB_START_TIMEOUT = 60          # seconds for the hub and its proxy to answer
HUB_STOP_TIMEOUT = 30           # seconds for the hub to stop its servers and proxy when asked

# Server extensions that only the maintainers' environment has (requirements-dev.txt): the hub
# image (binder/, the learner's requirements.txt plus nbgitpuller) has none of them, so the
# students' servers run without them, and the memory measured is the image's.
DEV_ONLY_SERVER_EXTENSIONS = [
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "voila.server_extension",
    "jupyter_server_mathjax",
    "notebook",
]


def in_ci():
    return os.environ.get("CI", "").lower() in ("true", "1", "yes")


def proxy_command():
    """The configurable-http-proxy executable, or fail (CI) / skip (elsewhere) saying how to get it."""
    candidates = [os.environ.get("CONFIGURABLE_HTTP_PROXY"), str(PROXY_IN_VENV),
                  shutil.which("configurable-http-proxy")]
    found = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
    if not found:
        message = ("configurable-http-proxy (JupyterHub's proxy, from npm) is not installed "
                   f"(looked at $CONFIGURABLE_HTTP_PROXY, {PROXY_IN_VENV} and PATH); "
                   f"install it with:  {NPM_INSTALL}")
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb(pid):
    """Peak resident set size (VmHWM) of a live process, in MB (10^6 bytes); None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    return None


# ---------------------------------------------------------------- the hub

HUB_CONFIG = """\
# Written by tests/hub/hub.py: a JupyterHub for simulated students, on 127.0.0.1 only.
c = get_config()  # noqa
c.JupyterHub.bind_url = {public_url!r}
c.JupyterHub.hub_bind_url = {hub_url!r}
c.ConfigurableHTTPProxy.api_url = {proxy_api_url!r}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.auth_token = {proxy_token!r}
c.JupyterHub.db_url = {db_url!r}
c.JupyterHub.cookie_secret = bytes.fromhex({cookie_secret!r})
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allow_all = False
c.Authenticator.allow_existing_users = True      # the class: the users the lecturer (here: the test) adds

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {spawner_args!r}
c.Spawner.environment = {environment!r}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# The test's own admin credential: a service whose token may create users and start/stop servers.
c.JupyterHub.services = [{{"name": "course-test", "api_token": {admin_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "course-test-admin", "services": ["course-test"],
                             "scopes": ["admin:users", "admin:servers"]}}]
"""


class Hub:
    """A running JupyterHub: ``url`` (the proxy's public URL), ``process``, ``root`` (its folder),
    ``admin_token``; ``api(method, path, ...)`` calls its REST API as the admin service."""

    def __init__(self, root):
        self.root = Path(root)
        self.run_id = secrets.token_hex(8)
        self.url = f"http://127.0.0.1:{free_port()}"
        self.admin_token = secrets.token_hex(32)
        self.log_path = self.root / "jupyterhub.log"
        user_config = self.root / "jupyter-config"
        user_config.mkdir()
        (user_config / "jupyter_server_config.json").write_text(json.dumps(
            {"ServerApp": {"jpserver_extensions": {name: False for name in DEV_ONLY_SERVER_EXTENSIONS}}}))
        environment = {"NN_COURSE_HUB_RUN": self.run_id, "JUPYTER_CONFIG_DIR": str(user_config),
                       "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"}
        config = HUB_CONFIG.format(
            public_url=self.url, hub_url=f"http://127.0.0.1:{free_port()}",
            proxy_api_url=f"http://127.0.0.1:{free_port()}", proxy=proxy_command(),
            proxy_token=secrets.token_hex(32), db_url=f"sqlite:///{self.root / 'jupyterhub.sqlite'}",
            cookie_secret=secrets.token_hex(32), password=PASSWORD,
            home_template=str(self.root / "home" / "{username}"),
            singleuser=str(VENV_BIN / "jupyterhub-singleuser"),
            spawner_args=["--allow-root"] if os.geteuid() == 0 else [],   # jupyter_server refuses root without it
            environment=environment, admin_token=self.admin_token)
        (self.root / "jupyterhub_config.py").write_text(config)
        self._environment = environment
        self._log = None
        self.process = None

    def start(self):
        self._log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", "jupyterhub_config.py"], cwd=self.root,
            stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            env={**os.environ, "NN_COURSE_HUB_RUN": self.run_id, "PATH": self._environment["PATH"]})
        self._wait_ready()

    def _wait_ready(self):
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer in {HUB_START_TIMEOUT} s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        self._log.flush()
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def api(self, method, path, token=None, **kwargs):
        """One call to the hub's REST API (``path`` after /hub/api), as the admin service by default."""
        headers = {"Authorization": f"token {token or self.admin_token}"}
        kwargs.setdefault("timeout", 60)
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, **kwargs)

    def proxy_pid(self):
        try:
            return int((self.root / "jupyterhub-proxy.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def server_processes(self):
        """{student name: psutil.Process of their single-user server} (the hub's children that are one)."""
        found = {}
        for child in psutil.Process(self.process.pid).children():
            try:
                user = child.environ().get("JUPYTERHUB_USER")
            except psutil.Error:
                continue
            if user:
                found[user] = child
        return found

    def own_processes(self):
        """Every live process carrying this run's id (the hub's descendants, even if orphaned)."""
        mine = []
        for proc in psutil.process_iter():
            try:
                if proc.pid != os.getpid() and proc.environ().get("NN_COURSE_HUB_RUN") == self.run_id:
                    mine.append(proc)
            except psutil.Error:
                continue
        return mine

    def stop(self):
        """Ask the hub to stop (it stops the servers and the proxy), then kill what is left, by PID."""
        left = []
        try:
            left = self.own_processes()
            if self.process is not None and self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(HUB_STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(10)
        finally:
            for proc in left + self.own_processes():
                try:
                    proc.kill()
                except psutil.Error:
                    pass
            if self._log is not None:
                self._log.close()
