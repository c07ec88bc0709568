"""deploy/nameko.yaml as `nameko run` reads it: the broker from AMQP_URI, JSON logs on stderr."""
import json
import logging
import logging.config
from pathlib import Path

import pytest
import yaml
from nameko.cli.main import IMPLICIT_ENV_VAR_MATCHER, env_var_constructor

CONFIG = Path(__file__).resolve().parents[2] / "deploy/nameko.yaml"


class NamekoLoader(yaml.SafeLoader):
    """nameko's ${VAR:default} substitution, without changing yaml.SafeLoader for other tests."""


NamekoLoader.add_constructor("!env_var", env_var_constructor)
NamekoLoader.add_implicit_resolver("!env_var", IMPLICIT_ENV_VAR_MATCHER, None)


def load():
    return yaml.load(CONFIG.read_text(), Loader=NamekoLoader)


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_the_broker_defaults_to_the_local_rabbitmq(monkeypatch):
    monkeypatch.delenv("AMQP_URI", raising=False)
    assert load()["AMQP_URI"] == "amqp://guest:guest@127.0.0.1:5672/"


def test_the_broker_comes_from_amqp_uri(monkeypatch):
    monkeypatch.setenv("AMQP_URI", "amqp://linli:secret@rabbitmq:5672/")
    assert load()["AMQP_URI"] == "amqp://linli:secret@rabbitmq:5672/"


def test_the_log_level_comes_from_linli_log_level(monkeypatch):
    monkeypatch.setenv("LINLI_LOG_LEVEL", "DEBUG")
    assert load()["LOGGING"]["root"]["level"] == "DEBUG"


def test_every_log_line_is_json_on_stderr_naming_the_service(monkeypatch, capsys, restore_logging):
    monkeypatch.delenv("LINLI_LOG_LEVEL", raising=False)
    monkeypatch.setenv("LINLI_SERVICE", "issues")
    logging.config.dictConfig(load()["LOGGING"])
    logging.getLogger("nameko.containers").info("starting %s", "issues")
    [line] = capsys.readouterr().err.splitlines()
    entry = json.loads(line)
    assert (entry["service"], entry["level"], entry["message"]) == ("issues", "info", "starting issues")
