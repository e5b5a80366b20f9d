"""Annotation: the pipeline and its stages (actors, dates, quotes, events, claims, entities, places,
tone), each a small module that takes an Article and returns it. Nothing here imports the store,
the runner, the services or the faces (CLI, API)."""
