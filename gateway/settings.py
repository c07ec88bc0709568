"""The gateway's configuration, read from overrides or the environment when the app is made."""
import logging
import os
from dataclasses import dataclass

from services.common import config, logs

DEV_JWT_SECRET = "linli-development-secret-do-not-use-in-production"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    jwt_secret: str
    jwt_previous_secrets: tuple
    access_ttl: int
    refresh_ttl: int
    rpc_timeout: float
    cors_origins: tuple
    amqp_uri: str
    relay_interval: float
    outbox_grace: float
    background: bool
    login_failures: str = "5/900"     # failed logins per login name per window (seconds)
    address_attempts: str = "60/300"  # logins and registrations per client address per window


def load(overrides=None):
    """Settings from `overrides` (keys named like the environment variables), else the environment."""
    overrides = overrides or {}

    def value(name, default=None):
        return overrides[name] if name in overrides else config.env(name, default)

    settings = Settings(
        jwt_secret=value("LINLI_JWT_SECRET", DEV_JWT_SECRET),
        jwt_previous_secrets=_origins(value("LINLI_JWT_PREVIOUS_SECRETS", "")),  # comma-separated, like origins
        access_ttl=int(value("LINLI_ACCESS_TTL", 900)),
        refresh_ttl=int(value("LINLI_REFRESH_TTL", 30 * 24 * 3600)),
        rpc_timeout=float(value("LINLI_RPC_TIMEOUT", 5)),
        cors_origins=_origins(value("LINLI_CORS_ORIGINS", "")),
        amqp_uri=value("AMQP_URI", config.amqp_uri()),
        relay_interval=float(value("LINLI_RELAY_INTERVAL", config.relay_interval())),
        outbox_grace=float(value("LINLI_OUTBOX_GRACE", config.orphan_grace())),
        background=_flag(value("LINLI_GATEWAY_BACKGROUND", "1")),
        login_failures=value("LINLI_LOGIN_FAILURES", "5/900"),
        address_attempts=value("LINLI_ADDRESS_ATTEMPTS", "60/300"),
    )
    if settings.jwt_secret == DEV_JWT_SECRET:
        log.warning("LINLI_JWT_SECRET is not set: using the development secret")
    return settings


def _origins(raw):
    return tuple(part.strip() for part in str(raw).split(",") if part.strip())


def _flag(raw):
    return str(raw).lower() not in ("0", "false", "no", "off", "")


def configure_logging():
    """JSON logs with `service: gateway`; pika's connection chatter only when it matters."""
    os.environ.setdefault("LINLI_SERVICE", "gateway")
    logs.configure()
    logging.getLogger("pika").setLevel(logging.WARNING)
