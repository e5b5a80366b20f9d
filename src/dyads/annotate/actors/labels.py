"""What an actor code stands for, in words: USAGOV -> "United States — government".

A CAMEO actor code is a country (or IGO) followed by sector blocks of three letters. Its label
names them from the dictionaries dyads codes with (countries.json, igos.json, agents.json), so
a code is never labelled by one person seen under it ("USAGOV" is not "Barack Obama"); the
people are listed separately (``dyads actors``' ``people`` column).
"""

from __future__ import annotations

from functools import lru_cache

SEPARATOR = " — "


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(country code -> name, IGO code -> name, sector -> label) from the packaged dictionaries."""
    from dyads.annotate.actors.dictionary import load_actor_dictionary
    from dyads.resources import load

    d = load_actor_dictionary()
    igos = {o["code"]: o["name"] for group in ("igos", "ngos") for o in load("igos.json").json().get(group, [])}
    return dict(d.country_names), igos, dict(d.sectors)


@lru_cache(maxsize=4096)
def actor_label(code: str | None) -> str | None:
    """The code in words; None for a code dyads cannot read (it keeps its code as its label)."""
    if not code:
        return None
    countries, igos, sectors = _names()
    if code in igos:
        return igos[code]
    head, rest = code[:3], code[3:]
    parts: list[str] = []
    if head in countries:
        parts.append(countries[head])
    elif head == "IGO":
        longest = max((c for c in igos if code.startswith(c)), key=len, default=None)
        if longest is None:
            return None
        parts.append(igos[longest])
        rest = code[len(longest):]
    elif head in sectors:  # a sector without a country ("the police")
        rest = code
    else:
        return None
    blocks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    if any(b not in sectors for b in blocks):
        return None if not parts else parts[0] + SEPARATOR + " ".join(blocks)
    words = [sectors[b].lower() if parts or i else sectors[b] for i, b in enumerate(blocks)]
    if not parts:
        return " ".join(words) + " (no country)"
    return SEPARATOR.join([parts[0], " ".join(words)]) if words else parts[0]
