"""Fixtures for the classroom test: the course as a git remote, and real JupyterHubs (tests/hub/hub.py)."""

import shutil
import subprocess

import pytest

from tests.hub.hub import ARTIFACTS, COURSE_NAME, REPO, Hub


# ---------------------------------------------------------------- the course, as a git remote


def _git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=Course Test", "-c", "user.email=course-test@localhost",
                    "-c", "init.defaultBranch=main", *args],
                   cwd=cwd, check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def course_remote(tmp_path_factory):
    """A bare git repository holding the course as it is in this working tree (every tracked file),
    branch ``main``, the way a lecturer's GitHub repository holds it. Returns its file:// URL."""
    root = tmp_path_factory.mktemp("course-remote")
    source = root / "source"
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True,
                            timeout=60).stdout.decode().split("\0")
    for name in filter(None, listed):
        origin = REPO / name
        if origin.is_file():                 # a file deleted in the working tree is left out
            target = source / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)
    _git("init", "--quiet", ".", cwd=source)
    _git("add", "--all", cwd=source)
    _git("commit", "--quiet", "-m", "The course", cwd=source)
    bare = root / COURSE_NAME                # no ".git": nbgitpuller names the student's folder after it
    _git("clone", "--quiet", "--bare", str(source), str(bare), cwd=root)
    return bare.as_uri()


@pytest.fixture(scope="module")
def hub_factory(tmp_path_factory):
    """hub_factory() -> a started Hub (no users yet); every hub started is stopped at the end."""
    started = []

    def start():
        hub = Hub(tmp_path_factory.mktemp("jupyterhub"))
        started.append(hub)
        hub.start()
        return hub

    yield start
    for hub in started:
        try:
            hub.stop()
        finally:
            if hub.log_path.exists():
                ARTIFACTS.mkdir(exist_ok=True)
                shutil.copy(hub.log_path, ARTIFACTS / "hub.log")
