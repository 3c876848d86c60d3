"""Shared fixtures.

Store fixtures: `store_url` is a fresh, empty database on SQLite and on PostgreSQL (the server on
127.0.0.1:5432, or DIGEST_TEST_POSTGRES); `store` is that database opened. Each PostgreSQL test
gets its own database, created and dropped around it. Without a server, deselect those tests
with `-m "not postgres"`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

from digest.store import Store, open_store

POSTGRES_ADMIN_URL = os.environ.get("DIGEST_TEST_POSTGRES",
                                    "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        engine.connect().close()
    except OperationalError as exc:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({exc.orig}); start "
                    "it, point DIGEST_TEST_POSTGRES at one, or run pytest -m 'not postgres'")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """A database of its own for one test, dropped afterwards even if connections linger."""
    name = f"digest_test_{uuid.uuid4().hex[:16]}"
    with postgres_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    with postgres_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a database that does not hold a store yet."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'digest.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
