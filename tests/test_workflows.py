"""The GitHub Actions workflows: actionlint-clean, and shaped as the publishing design needs.

- pr.yml: on pull requests, test, build strictly, upload the site as the `site-preview` artifact.
- deploy.yml: on push, workflow_dispatch and an hourly schedule, build and deploy to Pages;
  scheduled runs skip the deploy when the built site's hash equals the deployed one.
- keepalive.yml: monthly, re-enables the scheduled workflows so GitHub never switches them off.
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


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    on = workflow["on"] if "on" in workflow else workflow[True]
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on


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


# --- cron ---------------------------------------------------------------------------------


def cron_values(field: str, low: int, high: int) -> set[int]:
    values: set[int] = set()
    for part in field.split(","):
        span, _, step = part.partition("/")
        if span == "*":
            start, end = low, high
        elif "-" in span:
            first, last = span.split("-")
            start, end = int(first), int(last)
        else:
            start = int(span)
            end = high if step else start
        values.update(range(start, end + 1, int(step) if step else 1))
    assert values and min(values) >= low and max(values) <= high, field
    return values


def fires_at_least_hourly(cron: str) -> bool:
    minute, hour, day, month, weekday = cron.split()
    cron_values(minute, 0, 59)  # valid and not empty: some minute of every listed hour
    return cron_values(hour, 0, 23) == set(range(24)) and day == month == weekday == "*"


def test_cron_checker() -> None:
    assert fires_at_least_hourly("7 * * * *")
    assert fires_at_least_hourly("*/15 */1 * * *")
    assert not fires_at_least_hourly("7 */2 * * *")
    assert not fires_at_least_hourly("7 0-22 * * *")
    assert not fires_at_least_hourly("7 * * * 1-5")


# --- deploy.yml ---------------------------------------------------------------------------


def test_deploy_triggers() -> None:
    on = triggers(load("deploy.yml"))
    assert {"push", "workflow_dispatch", "schedule"} <= set(on)
    assert "main" in on["push"]["branches"]
    crons = [entry["cron"] for entry in on["schedule"]]
    assert any(fires_at_least_hourly(cron) for cron in crons), crons


def test_deploy_uses_githubs_pages_actions() -> None:
    used = {step["uses"].split("@")[0] for _, step in steps(load("deploy.yml")) if "uses" in step}
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= used


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


def test_deploy_concurrency() -> None:
    concurrency = load("deploy.yml")["concurrency"]
    assert concurrency["group"] == "pages"
    assert concurrency["cancel-in-progress"] is False


def test_deploy_is_gated_on_the_build_jobs_output() -> None:
    workflow = load("deploy.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["if"] == "needs.build.outputs.deploy == 'true'"
    assert build["outputs"]["deploy"] == "${{ steps.compare.outputs.deploy }}"
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["if"] == "steps.compare.outputs.deploy == 'true'"
    assert upload["with"]["path"] == "site"


def test_deploy_builds_strictly_on_python_311() -> None:
    workflow = load("deploy.yml")
    setup = next(s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/setup-"))
    assert setup["uses"].startswith("actions/setup-python@")
    assert setup["with"]["python-version"] == "3.11" and setup["with"]["cache"] == "pip"
    runs = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "pip install -r requirements.txt" in runs
    assert "mkdocs build --strict" in runs


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


# --- pr.yml -------------------------------------------------------------------------------


def test_pull_requests_test_build_and_upload_a_preview() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in triggers(workflow)
    assert set(workflow["permissions"].values()) <= {"read", "none"}

    uploads = [
        s for _, s in steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert len(uploads) == 1
    assert uploads[0]["with"]["name"] == "site-preview"
    assert uploads[0]["with"]["path"].rstrip("/") == "site"

    runs = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "scripts/test" in runs
    assert "pip install -r requirements.txt" in runs
    assert "mkdocs build --strict" in runs
    for _, step in steps(workflow):
        if step.get("uses", "").startswith("actions/setup-python@"):
            assert step["with"]["python-version"] == "3.11" and step["with"]["cache"] == "pip"


# --- keepalive.yml ------------------------------------------------------------------------


def test_keepalive_re_enables_the_deploy_schedule() -> None:
    workflow = load("keepalive.yml")
    on = triggers(workflow)
    assert {"schedule", "workflow_dispatch"} <= set(on)
    for entry in on["schedule"]:
        _minute, _hour, day, month, weekday = entry["cron"].split()
        # At least monthly, well inside GitHub's 60 days: every month, on a day each month has.
        assert month == "*" and weekday == "*", entry["cron"]
        assert day == "*" or max(cron_values(day, 1, 31)) <= 28, entry["cron"]
    assert workflow["permissions"] == {"actions": "write"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    runs = "\n".join(step.get("run", "") for _, step in steps(workflow))
    assert "gh workflow enable deploy.yml" in runs


# --- all workflows ------------------------------------------------------------------------


def test_actions_are_pinned_to_major_versions() -> None:
    for path in workflow_files():
        for job, step in steps(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), (
                    f"{path.name} job {job}: {step['uses']} is not pinned to a major version"
                )
