"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it accepts, for the delivery tests.

`refuse` makes it answer the first N messages with a temporary failure (451), as a busy or
greylisting server does.
"""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller


class Mailbox:
    """An aiosmtpd handler: accepted messages in `messages`, every answer given in `answers`."""

    def __init__(self, refuse: int = 0) -> None:
        self.refuse = refuse
        self.messages: list[EmailMessage] = []
        self.answers: list[str] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:
        with self.lock:
            if self.refuse > 0:
                self.refuse -= 1
                answer = "451 4.3.0 Try again later"
            else:
                message = email.message_from_bytes(envelope.original_content or envelope.content,
                                                   policy=default)
                self.messages.append(message)  # type: ignore[arg-type]
                answer = "250 OK"
            self.answers.append(answer)
            return answer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(mailbox: Mailbox) -> Iterator[int]:
    """Serve `mailbox` on a free loopback port; yields the port."""
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def attachment(message: EmailMessage, content_type: str) -> bytes:
    for part in message.iter_attachments():
        if part.get_content_type() == content_type:
            return bytes(part.get_content())
    raise AssertionError(f"no {content_type} attachment in {message['Subject']!r}")


def body(message: EmailMessage, kind: str) -> str:
    part = message.get_body(preferencelist=(kind,))
    assert part is not None and part.get_content_type() == f"text/{kind}"
    return str(part.get_content())
