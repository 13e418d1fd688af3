"""deploy/zero-to-jupyterhub/config.yaml uses only keys the Zero to JupyterHub chart documents, with
the types it documents, and the memory its README derives from the measurement.

The documented keys are vendored in tests/hub/z2jh_documented_keys.yaml (with their source: the
chart's values schema). No cluster is needed; this runs in the default ``pytest``.
"""
import re
from pathlib import Path

import pytest
import yaml
from jupyterhub.traitlets import ByteSpecification

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy" / "zero-to-jupyterhub"
DOCUMENTED = yaml.safe_load((Path(__file__).parent / "z2jh_documented_keys.yaml").read_text(encoding="utf-8"))
YAML_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool,
              "integer": int, "number": (int, float), "null": type(None)}


@pytest.fixture(scope="module")
def config():
    return yaml.safe_load((DEPLOY / "config.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def readme():
    return (DEPLOY / "README.md").read_text(encoding="utf-8")


def key_paths(tree, prefix=""):
    """(dotted key path, value) of every key in a nested mapping, parents before children;
    the keys below a free-form key (hub.config) are not listed: the chart passes them on as they are."""
    for key, value in tree.items():
        path = f"{prefix}{key}"
        yield path, value
        if isinstance(value, dict) and not DOCUMENTED.get(path, {}).get("free_form"):
            yield from key_paths(value, path + ".")


def is_type(value, names):
    if isinstance(value, bool) and "boolean" not in names:
        return False                                  # YAML's true is not an integer here
    return any(isinstance(value, YAML_TYPES[name]) for name in names)


def memory_bytes(value):
    """A memory value as KubeSpawner reads it (mem_guarantee, mem_limit: K, M, G, T are 1024-based)."""
    return ByteSpecification().validate(None, value)


def readme_cell(readme, row):
    """The second cell of the README table row that starts with ``row``."""
    match = re.search(rf"^\|\s*{re.escape(row)}\s*\|\s*([^|]+?)\s*\|", readme, re.MULTILINE)
    assert match, f"README.md has no table row starting with {row!r}"
    return match.group(1).strip("`")


def test_the_documented_key_list_is_well_formed():
    for path, entry in DOCUMENTED.items():
        assert entry["description"].strip() and set(entry["type"]) <= set(YAML_TYPES), path
        parent = path.rpartition(".")[0]
        assert not parent or parent in DOCUMENTED, f"{path}: its parent {parent} is not listed"


def test_every_key_in_the_config_is_one_the_chart_documents(config):
    undocumented = [path for path, _ in key_paths(config) if path not in DOCUMENTED]
    assert undocumented == [], f"keys the chart does not document (or tests/hub/z2jh_documented_keys.yaml lacks): {undocumented}"


def test_every_value_has_the_documented_type(config):
    wrong = [(path, type(value).__name__, DOCUMENTED[path]["type"])
             for path, value in key_paths(config) if not is_type(value, DOCUMENTED[path]["type"])]
    assert wrong == []


def test_the_keys_the_chart_requires_are_there(config):
    present = {path for path, _ in key_paths(config)}
    missing = [path for path, entry in DOCUMENTED.items()
               if entry.get("required") and path.rpartition(".")[0] in present and path not in present]
    assert missing == []


def test_the_course_settings(config):
    assert config["singleuser"]["defaultUrl"] == "/lab"
    assert config["cull"]["enabled"] is True and config["cull"]["timeout"] > 0
    assert config["hub"]["config"]["KubeSpawner"]["working_dir"] == "/home/jovyan"


def test_the_memory_values_parse_and_are_the_readmes(config, readme):
    memory = config["singleuser"]["memory"]
    for key in ("guarantee", "limit"):
        stated = readme_cell(readme, f"`singleuser.memory.{key}`")
        assert memory_bytes(memory[key]) == memory_bytes(stated), (key, memory[key], stated)
    guarantee, limit = memory_bytes(memory["guarantee"]), memory_bytes(memory["limit"])
    heaviest = float(readme_cell(readme, "heaviest session: server + notebook 09's kernel")) * 1e6
    three_open = float(readme_cell(readme, "three notebooks open: server + kernels of 08, 09 and 10")) * 1e6
    assert guarantee >= 1.25 * heaviest, "the guarantee must hold the heaviest measured session with a margin"
    assert limit >= 1.25 * three_open and limit > guarantee


def test_the_image_the_readme_builds_is_the_image_the_config_runs(config, readme):
    image = config["singleuser"]["image"]
    built = re.search(r"--image-name (\S+)", readme)
    assert built and built.group(1) == f"{image['name']}:{image['tag']}"
    assert re.search(rf"docker push {re.escape(built.group(1))}\b", readme)
