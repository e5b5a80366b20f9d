"""Event modality: negated, future, hypothetical, intended, refused or threatened, and what it does
to the code; events told in reported speech ("X said Y must ...")."""

from __future__ import annotations

from typing import Any

from dyads.annotate.events.arguments import ArgumentFinder
from dyads.model import Actor
from dyads.resources import words

OBLIGATION_AUX = words("auxiliaries.obligation")
CLAIM_VERBS = words("verbs.claim_responsibility")
NEG_WORDS = words("negation")
FUTURE_AUX = words("auxiliaries.future")
HYPO_AUX = words("auxiliaries.hypothetical")


class ModalityReader(ArgumentFinder):
    """Modality and the code it gives an event: negation, future, intent, refusal, threats, and
    events told in reported speech (part of :class:`~dyads.annotate.events.patterns.SentenceCoder`)."""

    # ---- modality -------------------------------------------------------------------------
    def modality(self, v: Any) -> tuple[str, str | None]:
        """(modality, governing intent kind) for a verb: negated, future, hypothetical, asserted."""
        kids = list(v.children)
        if any(c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in ("advmod", "det")) for c in kids):
            aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
            if aux & (FUTURE_AUX | {"would", "can", "could", "wo", "ca"}):
                return "asserted", "refuse"  # "will not lift the ban": a refusal
            return "negated", None
        kind = None
        cur = v
        for _ in range(3):
            if cur.dep_ not in ("xcomp", "acomp") or cur.head is cur:
                break
            gov = cur.head
            k = self.lex.intent_verbs.get(gov.lemma_.lower())
            if k:
                kind = k
                if any(c.dep_ == "neg" for c in gov.children):
                    return "negated", kind
                break
            cur = gov
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
        if kind == "negated_future":
            return "negated_future", kind
        if kind in ("negated", "fail"):
            return "negated", kind
        if kind == "refuse":
            return "asserted", kind
        if kind == "threat":
            return "asserted", kind
        if aux & FUTURE_AUX or kind in ("future", "hope") or any(c.lower_ == "going" for c in kids):
            return "future", kind
        if aux & HYPO_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            return "hypothetical", kind
        return "asserted", kind

    def adjust_code(self, code: str, modality: str, kind: str | None) -> str:
        root = code[:2]
        if kind == "refuse":
            return self.lex.refuse_codes.get(root, code)
        if kind == "threat":
            return self.lex.future_codes.get(root, code) if root >= "14" else "130"
        if modality == "future" and kind in (None, "future"):
            return self.lex.future_codes.get(root, code)
        return code

    def modal_code(self, code: str, modality: str, kind: str | None) -> tuple[str, str, str]:
        """(code, modality, rule suffix) of an event after its modality: a future, a refusal, a threat
        or a failure changes the code (see :meth:`adjust_code`), and the suffix says so
        ("+future>036"), so a rule's last code is always the event's."""
        adjusted = self.adjust_code(code, modality, kind)
        if kind == "fail" and (adjusted.startswith(("03", "057"))):
            # "failed to reach agreement", "failed to agree": the parties did not agree, a rejection;
            # any other failed act ("failed to mediate") stays a negated one
            adjusted, modality = self.lex.refuse_codes[adjusted[:2]], "asserted"
            return adjusted, modality, f"+failed>{adjusted}"
        # the rule says what made the code: "light:hold+noun:talk>040+future>036", never a code
        # that contradicts the event's own
        return adjusted, modality, f"+{kind or modality}>{adjusted}" if adjusted != code else ""

    def reported_speech(self, v: Any, code: str, rule: str, modality: str, sources: list[Actor],
                        targets: list[Actor]) -> tuple[str, str, list[Actor], list[Actor]]:
        """(code, rule, sources, targets) of an event told in reported speech: "X said Y must do Z"
        is X's demand of Y (100); "the rebels claimed they had attacked" a claim of responsibility."""
        speech = self.governing_speech(v)
        if speech is not None and modality != "negated":
            speaker_heads = self.subjects(speech)
            speakers = self.resolve_all(speaker_heads)
            if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in v.children) and speakers:
                # "X said Y must do Z": X demands it of Y
                targets, sources = sources, speakers[:1]
                code, rule = "100", f"{rule}+obligation>100"
            elif speech.lemma_.lower() in CLAIM_VERBS and speakers and sources and \
                    any(self._same_actor(s, speakers[0]) for s in sources):
                # "the rebels claimed they had attacked the convoy": a claim of responsibility
                code, rule = "015", f"{rule}+claimed_by_actor>015"
        return code, rule, sources, targets

    def governing_speech(self, v: Any) -> Any:
        """The saying verb whose reported clause holds ``v`` ("X said (that) ... v"), or None."""
        cur = v
        for _ in range(3):
            if cur.dep_ not in ("ccomp", "conj", "xcomp") or cur.head is cur:
                return None
            cur = cur.head
            if cur.lemma_.lower() in self.lex.speech_verbs and cur.pos_ == "VERB":
                return cur
        return None
