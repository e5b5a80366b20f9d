"""Quotations and reported speech: who said what.

Finds attributions in the parse: a *cue* (said, told reporters, according to, claimed…), the
*content* (what was said: a that-clause, a quotation, an object) and the *source* (the speaker).
Shapes handled:

* direct quotes in curly, straight or typewriter marks, before or after the cue, split around
  the cue (``"A," X said. "B."``), over several sentences and paragraphs;
* quotes with no cue of their own that go on after a quoted paragraph or after the whole
  attribution sentence (``"A," X said, pointing to …. "B."``), or after reported speech that ends
  its sentence (``X said that …. "B."``), quotes introduced by a colon (``He said: "…"``) and
  quotes after a sentence that ends with their cue (``X said in a statement. "…"``);
* indirect speech (``X said (that) …``, ``…, X told reporters``, ``X claimed …``) with partial
  quotes inside (``says its drills are a "just countermeasure"``);
* ``according to X, …`` and ``…, according to X``; parenthetical cues (``X, he said, did "Y"``)
  and asides (``As X noted, …``, ``…, as X noted, …``);
* quotations signed with a dash and a name, on their line or alone on the next one (``"…" ―
  Jane Doe``, ``"…"¶¶- Sanders.``: vox pops, epigraphs, fact checks), and tweets embedded as text
  (``… — Jane Doe (@janedoe) July 5, 2016``);
* speakers given by a pronoun or a role noun (``he said``, ``the spokesman said``), resolved to
  the person and actor met earlier in the article; a speaker is never a word inside the quotation
  it speaks, nor the dateline (``MOSCOW, Sept 13 (Reuters) -``), which no content includes either;
* not: an object that names someone else's words (``rejected the statement from China``, nouns
  in the lexicon's ``speech_nouns``): its speaker's own words are not in the sentence.

Which cue words count, with which grammatical relation, comes from ``data/speech_verbs.json``
(versioned): each (lemma, relation) has a score, the share of such constructions that are
attributions in PolNeAR-train; pairs below the lexicon's threshold are ignored. ``direct`` follows
PolNeAR: the content holds a double quotation mark (" “ ” „ « »); typewriter '' pairs (old NYT
text) delimit quotations for the spans but do not set ``direct``, as in PolNeAR's gold.

The stage runs before events: it tells the actor resolver who speaks in each quote, so that
"we" and "our" inside a quote resolve to the speaker, and keeps what the attribution stage needs
(cue kind, content spans) in the article's state (``attributions``).

Modules: ``lexicon`` (the cue lexicon), ``found`` (an attribution as found), ``spans`` (span
geometry), ``speakers`` (who speaks), ``cues`` (cue words and what they attribute), ``marks``
(quotation marks), ``shapes`` (signatures, titles, duplicates), ``finder`` (the finder) and
``stage`` (the pipeline stage).
"""
