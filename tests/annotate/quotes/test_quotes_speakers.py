"""Speakers the parse misses or misplaces: a name the tagger misread beside the cue, a participle
after a repaired speaker, a participle the parse hangs inside a reported clause, a subject the
parse turned into a clause of its own, the hearer of 'tell' or of a participle (who does not
speak), the object of 'prompt', a date and an age. Parses that the model gives only in longer
articles are written by hand, one token per line."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyads.annotate.quotes.finder import QuoteFinder
from dyads.annotate.quotes.lexicon import load_cue_lexicon


def _speakers(article) -> dict[str, str | None]:
    return {q.cue.text: (q.speaker.text if q.speaker else None) for q in article.quotes}


def _parsed(rows: str, ents: list[str] | None = None) -> Doc:
    """A parse written by hand, one token per line: text, head index, dep, pos, tag, lemma."""
    cols = [line.split() for line in rows.strip().splitlines()]
    words = [c[0] for c in cols]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s"} for i in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[int(c[1]) for c in cols],
               deps=[c[2] for c in cols], pos=[c[3] for c in cols], tags=[c[4] for c in cols],
               lemmas=[c[5] for c in cols], sent_starts=[True] + [False] * (len(cols) - 1), ents=ents)


def _sources(doc: Doc) -> dict[str, str | None]:
    return {f.cue.text: (f.source.text if f.source is not None else None)
            for f in QuoteFinder(load_cue_lexicon()).find(doc)}


def test_quotes_a_name_the_tagger_took_for_part_of_the_verb_is_the_speaker(code):
    text = '"We can name only two real successes. Apart from that, not a single success," Okonkwo replies.'
    assert _speakers(code(text)).get("replies") == "Okonkwo"


def test_quotes_a_name_read_as_an_adverb_speaks_and_lends_itself_to_the_participle():
    doc = _parsed("""
        " 2 punct PUNCT `` "
        We 2 nsubj PRON PRP we
        won 5 ccomp VERB VBD win
        , 2 punct PUNCT , ,
        " 2 punct PUNCT '' "
        said 5 ROOT VERB VBD say
        Okonkwo 5 advmod ADV RB Okonkwo
        , 5 punct PUNCT , ,
        explaining 5 advcl VERB VBG explain
        he 10 nsubj PRON PRP he
        voted 8 ccomp VERB VBD vote
        twice 10 advmod ADV RB twice
        . 5 punct PUNCT . .
    """)
    assert _sources(doc) == {"said": "Okonkwo", "explaining": "Okonkwo"}


def test_quotes_a_participle_hung_inside_a_reported_clause_takes_the_outer_subject():
    doc = _parsed("""
        Novak 1 nsubj PROPN NNP Novak
        denied 1 ROOT VERB VBD deny
        the 3 det DET DT the
        claim 1 dobj NOUN NN claim
        that 8 mark SCONJ IN that
        a 6 det DET DT a
        merger 8 nsubj NOUN NN merger
        is 8 aux AUX VBZ be
        coming 3 acl VERB VBG come
        , 8 punct PUNCT , ,
        explaining 8 advcl VERB VBG explain
        that 13 mark SCONJ IN that
        she 13 nsubj PRON PRP she
        was 10 ccomp AUX VBD be
        " 13 punct PUNCT `` "
        on 13 prep ADP IN on
        leave 15 pobj NOUN NN leave
        . 13 punct PUNCT . .
        " 13 punct PUNCT '' "
    """)
    assert _sources(doc).get("explaining") == "Novak"


def test_quotes_a_subject_the_parse_made_a_clause_of_its_own_still_speaks():
    doc = _parsed("""
        One 1 nummod NUM CD one
        delegate 3 nsubj NOUN NN delegate
        , 3 punct PUNCT , ,
        speaking 6 advcl VERB VBG speak
        privately 3 advmod ADV RB privately
        , 6 punct PUNCT , ,
        said 6 ROOT VERB VBD say
        the 8 det DET DT the
        mood 9 nsubj NOUN NN mood
        was 6 ccomp AUX VBD be
        that 14 mark SCONJ IN that
        " 14 punct PUNCT `` "
        we 14 nsubj PRON PRP we
        will 14 aux AUX MD will
        win 9 ccomp VERB VB win
        . 6 punct PUNCT . .
        " 6 punct PUNCT '' "
    """)
    assert _sources(doc).get("said") == "delegate"


def test_quotes_a_participle_speaks_for_its_clause_not_for_its_hearer(code):
    text = ("Harris seemed to be eager to comment on the incident in Ohio, telling the crowd, \u201cSome people "
            "get a little carried away, have you noticed that?\u201d")
    assert _speakers(code(text)).get("telling") == "Harris"


def test_quotes_the_hearer_after_tell_is_not_the_speaker():
    # 'told' hangs on the quote's verb with no subject
    doc = _parsed("""
        " 2 punct PUNCT `` "
        We 2 nsubj PRON PRP we
        lost 2 ROOT VERB VBD lose
        , 2 punct PUNCT , ,
        " 2 punct PUNCT '' "
        Ortiz 2 npadvmod PROPN NNP Ortiz
        , 5 punct PUNCT , ,
        58 5 appos NUM CD 58
        , 5 punct PUNCT , ,
        told 2 conj VERB VBD tell
        AFP 9 dobj PROPN NNP AFP
        . 2 punct PUNCT . .
    """)
    assert _sources(doc) == {"told": "Ortiz"}


def test_quotes_the_speaker_after_a_quotation_comes_before_its_appositive():
    # 'told' with no subject, a long relative clause between the speaker and the cue
    doc = _parsed("""
        " 17 punct PUNCT `` "
        We 2 nsubj PRON PRP we
        lost 17 ccomp VERB VBD lose
        , 17 punct PUNCT , ,
        " 17 punct PUNCT '' "
        an 6 det DET DT an
        aide 17 npadvmod NOUN NN aide
        , 6 punct PUNCT , ,
        who 11 nsubjpass PRON WP who
        was 11 auxpass AUX VBD be
        not 11 neg PART RB not
        allowed 6 relcl VERB VBN allow
        to 13 aux PART TO to
        speak 11 xcomp VERB VB speak
        in 13 prep ADP IN in
        public 14 pobj NOUN NN public
        , 6 punct PUNCT , ,
        told 17 ROOT VERB VBD tell
        the 19 det DET DT the
        radio 17 dobj NOUN NN radio
        . 17 punct PUNCT . .
    """)
    assert _sources(doc) == {"told": "aide"}


def test_quotes_the_object_of_prompt_speaks_its_infinitive(code):
    text = ('At one point, Lee urged Park to "slow down." That prompted Kim to make a joke about traffic and '
            'call Park "very fast," a jab at his record.')
    assert _speakers(code(text)).get("call") == "Kim"


def test_quotes_a_date_the_parse_made_the_subject_never_speaks():
    doc = _parsed("""
        Saturday 5 nsubj PROPN NNP Saturday
        at 0 prep ADP IN at
        the 3 det DET DT the
        rally 1 pobj NOUN NN rally
        Roe 5 npadvmod PROPN NNP Roe
        said 5 ROOT VERB VBD say
        he 7 nsubj PRON PRP he
        lost 5 ccomp VERB VBD lose
        . 5 punct PUNCT . .
    """, ents=["B-DATE", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"])
    assert _sources(doc) == {"said": "Roe"}


def test_quotes_an_age_is_a_person_though_tagged_as_a_date(code):
    text = "\u201cThe port has never been busier,\u201d said the 52-year-old. \u201cWe hire every month.\u201d"
    assert [q.speaker.text if q.speaker else None for q in code(text).quotes] == ["the 52-year-old"]
