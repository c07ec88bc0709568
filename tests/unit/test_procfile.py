"""The Procfile `make run` gives honcho: the gateway and the four services, each named in its logs."""
from pathlib import Path

import pytest
from honcho.environ import parse_procfile

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {
    "issues": "IssuesService",
    "bookings": "BookingsService",
    "volunteers": "VolunteersService",
    "notifications": "NotificationsService",
}


@pytest.fixture(scope="module")
def processes():
    return parse_procfile((ROOT / "Procfile").read_text()).processes


def test_the_procfile_runs_exactly_the_gateway_and_the_four_services(processes):
    assert set(processes) == {"gateway", *SERVICES}


@pytest.mark.parametrize("name", ["gateway", *SERVICES])
def test_each_process_names_itself_in_its_logs(processes, name):
    assert processes[name].startswith(f"LINLI_SERVICE={name} ")


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_class_path_exists(processes, name):
    target = processes[name].split()[-1]
    module, _, cls = target.partition(":")
    assert (module, cls) == (f"services.{name}.service", SERVICES[name])
    source = ROOT / (module.replace(".", "/") + ".py")
    assert source.is_file()
    assert f"class {cls}" in source.read_text()


@pytest.mark.parametrize("name", SERVICES)
def test_each_service_runs_under_nameko_with_the_shared_config(processes, name):
    words = processes[name].split()
    assert words[1:5] == ["nameko", "run", "--config", "deploy/nameko.yaml"]
    assert (ROOT / words[4]).is_file()


def test_the_gateway_is_gunicorn_serving_the_app_factory(processes):
    command = processes["gateway"]
    assert " gunicorn --bind 127.0.0.1:${LINLI_GATEWAY_PORT:-8000} " in command
    assert command.endswith("'gateway.app:create_app()'")
    assert "def create_app(" in (ROOT / "gateway/app.py").read_text()
