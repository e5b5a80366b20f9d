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
    E002 = "E002 {item}: looks like a binary file, not text; give a .txt, .jsonl(.gz), .csv, .tsv, .html or .warc file."
    E003 = "E003 {item}: not valid UTF-8 ({detail}); re-encode the file as UTF-8."
    E004 = ("E004 {item}: text is {size:,} characters, over the limit of {limit:,} (README: Limits); "
            "split it into articles of at most {limit:,} characters.")
    E005 = "E005 {item}: line is not JSON ({detail}); each .jsonl line must be one JSON object."
    E006 = ("E006 {item}: record has no 'text' string field (nor content, body, sentence, article); "
            "add one (and optionally id, date, title, url).")
    E007 = "E007 {item}: no such file or directory."
    # E008 (unsupported file type) is retired: files with an unknown suffix are sniffed instead.
    E009 = "E009 {item}: cannot read the gzip stream ({detail}); the file may be truncated."
    E010 = "E010 {item}: date {value!r} is not a date; use YYYY-MM-DD."
    E011 = ("E011 {item}: cannot read this row ({detail}); the row is skipped and reading goes on at the next "
            "line; give UTF-8 CSV/TSV with one article per row.")
    E012 = ("E012 {item}: {count} lone surrogate(s) (not Unicode text), first at character {pos}, replaced by "
            "U+FFFD; offsets are unchanged.")
    E013 = ("E013 {item}: not a regular file ({kind}); give a file or a directory, or pipe into '-' "
            "(e.g. cat {item} | dyads code -).")
    E014 = ("E014 {item}: {what} is over {limit:,} bytes (README: Limits); not read further; split it into "
            "articles of at most {chars:,} characters.")
    E015 = "E015 {item}: field {field!r} is {size:,} characters, over the limit of {limit:,}; it is left out."
    E016 = "E016 {item}: cannot read this item ({detail}); it is skipped and the rest of the input is read."
    # models and dictionaries
    E020 = (
        "E020 spaCy pipeline {name!r} is not installed; run 'make setup' (default model) or "
        "'pip install' the pipeline, or set --model / DYADS_SPACY_MODEL to an installed one."
    )
    E021 = "E021 spaCy pipeline {name!r} has no dependency parser; dyads needs 'parser' (and 'ner')."
    E022 = "E022 data file {name!r} is missing or invalid ({detail}); reinstall dyads."
    E025 = ("E025 event model file {path!r} is missing or damaged ({detail}); the rules code alone "
            "(reinstall dyads to get the model back, or pass --no-model to silence this).")
    # coding
    E030 = "E030 {item}: coding failed ({detail}); the rest of the batch goes on."
    E031 = "E031 nothing could be coded: every input item failed (see the messages above)."
    E032 = ("E032 internal error ({kind}: {detail}); nothing was lost that the messages above do not name; "
            "please report it with the command you ran (DYADS_DEBUG=1 shows the traceback).")
    # store
    E040 = "E040 {path}: not a dyads DuckDB store ({detail}); give --db a dyads store (a new path creates one)."
    E041 = ("E041 {path}: another process kept the store locked (waited {waited}); try again when it has "
            "finished, give a longer --wait (dyads ingest, watch), or use another --db.")
    E042 = "E042 only read-only SELECT/WITH statements are allowed in 'dyads sql' ({detail})."
    E043 = "E043 {path}: no store at this path; run 'dyads ingest PATH --db {path}' first."
    E044 = ("E044 {path}: the store has schema version {found}, newer than this dyads reads ({supported}); "
            "upgrade dyads or use another --db.")
    E045 = "E045 {path}: cannot create the store ({detail}); check that the folder exists and is writable."
    E046 = "E046 {param} {value!r}: not {what}; use {use}."
    E047 = "E047 {path}: {action} failed ({detail}); docs/store.md lists the tables and columns."
    E048 = "E048 {param} {value!r}: not an actor code; use 3 or more capital letters or digits, e.g. RUS or RUSGOV."
    E049 = "E049 {path}: cannot write the export ({detail}); check the folder and free space."
    # eval
    E050 = "E050 {item}: not a gold JSONL v1 record ({detail}); see docs/gold-format.md."
    E051 = "E051 {item}: id {id!r} was already used on line {first}; gold ids must be unique, so this line is skipped."
    E052 = "E052 {path}: no gold records to score ({detail}); see docs/gold-format.md for the format."
    E053 = "E053 {item}: not a prediction ({detail}); give 'dyads code --format jsonl' output (one article per line)."
    E054 = "E054 {path}: not a seed gold file ({detail}); a *.gold.json needs id, events and a .txt beside it."
    E055 = "E055 {path}: cannot score this file; give a gold JSONL v1 file (.jsonl) or a seed *.gold.json."
    # web: HTML, WARC, feeds, fetching, watch
    E060 = ("E060 {item}: no article text in the page ({detail}); it may be an index, error, consent or "
            "script-rendered page: give the article's own page.")
    E061 = "E061 {item}: cannot parse the HTML ({detail}); the file may be truncated or not HTML."
    E062 = "E062 {item}: the 'html' field is not a string; give the page source as one JSON string."
    E063 = ("E063 {item}: WARC stream broken at byte {offset:,} ({detail}); the file is truncated or corrupt; "
            "the {count} article(s) before it were read.")
    E064 = "E064 {item}: not a WARC file ({detail}); give a .warc or .warc.gz file written by a crawler."
    E065 = ("E065 {item}: not an RSS or Atom feed ({detail}); give the feed's own URL (often /feed or /rss.xml) "
            "or a local feed file.")
    E066 = "E066 {item}: HTTP {status} {reason}; check the URL, or wait if the server is failing."
    E067 = "E067 {item}: no response within {seconds:g}s after {attempts} attempt(s); the server is slow or down."
    E068 = "E068 {item}: cannot connect ({detail}); check the URL and the network."
    E069 = "E069 {item}: the response is over {limit:,} bytes; not read."
    E070 = "E070 {item}: content type {ctype!r} is not an HTML page; only HTML articles are read."
    E071 = "E071 {item}: robots.txt of {host} {why}; not fetched."
    E072 = "E072 {item}: feed entry has no link to an article page; nothing to fetch."
    E073 = ("E073 {item}: cannot fetch {scheme!r} URLs; use http(s) (local paths only in a local feed file).")
    E074 = "E074 {option} {value!r}: not a duration; use e.g. 90s, 15m or 1h (at least {minimum}s)."
    E075 = ("E075 {item}: failed {attempts} times (last: {detail}); not retried any more; "
            "run 'dyads watch --retry-failed' to try it again.")
    # runner
    E090 = "E090 --workers {value}: not a worker count; use 0 (one per core) or a positive number."
    E091 = (
        "E091 cannot reach the Dask scheduler at {address} ({detail}); check the address (tcp://host:8786) "
        "and that the scheduler is running."
    )
    E092 = (
        "E092 the Dask workers cannot code like this machine ({detail}); install the same dyads version and "
        "spaCy pipeline on every worker image (see docs/cluster.md)."
    )
    E093 = "E093 a worker process died ({detail}); it may have run out of memory: retry with fewer --workers."
    E094 = (
        "E094 the Dask scheduler at {address} has no workers after {timeout:.0f} s; start some "
        "('dask worker {address}') or scale the cluster up."
    )
    E095 = (
        "E095 a shard killed Dask workers repeatedly ({detail}); they may run out of memory: give workers "
        "more memory or fewer threads each."
    )
    # api
    E100 = "E100 {path}: no store at this path; create it with 'dyads ingest PATH --db {path}' (no restart needed)."
    E101 = "E101 {path}: cannot read the store right now ({detail}); retry when the writing process has finished."
    E102 = "E102 {param}={value!r}: not an actor code; use 3-12 capital letters or digits, e.g. RUS or RUSGOV."
    E103 = "E103 actor {value!r} has no events in this store; GET /api/actors lists the codes it holds."
    E104 = "E104 {param}={value!r}: {detail}; use YYYY, YYYY-MM or YYYY-MM-DD."
    E105 = "E105 invalid request: {detail}; see /openapi.json for the parameters and their ranges."
    E106 = "E106 article {value!r} is not in this store; GET /api/articles lists the stored articles."
    E107 = "E107 writing is off on this server; start it with 'dyads serve --token T' to allow POST /api/articles."
    E108 = "E108 missing or wrong token; send the server's token as 'Authorization: Bearer T'."
    E109 = "E109 internal error ({kind}) while serving {path}; the server log has the details."
    # E080 (a data file of quotes or tone is missing or invalid) is retired: E022 covers every data file.
    # store, continued
    E110 = ("E110 {path}: the store cannot be written ({detail}); it is intact and can still be read "
            "(dyads events, sql, serve): give a writable --db, or copy the store to a writable folder.")
    E111 = ("E111 {wal}: the write-ahead log beside the store is damaged ({detail}); nothing was changed. "
            "Move it away (mv {wal} {wal}.damaged) to open the store as last saved: the transactions in the log "
            "are then not in the store.")
    # PETRARCH/TABARI dictionaries (--dictionaries)
    E120 = "E120 {file}:{line}: {detail}; the line is skipped and the rest of the file is read."
    E121 = "E121 --dictionaries {path}: {detail}; give a folder of PETRARCH dictionaries (*.actors.txt, ...)."
    E122 = ("E122 --dictionaries {path}: no PETRARCH dictionary files in it; name them *.actors.txt, "
            "*.agents.txt, *.discards.txt, and *.verbs.txt or CAMEO*.txt.")
    E123 = "E123 {file}: cannot read the dictionary ({detail}); check the file and its permissions."
    E124 = "E124 --dictionaries-mode {value!r}: not a mode; use extend (the default) or replace."
