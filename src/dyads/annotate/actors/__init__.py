"""Actors: versioned dictionaries (countries, capitals, IGOs, agents, people) and the resolver."""
