"""The one error tree of digest.

    DigestError                 anything digest reports to the person running it
    ├── ConfigError             feeds.yaml is wrong (names file:line and the field)
    ├── FeedError               one feed could not be fetched or read
    ├── StoreError              the database could not be opened or upgraded
    ├── RenderError             a template or the PDF engine failed
    ├── DeliveryError           a digest could not be written or sent
    └── InputError              an input file given on the command line is wrong

Messages are written for the person at the terminal: what went wrong, where, and what to do.
"""


class DigestError(Exception):
    """Base of every error digest raises on purpose."""


class ConfigError(DigestError):
    """The configuration file is invalid; the message points at file:line."""


class FeedError(DigestError):
    """A feed could not be fetched or parsed; recorded on that feed, never stops the others."""


class StoreError(DigestError):
    """The store (SQLite or PostgreSQL) could not be opened, queried or migrated."""


class RenderError(DigestError):
    """A digest could not be rendered to HTML or PDF."""


class DeliveryError(DigestError):
    """A rendered digest could not be written or sent."""


class InputError(DigestError):
    """A file given on the command line (JSONL, OPML, text) is malformed."""
