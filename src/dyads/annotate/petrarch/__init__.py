"""Coding with a user's PETRARCH/TABARI dictionaries (``--dictionaries DIR``).

:mod:`.load` compiles the files read by :mod:`dyads.io.petrarch` for a spaCy pipeline (actor and
agent phrases, discards, verb forms and patterns); :mod:`.actors` finds their phrases and composes
PETRARCH codes ("MSF Arnor diplomat" -> NGOARNGOV); :mod:`.verbs` matches the verb patterns on the
dependency parse; :mod:`.stage` is the events stage of this mode. With ``mode="extend"`` the user's
entries come first and dyads' own dictionaries and lexicon code what they leave; ``"replace"`` codes
with the user's dictionaries alone.
"""
