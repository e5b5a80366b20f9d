"""Events: verb/noun patterns over the dependency parse -> CAMEO-coded Events."""

from dyads.annotate.events.stage import annotate

__all__ = ["annotate"]
