"""digest: Vietnamese provincial news feeds in, a briefing people read out."""

__version__ = "0.1.0"
