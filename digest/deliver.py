"""Delivering a rendered digest: files in the output folder, written atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from digest.errors import DeliveryError


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
