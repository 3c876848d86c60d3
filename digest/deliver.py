"""Delivering a rendered digest: files in the output folder (written atomically) with an archive
page, an Atom feed of the issues, and e-mail over SMTP.

Each function here does one delivery and raises DeliveryError when it cannot; retrying and
recording each attempt is the pipeline's work (digest.pipeline.deliver_run).
"""

from __future__ import annotations

import os
import smtplib
import ssl
import tempfile
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from html import escape
from pathlib import Path

import css_inline

from digest.config import EmailConfig
from digest.errors import DeliveryError
from digest.store import DigestRun


def write_atomically(path: Path, data: bytes) -> Path:
    """Write to a temporary file in the same folder, fsync, then rename over `path`.

    A reader (or a crash) never sees half a digest: the file is either the old one or the new one.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise DeliveryError(f"cannot write {path}: {exc.strerror or exc}")
    return path


def write_digest_files(folder: Path, stem: str, outputs: dict[str, bytes]) -> list[Path]:
    """Write each format ("html", "pdf") as folder/stem.format; returns the paths written."""
    return [write_atomically(folder / f"{stem}.{fmt}", data) for fmt, data in outputs.items()]


# The archive page -----------------------------------------------------------------------------

def write_index(output_dir: Path, html: str) -> Path:
    """output/index.html, the page that lists every digest and links its files."""
    return write_atomically(output_dir / "index.html", html.encode("utf-8"))


# Atom ---------------------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(name: str, title: str, runs: Sequence[DigestRun], formats: Sequence[str],
              base_url: str | None, updated_label: str = "cập nhật") -> bytes:
    """The Atom feed of a digest's issues, newest first, one entry per run.

    Links are relative to the feed (output/NAME/feed.xml) unless `base_url` says where the
    output folder is published. Ids are derived from the run, so a feed rewritten after a
    restart keeps them and readers show no entry twice.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "id", _urn(f"digest:{base_url or ''}:{name}"))
    _text(feed, "title", title)
    newest = max((run.finished or run.created for run in runs), default=datetime.now(timezone.utc))
    _text(feed, "updated", _iso(newest))
    ET.SubElement(feed, f"{{{ATOM}}}author").append(_element("name", "digest"))
    _text(feed, "generator", "digest")
    if base_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=f"{base_url}{name}/feed.xml")
    prefix = f"{base_url}{name}/" if base_url else ""
    for run in runs:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "id", _urn(f"digest:{base_url or ''}:{name}:{run.id}:{_iso(run.period_end)}"))
        _text(entry, "title", f"{title} · {run.stem}")
        _text(entry, "updated", _iso(run.finished or run.created))
        _text(entry, "published", _iso(run.created))
        for fmt in formats:
            kind = "text/html" if fmt == "html" else "application/pdf"
            rel = "alternate" if fmt == "html" else "enclosure"
            ET.SubElement(entry, f"{{{ATOM}}}link", rel=rel, type=kind,
                          href=f"{prefix}{run.stem}.{fmt}")
        items = "".join(f"<li>{escape(story.title)}"
                        f"{f' ({escape(updated_label)})' if story.updated else ''}</li>"
                        for story in run.stories)
        content = _text(entry, "content", f"<ul>{items}</ul>")
        content.set("type", "html")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def _element(tag: str, text: str) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = _element(tag, text)
    parent.append(element)
    return element


def _urn(seed: str) -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, seed).urn


def _iso(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


# E-mail -------------------------------------------------------------------------------------

def mail_html(html: str) -> str:
    """The digest page as a mail client shows it: every rule moved into style attributes.

    Many clients drop <style> blocks; css_inline is the well-kept tool that does the cascade
    right, so we do not write our own. Print-only at-rules (@page, @media print) go away.
    """
    try:
        return css_inline.inline(html)
    except ValueError as exc:  # css_inline reports unparsable CSS as ValueError
        raise DeliveryError(f"cannot prepare the digest for e-mail: {exc}") from exc


def message_id(digest: str, run_id: int, period_end: datetime, sender: str) -> str:
    """A Message-ID that is the same every time one run is sent, so a repeat folds into one."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "digest.invalid"
    return f"<digest.{digest}.{run_id}.{period_end.astimezone(timezone.utc):%Y%m%dT%H%M%S}@{domain}>"


def build_email(settings: EmailConfig, subject: str, html: str, text: str, pdf: bytes | None,
                pdf_name: str, msgid: str, date: datetime) -> EmailMessage:
    """A multipart message: plain text and inline-styled HTML as alternatives, the PDF attached."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.to)
    message["Date"] = format_datetime(date.astimezone(timezone.utc))
    message["Message-ID"] = msgid
    message.set_content(text)
    message.add_alternative(mail_html(html), subtype="html")
    if pdf is not None:
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return message


def send_email(settings: EmailConfig, message: EmailMessage) -> str:
    """Hand the message to the SMTP server; returns what to record. DeliveryError on failure.

    Once the server has accepted the message, nothing after it (QUIT, closing) can turn the
    delivery into a failure: a failure there would only make us send it again.
    """
    password = settings.password()
    where = f"{settings.host}:{settings.smtp_port}"
    try:
        smtp = _connect(settings)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"cannot reach the SMTP server {where}: {_smtp_reason(exc)}") from exc
    try:
        if settings.user:
            smtp.login(settings.user, password or "")
        refused = smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"the SMTP server {where} did not take the digest: "
                            f"{_smtp_reason(exc)}") from exc
    finally:
        _close_quietly(smtp)
    accepted = [address for address in settings.to if address not in refused]
    detail = f"accepted by {where} for {', '.join(accepted)}"
    return detail + (f"; refused for {', '.join(refused)}" if refused else "")


def _connect(settings: EmailConfig) -> smtplib.SMTP:
    port = settings.smtp_port
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, port, timeout=settings.timeout,
                                context=ssl.create_default_context())
    smtp = smtplib.SMTP(settings.host, port, timeout=settings.timeout)
    if settings.security == "starttls":
        try:
            smtp.starttls(context=ssl.create_default_context())
        except BaseException:
            _close_quietly(smtp)
            raise
    return smtp


def _close_quietly(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def _smtp_reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        return f"{exc.smtp_code} {text}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "every recipient was refused: " + ", ".join(
            f"{address} ({code})" for address, (code, _msg) in exc.recipients.items())
    return str(exc) or type(exc).__name__
