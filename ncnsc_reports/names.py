"""File names made from Vietnamese names: one rule, and never two things in one file.

Every file or folder name the program derives from a unit, a province or a place is made here:
lower case, without diacritics (đ → d), words joined by “-” — “Sở Công Thương” →
“so-cong-thuong”. Stripping accents merges names that are different places: “UBND huyện Ân
Thi” and “UBND huyện An Thi”, “Phú Mỹ” and “Phù Mỹ” (issue 25). So names that share a file
are always made together, with their siblings (`distinct_slugs`): a name whose plain form no
sibling shares keeps it; names that would share one keep their Vietnamese letters
(“ubnd-huyen-an-thi” and “ubnd-huyện-ân-thi”), the only spelling that lets a clerk tell the
two files apart; and if even that is shared (“Công-Thương” beside “Công Thương”) a short code
made from the name alone is added. Each name depends only on itself and on which siblings
collide with it, never on the order of the list. Names equal but for case and spaces are the
same name (`name_key`): the caller refuses such a pair rather than guessing which is meant.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

MAX_SLUG = 80  # characters: a whole path stays far below the 255 bytes of a file name
_WORD = re.compile(r"[^\W_]+")


def name_key(name: str) -> str:
    """The identity of a name: NFC, inner spaces collapsed, case folded (as headers match)."""
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def plain_words(text: str) -> list[str]:
    """Lower-case words of `text` without Vietnamese diacritics (đ → d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", text.lower())


def slug(text: str) -> str:
    """“Sở Công Thương” → “so-cong-thuong”. Alone it may collide: see `distinct_slugs`."""
    return "-".join(plain_words(text))


def accented_slug(text: str) -> str:
    """“UBND huyện Ân Thi” → “ubnd-huyện-ân-thi”: lower case, NFC, diacritics kept."""
    return "-".join(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


def distinct_slugs(names: Iterable[str], limit: int = MAX_SLUG) -> dict[str, str]:
    """Return {name: slug} with a different slug for every name (see the module's rule).

    The names must differ by `name_key`: ValueError otherwise (the caller names the rows).
    """
    names = list(dict.fromkeys(names))
    keys = Counter(name_key(n) for n in names)
    if any(count > 1 for count in keys.values()):
        raise ValueError("names equal but for case or spaces: " +
                         ", ".join(k for k, c in keys.items() if c > 1))
    chosen: dict[str, str] = {}
    left = names
    for make in (slug, accented_slug):
        left = _choose(left, lambda n, make=make: _cut(make(n), limit), chosen)
    for name in left:
        base = _cut(accented_slug(name) or slug(name) or "ten", limit - 13)
        digest = hashlib.sha256(name_key(name).encode()).hexdigest()
        size = 6
        while f"{base}-{digest[:size]}" in chosen.values():
            size += 1  # never reached in practice; it keeps the promise without a doubt
        chosen[name] = f"{base}-{digest[:size]}"
    return chosen


def _choose(names: list[str], make, chosen: dict[str, str]) -> list[str]:
    """Give `make(name)` to each name whose result no other name of `names` (nor an earlier
    choice) has; return the names left without a slug."""
    made = {n: make(n) for n in names}
    counts = Counter(made.values())
    taken = set(chosen.values())
    left = []
    for name, candidate in made.items():
        if candidate and counts[candidate] == 1 and candidate not in taken:
            chosen[name] = candidate
        else:
            left.append(name)
    return left


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word when it has to be."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut
