"""Speakers the parse misses or misplaces: a name the tagger misread beside the cue, a participle
after a repaired speaker, a participle the parse hangs inside a reported clause, a subject the
parse turned into a clause of its own, and the hearer of 'tell' or of a participle, who does not speak."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dyads.quotes import QuoteFinder, load_cue_lexicon


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


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # the tagger reads the names as an adverb and as part of the verb
    ("\u201cHaving the voter file and two people who understand it is valuable,\u201d said Skelly, "
     "explaining he had worked with both of them for years.", "said", "Skelly"),
    ('"I can point to only two accomplishments. Besides that, not a single accomplishment," '
     "Bozell answers.", "answers", "Bozell"),
])
def test_quotes_a_misread_name_beside_the_cue_is_the_speaker(code, text, cue, speaker):
    assert _speakers(code(text)).get(cue) == speaker


def test_quotes_a_participle_takes_the_repaired_speaker_of_its_cue(code):
    text = ("\u201cHaving the voter file and two people who understand it is valuable,\u201d said Skelly, "
            "explaining he had worked with both of them for years.")
    assert _speakers(code(text)).get("explaining") == "Skelly"


def test_quotes_a_participle_hung_inside_a_reported_clause_takes_the_outer_subject(code):
    text = ("Reached by phone, Bennett denied the notion that a campaign shakeup is coming, explaining "
            "that he was unaware of the interview because he was \u201ctaking a day off.\u201d")
    assert _speakers(code(text)).get("explaining") == "Bennett"


def test_quotes_a_subject_the_parse_made_a_clause_still_speaks(code):
    text = ("One attendee, who like others spoke on the condition of anonymity to discuss the private "
            "meeting, said the message was that \"this is not going to be over in February.\"")
    speakers = _speakers(code(text))
    assert speakers.get("said") == "One attendee", speakers


def test_quotes_a_participle_speaks_for_its_clause_not_for_its_hearer(code):
    text = ("Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, \u201cSome people "
            "get a little carried away, have you noticed that?\u201d")
    assert _speakers(code(text)).get("telling") == "Clinton"


def test_quotes_the_hearer_after_tell_is_not_the_speaker():
    # a parse seen on real text: 'told' hangs on the quote's verb with no subject
    doc = _parsed("""
        " 2 punct PUNCT `` "
        We 2 nsubj PRON PRP we
        lost 2 ROOT VERB VBD lose
        , 2 punct PUNCT , ,
        " 2 punct PUNCT '' "
        Ramos 2 npadvmod PROPN NNP Ramos
        , 5 punct PUNCT , ,
        58 5 appos NUM CD 58
        , 5 punct PUNCT , ,
        told 2 conj VERB VBD tell
        AFP 9 dobj PROPN NNP AFP
        . 2 punct PUNCT . .
    """)
    (f,) = QuoteFinder(load_cue_lexicon()).find(doc)
    assert f.cue.text == "told" and f.source is not None and f.source.text == "Ramos"


def test_quotes_a_date_the_parse_made_the_subject_never_speaks():
    doc = _parsed("""
        Saturday 5 nsubj PROPN NNP Saturday
        at 0 prep ADP IN at
        the 3 det DET DT the
        convention 1 pobj NOUN NN convention
        Warren 5 npadvmod PROPN NNP Warren
        said 5 ROOT VERB VBD say
        he 7 nsubj PRON PRP he
        lost 5 ccomp VERB VBD lose
        . 5 punct PUNCT . .
    """, ents=["B-DATE", "O", "O", "O", "B-PERSON", "O", "O", "O", "O"])
    (f,) = QuoteFinder(load_cue_lexicon()).find(doc)
    assert f.source is not None and f.source.text == "Warren"


def test_quotes_an_age_is_a_person_though_tagged_as_a_date(code):
    text = ("\u201cHe has always been an amazing leader,\u201d said the 46-year-old. \u201cNow he will work "
            "for you.\u201d")
    quotes = code(text).quotes
    assert [q.speaker.text if q.speaker else None for q in quotes] == ["the 46-year-old"]


def test_quotes_the_object_of_prompt_speaks_its_infinitive(code):
    text = ('At one point, Cruz coached Trump to "breathe." That prompted Rubio to make a joke about yoga and '
            'call Trump "very flexible," a nod to his changes of position.')
    assert _speakers(code(text)).get("call") == "Rubio"


def test_quotes_the_speaker_after_a_quotation_comes_before_its_appositive():
    # a parse seen on real text: 'told' without a subject, a long relative clause before it
    doc = _parsed("""
        " 19 punct PUNCT `` "
        We 2 nsubj PRON PRP we
        lost 19 ccomp VERB VBD lose
        , 19 punct PUNCT , ,
        " 19 punct PUNCT '' "
        an 7 det DET DT an
        intelligence 7 compound NOUN NN intelligence
        source 19 npadvmod NOUN NN source
        , 7 punct PUNCT , ,
        who 12 nsubjpass PRON WP who
        was 12 auxpass AUX VBD be
        not 12 neg PART RB not
        authorized 7 relcl VERB VBN authorize
        to 14 aux PART TO to
        speak 12 xcomp VERB VB speak
        on 14 prep ADP IN on
        the 17 det DET DT the
        record 15 pobj NOUN NN record
        , 7 punct PUNCT , ,
        told 19 ROOT VERB VBD tell
        Fox 21 compound PROPN NNP Fox
        News 19 dobj PROPN NNP News
        . 19 punct PUNCT . .
    """)
    (f,) = QuoteFinder(load_cue_lexicon()).find(doc)
    assert f.source is not None and f.source.text == "source"
