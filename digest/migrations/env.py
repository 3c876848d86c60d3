"""Alembic's entry point for digest's store.

Run only through `digest.store.open_store`, which hands over an open connection (in
`config.attributes["connection"]`) and commits once every migration has run. New revisions are
written by hand in `versions/`; tests/test_store.py checks that they build exactly the tables
`digest.store` declares.
"""

from alembic import context

from digest.store import VERSION_TABLE, metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("digest's migrations run through digest.store.open_store(url)")
    # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
    context.configure(connection=connection, target_metadata=metadata,
                      version_table=VERSION_TABLE,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
