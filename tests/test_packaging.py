"""What a fresh machine meets: the README's two commands, CI running the same one, and an
installed ssg that works outside this checkout."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

REPO = Path(__file__).resolve().parent.parent
# What a clean clone holds besides the tracked files; copies of the repository leave these out.
UNTRACKED = shutil.ignore_patterns(".git", ".venv", "node_modules", "public", "test-artifacts", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache")


def readme_commands() -> list[str]:
    """The set-up commands: the first two fenced `sh` blocks of the README, one line each."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)
    return [block.strip() for block in blocks[:2]]


def ci_command() -> str:
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return code[-1].strip()


def test_readme_opens_with_two_one_line_commands():
    install, test = readme_commands()
    assert "\n" not in install and "\n" not in test
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert text.index(install) < text.index(test) < text.index("## "), "the commands come before anything else"
    assert "ssg build" in install, "the first command builds the sample edition"
    assert "pytest" in test, "the second command runs the suite"


def test_ci_runs_exactly_the_readme_test_command():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    assert os.access(REPO / ".ci" / "run", os.X_OK)
    assert ci_command() == readme_commands()[1]


def test_scripts_are_executable_and_strict():
    for script in (REPO / "scripts").glob("*.sh"):
        assert os.access(script, os.X_OK), f"{script.name} is not executable"
        assert "set -euo pipefail" in script.read_text(encoding="utf-8"), script.name


def test_every_package_is_listed_in_pyproject():
    # [tool.setuptools] lists the packages because themes/ is mapped into ssg.themes,
    # which hides everything from automatic discovery.
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "ssg").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found - listed == set(), "packages missing from pyproject.toml [tool.setuptools] packages"


def test_npm_checkers_are_pinned_in_the_lock_file():
    wanted = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    locked = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert set(wanted) == {"vnu-jar", "axe-core"}
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is pinned exactly, not {version}"
        assert locked[f"node_modules/{name}"]["version"] == version


def test_the_scaffold_ships_the_sample_source_unchanged():
    shipped = REPO / "ssg" / "scaffold" / "sources" / "2025-11-10.txt"
    assert shipped.read_bytes() == (REPO / "sources" / "2025-11-10.txt").read_bytes()


def test_the_scaffold_site_yaml_is_valid():
    from ssg.config import load_config

    config = load_config(REPO / "ssg" / "scaffold")
    assert config.theme == "newspaper" and config.language == "zh-CN"


@pytest.mark.slow
def test_a_built_wheel_works_outside_the_checkout(tmp_path):
    """pip-installed (not editable), ssg finds its theme and scaffold: `ssg init` then `ssg build`."""
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=UNTRACKED)
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(source)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = dist.glob("ssg-*.whl")
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert (target / "ssg" / "themes" / "newspaper" / "theme.yaml").is_file()
    assert (target / "ssg" / "scaffold" / "site.yaml").is_file()
    assert (target / "ssg" / "scaffold" / "gitignore").is_file()

    env = {**os.environ, "PYTHONPATH": str(target)}
    work = tmp_path / "work"
    work.mkdir()

    def ssg(*args, cwd):
        result = subprocess.run([sys.executable, "-m", "ssg", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, f"ssg {' '.join(args)}: {result.stdout}{result.stderr}"
        return result

    where = subprocess.run([sys.executable, "-c", "import ssg; print(ssg.__file__)"], cwd=work, env=env, capture_output=True, text=True)
    assert Path(where.stdout.strip()).is_relative_to(target), f"ssg was imported from {where.stdout.strip()}"
    ssg("init", "paper", cwd=work)
    ssg("build", cwd=work / "paper")
    assert (work / "paper" / "public" / "index.html").is_file()


@pytest.mark.slow
def test_the_readme_install_command_works_in_a_clean_copy(tmp_path):
    """The README's first command, as written, in a copy of the repository with no .venv yet."""
    copy = tmp_path / "ssg"
    shutil.copytree(REPO, copy, ignore=UNTRACKED)
    install = readme_commands()[0]
    result = subprocess.run(["bash", "-c", install], cwd=copy, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, f"{install}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    assert (copy / "public" / "index.html").is_file()
    assert (copy / ".venv" / "bin" / "ssg").is_file()
