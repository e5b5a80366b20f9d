"""The HTTP API and dashboard (`dyads serve`): read-only queries over a store, live coding."""

from __future__ import annotations

from dyads.api.app import create_app

__all__ = ["create_app"]
