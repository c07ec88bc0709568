"""docker-compose.yml, checked without a Docker engine: every container present, each
pointed at the broker and at a database of its own, healthy before it is depended on."""
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("gateway", "issues", "bookings", "volunteers", "notifications")
INFRA = ("mongo", "rabbitmq")
JOBS = ("topology", "seed")
VARIABLE = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def example_env():
    pairs = (line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#"))
    return {name.strip(): value.strip() for name, value in pairs}


def interpolate(text, env):
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, from .env.example."""
    def value(match):
        name, op, arg = match.groups()
        if env.get(name):
            return env[name]
        assert op != ":?", f"{name} is required but .env.example does not set it"
        return arg or ""
    return VARIABLE.sub(value, text)


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load(interpolate((ROOT / "docker-compose.yml").read_text(), example_env()))


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def test_every_container_of_the_platform_is_declared(services):
    assert set(APP_SERVICES + INFRA + JOBS) <= set(services)


@pytest.mark.parametrize("name", APP_SERVICES + JOBS)
def test_each_app_container_points_at_the_broker_with_its_account(services, name):
    uri = urlsplit(services[name]["environment"]["AMQP_URI"])
    broker = services["rabbitmq"]["environment"]
    assert (uri.scheme, uri.hostname, uri.port) == ("amqp", "rabbitmq", 5672)
    assert (uri.username, uri.password) == (broker["RABBITMQ_DEFAULT_USER"], broker["RABBITMQ_DEFAULT_PASS"])


@pytest.mark.parametrize("name", APP_SERVICES)
def test_each_service_uses_a_database_named_after_itself_on_mongo(services, name):
    uri = urlsplit(services[name]["environment"]["MONGODB_URI"])
    assert (uri.scheme, uri.hostname, uri.path) == ("mongodb", "mongo", f"/{name}")


def test_no_two_services_share_a_database(services):
    paths = [urlsplit(services[name]["environment"]["MONGODB_URI"]).path for name in APP_SERVICES]
    assert len(set(paths)) == len(APP_SERVICES)


def test_the_seed_job_writes_into_the_gateways_database(services):
    seed, gateway = (services[name]["environment"]["MONGODB_URI"] for name in ("seed", "gateway"))
    assert seed == gateway


@pytest.mark.parametrize("name", ("mongo", "rabbitmq", "gateway"))
def test_the_store_the_broker_and_the_gateway_have_healthchecks(services, name):
    check = services[name]["healthcheck"]
    assert check["test"][0] == "CMD" and len(check["test"]) > 1
    assert check["retries"] > 0


@pytest.mark.parametrize("name", APP_SERVICES + INFRA)
def test_every_long_running_container_restarts(services, name):
    assert services[name]["restart"] in ("always", "unless-stopped", "on-failure")


@pytest.mark.parametrize("name", APP_SERVICES + JOBS)
def test_app_containers_wait_for_a_healthy_store_and_broker_and_a_declared_topology(services, name):
    needs = services[name]["depends_on"]
    assert needs["rabbitmq"]["condition"] == "service_healthy"
    if name != "topology":
        assert needs["mongo"]["condition"] == "service_healthy"
        assert needs["topology"]["condition"] == "service_completed_successfully"


def test_the_gateway_starts_after_the_seed_job_succeeded(services):
    assert services["gateway"]["depends_on"]["seed"]["condition"] == "service_completed_successfully"


def test_every_image_is_pinned_to_a_version(services):
    for name, service in services.items():
        image, _, tag = service["image"].rpartition(":")
        assert image and re.search(r"\d", tag), f"{name}: {service['image']} has no version tag"
        assert "latest" not in tag, f"{name}: {service['image']} is not pinned"


def test_the_official_mongodb_7_and_rabbitmq_3_13_images_are_used(services):
    assert services["mongo"]["image"].startswith("mongo:7")
    assert re.fullmatch(r"rabbitmq:3\.13(\.\d+)?-management", services["rabbitmq"]["image"])


@pytest.mark.parametrize("name", APP_SERVICES + JOBS)
def test_the_dockerfile_each_app_container_builds_from_exists(services, name):
    build = services[name]["build"]
    dockerfile = ROOT / build["context"] / build["dockerfile"]
    assert dockerfile.is_file() and dockerfile.parent.parent == ROOT / "deploy"


def test_the_image_installs_the_pinned_requirements_and_runs_as_a_plain_user():
    lines = (ROOT / "deploy/docker/Dockerfile").read_text().splitlines()
    assert any(re.fullmatch(r"RUN pip install -r requirements.txt", line) for line in lines)
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")


def test_store_and_broker_keep_their_data_in_named_volumes(compose, services):
    for name, path in (("mongo", "/data/db"), ("rabbitmq", "/var/lib/rabbitmq")):
        volume = next(v.split(":")[0] for v in services[name]["volumes"] if v.endswith(":" + path))
        assert volume in compose["volumes"]


def test_every_container_rotates_its_logs(services):
    for name, service in services.items():
        assert service["logging"]["options"]["max-size"], name


def test_no_secret_is_written_into_the_compose_file():
    text = (ROOT / "docker-compose.yml").read_text()
    for name, value in example_env().items():
        if any(word in name for word in ("PASSWORD", "SECRET")):
            assert value not in text
            assert f"${{{name}" in text


def test_each_service_runs_the_class_the_procfile_runs(services):
    procfile = (ROOT / "Procfile").read_text()
    for name in APP_SERVICES[1:]:
        target = services[name]["command"][-1]
        assert re.search(rf"^{name}:.* {re.escape(target)}$", procfile, re.M), name


def test_every_long_running_container_has_cpu_and_memory_limits(services):
    for name, service in services.items():
        if service.get("restart") == "no":
            continue
        limits = service.get("deploy", {}).get("resources", {}).get("limits", {})
        assert limits.get("cpus") and limits.get("memory"), f"{name} has no resource limits"
