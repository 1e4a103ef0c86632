"""docker-compose.yml, Dockerfile and .env.example checked without a Docker engine: the Compose
specification's JSON schema (vendored: tests need no network), then what the schema cannot say.
"""

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

from storage.s3_settings import ENV_NAMES as S3_ENV_NAMES

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = Path(__file__).with_name("compose-spec.json")
STATEFUL = ("postgres", "redis", "minio")
ONE_SHOT = ("createbuckets", "migrate")
DEV_ONLY_APT = {"python3-venv", "postgresql", "chromium", "redis-server"}  # the Makefile installs these for tests only
SOURCE_DIRS = ("hoso", "ingest", "ocr", "matching", "storage", "review_ui")
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


def interpolate(value, env):
    """Compose's interpolation: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$ → $."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match):
        name, op, arg = match.groups()
        present = env.get(name) not in (None, "") if op and op.startswith(":") else name in env
        if present:
            return env[name]
        if op in (":?", "?"):
            raise KeyError(f"{name}: {arg}")
        return arg if op else ""

    parts = value.split("$$")
    return "$".join(_VAR.sub(one, part) for part in parts)


def env_file(path):
    """NAME=value lines of a .env file (comments and blank lines skipped)."""
    pairs = (line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#"))  # fmt: skip
    return {name.strip(): value.strip() for name, value in pairs}


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def example():
    return env_file(ROOT / ".env.example")


@pytest.fixture(scope="module")
def compose(raw, example):
    """The file as compose sees it with .env.example as .env."""
    return interpolate(raw, example)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("http://json-schema.org/draft/2019-09/")  # written with a trailing "#"
    jsonschema.Draft201909Validator.check_schema(schema)
    return jsonschema.Draft201909Validator(schema)


def test_compose_file_matches_the_compose_specification(raw, compose, validator):
    for document in (raw, compose):
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_schema_check_catches_a_broken_file(compose, validator):
    broken = json.loads(json.dumps(compose))
    broken["services"]["worker"]["healthcheck"]["retires"] = 3  # a typo compose would refuse
    broken["services"]["web"]["depends_on"]["migrate"]["condition"] = "service_finished"
    assert len(list(validator.iter_errors(broken))) == 2


def test_stateful_services_have_a_named_volume_and_a_healthcheck(compose):
    declared = set(compose["volumes"])
    for name in STATEFUL:
        service = compose["services"][name]
        named = {v.split(":", 1)[0] for v in service.get("volumes", [])} & declared
        assert named, f"{name}: no named volume keeps its data"
        assert service["healthcheck"]["test"], f"{name}: no healthcheck"
        assert service.get("restart") == "unless-stopped", name


def test_dependencies_wait_for_health_or_completion(compose):
    services = compose["services"]
    waited = {}
    for name, service in services.items():
        for dependency, spec in service.get("depends_on", {}).items():
            assert dependency in services, f"{name} depends on unknown {dependency}"
            waited[dependency] = spec["condition"]
            if spec["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{dependency} has no healthcheck to wait for"
    for job in ONE_SHOT:
        assert waited[job] == "service_completed_successfully" and services[job]["restart"] == "no", job
    assert services["migrate"]["command"] == ["hoso", "init"]  # alembic upgrade head + the bucket check
    for app in ("web", "worker"):
        assert services[app]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_worker_scales_and_runs_both_queues(compose):
    worker = compose["services"]["worker"]
    assert "container_name" not in worker and "ports" not in worker  # `--scale worker=N` needs both absent
    command = worker["command"]
    assert command[:4] == ["celery", "-A", "hoso.tasks.app", "worker"]
    assert set(command[command.index("--queues") + 1].split(",")) == {"ocr", "light"}
    web = compose["services"]["web"]
    assert web["command"] == ["hoso", "serve", "--host", "0.0.0.0", "--port", "8000"]
    assert all(s["image"] == web["image"] for n, s in compose["services"].items() if n in ("migrate", "worker"))


def _strings(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


def test_every_variable_has_an_example_and_secrets_are_required(raw, example):
    text = "\n".join(s.replace("$$", "") for s in _strings(raw))
    used = {m.group(1) for m in _VAR.finditer(text)}
    assert used - set(example) == set(), "add these to .env.example"
    for name, op, _ in _VAR.findall(text):
        if re.search("PASSWORD|SECRET", name):
            assert op == ":?", f"${{{name}}} must be required (:?), never defaulted"
            assert example[name] == "change-me", f".env.example must not hold a real {name}"
    with pytest.raises(KeyError, match="POSTGRES_PASSWORD"):
        interpolate(raw, {k: v for k, v in example.items() if k != "POSTGRES_PASSWORD"})


def test_env_example_documents_every_setting_the_code_reads():
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)[=:]", text, flags=re.M))
    read = set(S3_ENV_NAMES) | {"HOSO_OBJECT_STORE"}
    for folder in SOURCE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            read |= set(re.findall(r"\bHOSO_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")))
    assert read - documented == set(), "document these settings in .env.example"


def test_bucket_job_script_is_valid_shell_and_json(compose):
    script = compose["services"]["createbuckets"]["command"][0]
    assert "$$" not in script and "mc mb --ignore-existing" in script
    checked = subprocess.run(["sh", "-n"], input=script, text=True, capture_output=True, timeout=10)
    assert checked.returncode == 0, checked.stderr
    policy = script.split("<<EOF\n", 1)[1].split("\nEOF\n", 1)[0].replace("$HOSO_S3_BUCKET", "hoso")
    statements = json.loads(policy)["Statement"]
    actions = {a for s in statements for a in s["Action"]}
    assert "s3:PutObject" in actions and not any("Delete" in a for a in actions)  # originals are write-once


def _instructions(path):
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined, comments dropped."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    return [tuple(ln.strip().split(None, 1)) for ln in joined.splitlines() if ln.strip()]


def test_dockerfile_installs_the_runtime_tools_and_runs_unprivileged():
    steps = _instructions(ROOT / "Dockerfile")
    assert steps[0] == ("FROM", "python:3.11-slim-bookworm")
    install = next(args for op, args in steps if op == "RUN" and "apt-get install" in args)
    words = set(shlex.split(install))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    apt = set(re.search(r"APT_PACKAGES := ((?:.*\\\n)*.*)", makefile).group(1).replace("\\", " ").split())
    assert "tesseract-ocr-vie" in words and apt - DEV_ONLY_APT <= words
    user = [args for op, args in steps if op == "USER"]
    assert user and user[-1] not in ("root", "0"), "the image must not run as root"
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", ".git"} <= set(ignored)


def _compose_v2():
    docker = shutil.which("docker")
    if docker is None:
        return None
    probe = subprocess.run([docker, "compose", "version"], capture_output=True, text=True, timeout=30)
    return docker if probe.returncode == 0 else None


def test_docker_compose_config_accepts_the_file():
    docker = _compose_v2()
    if docker is None:
        pytest.skip("no `docker compose` v2 client on this machine; the schema test above stands in for it")
    done = subprocess.run(
        [docker, "compose", "--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
