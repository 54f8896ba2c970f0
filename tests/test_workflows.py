"""The GitHub Actions workflows: actionlint-clean, and the deploy-skip logic run for real.

What each workflow does is its YAML; tests that restated it were removed. Kept: actionlint on
every workflow, the deploy.yml shell steps that decide whether a scheduled run deploys (run
against a local stand-in for Pages), and two rules every change must keep: only the deploy job
may write, and every action is pinned to a major version.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
HASH_FILE = "pressroom-build-hash.txt"


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load(name: str) -> dict[str, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def step_by_id(workflow: dict[str, Any], step_id: str) -> dict[str, Any]:
    matches = [step for _, step in steps(workflow) if step.get("id") == step_id]
    assert len(matches) == 1, f"expected one step with id {step_id!r}, found {len(matches)}"
    return matches[0]


def actionlint() -> str:
    # The pinned one from requirements-dev.txt first (installed next to this Python), then PATH.
    beside = Path(sys.executable).parent / "actionlint"
    if beside.is_file():
        return str(beside)
    found = shutil.which("actionlint")
    assert found, (
        "actionlint not found next to the Python running the tests nor on PATH; "
        "install requirements-dev.txt (scripts/test does)"
    )
    return found


def run_actionlint(*paths: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [actionlint(), "-no-color", *map(str, paths)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- actionlint ---------------------------------------------------------------------------


def test_every_workflow_passes_actionlint() -> None:
    files = workflow_files()
    assert files, f"no workflow files in {WORKFLOWS}"
    result = run_actionlint(*files, cwd=ROOT)
    assert result.returncode == 0, (
        f"actionlint exited {result.returncode} on {[f.name for f in files]}:\n"
        f"{result.stdout}{result.stderr}"
    )


def test_actionlint_really_reports_errors(tmp_path: Path) -> None:
    # Guards the test above against a binary that passes everything.
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nowhere\n"
        "    steps:\n      - run: echo ${{ github.nope }}\n",
        encoding="utf-8",
    )
    result = run_actionlint(broken, cwd=tmp_path)
    assert result.returncode == 1, f"{result.returncode}\n{result.stdout}{result.stderr}"
    assert "nowhere" in result.stdout


# --- deploy.yml ---------------------------------------------------------------------------


def test_deploy_permissions_are_least_privilege() -> None:
    workflow = load("deploy.yml")
    top = workflow["permissions"]
    assert isinstance(top, dict) and top, "top-level permissions must be an explicit mapping"
    assert top.get("contents") == "read"
    assert set(top.values()) <= {"read", "none"}, top

    writers = {
        name: job["permissions"]
        for name, job in workflow["jobs"].items()
        if "write" in job.get("permissions", {}).values()
    }
    assert list(writers) == ["deploy"], f"only the deploy job may write, got {writers}"
    assert writers["deploy"] == {"pages": "write", "id-token": "write"}
    deploy_steps = [step.get("uses", "") for step in workflow["jobs"]["deploy"]["steps"]]
    assert any(uses.startswith("actions/deploy-pages@") for uses in deploy_steps)


# The skip logic itself: run the workflow's own shell steps against a local stand-in for Pages.


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def run_step(script: str, cwd: Path, **env: str) -> dict[str, str]:
    output = cwd / "github_output"
    output.write_text("", encoding="utf-8")
    full_env = {
        "PATH": os.environ["PATH"],
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(cwd / "step_summary"),
        "GITHUB_RUN_ID": "1",
        "GITHUB_RUN_ATTEMPT": "1",
        **env,
    }
    result = subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{result.returncode}\n{result.stdout}{result.stderr}"
    lines = output.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


def make_site(where: Path, body: str) -> None:
    (where / "site" / "press").mkdir(parents=True)
    (where / "site" / "index.html").write_text("<h1>Pressroom</h1>", encoding="utf-8")
    (where / "site" / "press" / "index.html").write_text(body, encoding="utf-8")


def test_schedule_skips_deploy_only_when_the_deployed_site_is_identical(tmp_path: Path) -> None:
    workflow = load("deploy.yml")
    hash_script = step_by_id(workflow, "hash")["run"]
    compare_script = step_by_id(workflow, "compare")["run"]

    built: dict[str, str] = {}
    for name, body in [("a", "release one"), ("a-again", "release one"), ("b", "release two")]:
        (tmp_path / name).mkdir()
        make_site(tmp_path / name, body)
        built[name] = run_step(hash_script, tmp_path / name)["hash"]
        stamped = (tmp_path / name / "site" / HASH_FILE).read_text(encoding="utf-8")
        assert stamped.strip() == built[name]
    assert re.fullmatch(r"[0-9a-f]{64}", built["a"])
    assert built["a"] == built["a-again"], "the same site must hash the same"
    assert built["a"] != built["b"], "a changed page must change the hash"

    live = tmp_path / "live"
    live.mkdir()
    shutil.copy(tmp_path / "a" / "site" / HASH_FILE, live / HASH_FILE)

    def decide(event: str, build_hash: str, pages_url: str) -> str:
        return run_step(
            compare_script, tmp_path, EVENT_NAME=event, BUILD_HASH=build_hash, PAGES_URL=pages_url
        )["deploy"]

    with serve(live) as pages_url:
        assert decide("schedule", built["a"], pages_url) == "false"
        assert decide("schedule", built["b"], pages_url) == "true"
        assert decide("schedule", built["a"], pages_url + "/not-deployed-yet") == "true"
        assert decide("push", built["a"], pages_url) == "true"
        assert decide("workflow_dispatch", built["a"], pages_url) == "true"


# --- all workflows ------------------------------------------------------------------------


def test_actions_are_pinned_to_major_versions() -> None:
    for path in workflow_files():
        for job, step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), (
                    f"{path.name} job {job}: {step['uses']} is not pinned to a major version"
                )


# --- the key that opens sealed releases ----------------------------------------------------

SECRET = "secrets.PRESSROOM_AGE_KEY"


def steps_naming(workflow: dict[str, Any], text: str) -> list[str]:
    return [f"{job}: {step.get('name')}" for job, step in steps(workflow) if text in str(step)]


def test_only_the_build_steps_see_the_age_key() -> None:
    deploy, pull_request = load("deploy.yml"), load("pr.yml")
    assert steps_naming(deploy, SECRET) == ["build: Build site"]
    assert steps_naming(pull_request, SECRET) == ["build: Build site"]
    assert not any(SECRET in str(job.get("env", {})) for job in deploy["jobs"].values())
    assert SECRET not in str(deploy.get("env", {})) + str(pull_request.get("env", {}))
    build = next(step for job, step in steps(deploy) if step.get("name") == "Build site")
    assert build["env"]["PRESSROOM_REQUIRE_KEY"] == "1"


def test_only_the_build_steps_see_the_preview_secret() -> None:
    deploy, pull_request = load("deploy.yml"), load("pr.yml")
    for workflow in (deploy, pull_request):
        assert steps_naming(workflow, "secrets.PRESSROOM_PREVIEW_SECRET") == ["build: Build site"]


def test_a_pull_request_without_the_key_says_sealed_releases_are_not_checked(
    tmp_path: Path,
) -> None:
    step = next(step for _job, step in steps(load("pr.yml")) if step.get("name") == "Build site")
    script = step["run"].replace("python -m mkdocs build --strict", "echo built")
    (tmp_path / "press_releases" / "sealed").mkdir(parents=True)

    def run(key: str) -> str:
        result = subprocess.run(["bash", "-c", script], cwd=tmp_path, capture_output=True,
                                text=True, env={"PATH": os.environ["PATH"],
                                                "PRESSROOM_AGE_KEY": key}, check=True)
        return result.stdout

    assert run("") == "built\n"  # nothing sealed: nothing to say
    (tmp_path / "press_releases" / "sealed" / "0a1b.age").write_bytes(b"age")
    assert run("").startswith("::notice title=Sealed releases not checked::")
    assert run("AGE-SECRET-KEY-1X") == "built\n"
