"""The outside channels: email over SMTP and anything Apprise can reach. Each raises SendFailed."""
import logging
import smtplib
from email.message import EmailMessage

import apprise

from services.common.config import env


class SendFailed(Exception):
    """An outside send did not go through; the message says why."""


class Email:
    def __init__(self):
        self.host = env("LINLI_SMTP_HOST", "127.0.0.1")
        self.port = int(env("LINLI_SMTP_PORT", "1025"))
        self.sender = env("LINLI_SMTP_FROM", "noreply@linli.local")
        self.timeout = float(env("LINLI_SMTP_TIMEOUT", "10"))

    def send(self, address, title, body):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.sender, address, title
        message.set_content(body or title)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise SendFailed(f"smtp {self.host}:{self.port}: {exc!r}") from None


class Apprise:
    def send(self, address, title, body):
        notifier = apprise.Apprise()
        if not notifier.add(address):
            raise SendFailed("not an Apprise URL this platform can use")
        with apprise.LogCapture(level=logging.WARNING) as captured:
            delivered = notifier.notify(title=title, body=body or title)
        if not delivered:
            raise SendFailed(" ".join(captured.getvalue().split())[:500] or "apprise: not delivered")


def senders():
    return {"email": Email(), "apprise": Apprise()}
