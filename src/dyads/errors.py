"""Every user-facing error message, numbered, each saying what to do (spaCy's habit).

Use ``E.E001.format(...)`` and raise :class:`DyadsError`, or record the text on an Article.
New messages get the next free number; numbers are never reused.
"""

from __future__ import annotations


class DyadsError(Exception):
    """An error to show the user as one line (never a traceback)."""


class E:
    # input
    E001 = "E001 {item}: the text is empty or only whitespace; nothing to code."
    E002 = "E002 {item}: looks like a binary file, not text; give a .txt, .jsonl, .jsonl.gz, .html or .warc file."
    E003 = "E003 {item}: not valid UTF-8 ({detail}); re-encode the file as UTF-8."
    E004 = "E004 {item}: text is {size:,} characters, over the limit of {limit:,}; split it or raise --max-chars."
    E005 = "E005 {item}: line is not JSON ({detail}); each .jsonl line must be one JSON object."
    E006 = "E006 {item}: JSON object has no 'text' string field; add one (and optionally id, date, title, url)."
    E007 = "E007 {item}: no such file or directory."
    E008 = "E008 {item}: unsupported file type; use .txt, .jsonl, .jsonl.gz, .html, .warc(.gz) or a directory."
    E009 = "E009 {item}: cannot read the gzip stream ({detail}); the file may be truncated."
    E010 = "E010 {item}: date {value!r} is not a date; use YYYY-MM-DD."
    # models and dictionaries
    E020 = (
        "E020 spaCy pipeline {name!r} is not installed; run 'make setup' (default model) or "
        "'pip install' the pipeline, or set --model / DYADS_SPACY_MODEL to an installed one."
    )
    E021 = "E021 spaCy pipeline {name!r} has no dependency parser; dyads needs 'parser' (and 'ner')."
    E022 = "E022 dictionary file {name!r} is missing or invalid ({detail}); reinstall dyads."
    # coding
    E030 = "E030 {item}: coding failed ({detail}); the rest of the batch goes on."
    E031 = "E031 nothing could be coded: every input item failed (see the messages above)."
    # store
    E040 = "E040 {path}: not a dyads DuckDB store ({detail}); give another --db file or remove this one."
    E041 = "E041 {path}: the store is locked by another process; wait for it to finish or use another --db."
    E042 = "E042 only read-only SELECT/WITH statements are allowed in 'dyads sql' ({detail})."
    E043 = "E043 {path}: no store at this path; run 'dyads ingest PATH --db {path}' first."
    # eval
    E050 = "E050 {item}: not a gold JSONL v1 record ({detail}); see docs/gold-format.md."
