"""Readers for PETRARCH/TABARI dictionaries: actors, agents, discards and verbs.

Each reader returns what it could read plus one numbered :class:`Problem` (E120) per malformed
line; a bad line never stops the rest of the file. :func:`load_dictionary_dir` reads a folder
named by ``--dictionaries``.
"""

from dyads.io.petrarch.actors import ActorEntry, ActorFile, DatedCode, Phrase, read_actors
from dyads.io.petrarch.agents import AgentEntry, AgentFile, read_agents
from dyads.io.petrarch.common import Problem
from dyads.io.petrarch.directory import PetrarchDictionaries, kind_of, load_dictionary_dir
from dyads.io.petrarch.discards import DiscardEntry, DiscardFile, read_discards
from dyads.io.petrarch.verbs import Synset, Token, VerbEntry, VerbFamily, VerbFile, VerbPattern, read_verbs, split_code

__all__ = [
    "ActorEntry", "ActorFile", "AgentEntry", "AgentFile", "DatedCode", "DiscardEntry", "DiscardFile",
    "PetrarchDictionaries", "Phrase", "Problem", "Synset", "Token", "VerbEntry", "VerbFamily", "VerbFile",
    "VerbPattern", "kind_of", "load_dictionary_dir", "read_actors", "read_agents", "read_discards",
    "read_verbs", "split_code",
]
