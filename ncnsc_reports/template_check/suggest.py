"""Suggesting a field by its Vietnamese meaning: `{{ nam }}` → “year” (Năm báo cáo).

A Vietnamese editor types the field as they say it, without diacritics (`nam`, `nguoi_ky`,
`so_bao_cao`). Spelling-based suggestions cannot link `nam` to `year`; the meanings of the
`fields` reference (meanings.py) can: the typed words are looked for, diacritics aside, in each
field's meaning, earliest and shortest first.
"""

from __future__ import annotations

from ncnsc_reports.names import plain_words
from ncnsc_reports.template_check.meanings import ATTRIBUTES, TOP_LEVEL


def by_meaning(name: str, meanings: dict[str, str], limit: int = 2) -> list[tuple[str, str]]:
    """Return (field, meaning) pairs whose meaning holds the words of `name` in a row."""
    typed = plain_words(name.replace("_", " "))
    if not typed:
        return []
    hits = []
    for field, text in meanings.items():
        words = plain_words(text)
        starts = [i for i in range(len(words) - len(typed) + 1)
                  if words[i:i + len(typed)] == typed]
        if starts:
            hits.append((starts[0], len(words), field, text))
    return [(field, text) for *_, field, text in sorted(hits)[:limit]]


def meaning_hint(name: str, type_name: str | None = None) -> str:
    """Return " — có phải “year” (Năm báo cáo)?" for a top-level name (or an attribute of the
    class `type_name`) matched by meaning, or ""."""
    meanings = ({k: m.text for k, m in TOP_LEVEL.items()} if type_name is None else
                next((m for cls, m in ATTRIBUTES.items() if cls.__name__ == type_name), {}))
    found = by_meaning(name, meanings)
    if not found:
        return ""
    shown = [f"“{field}” ({text.split('. ')[0].split(' (')[0].rstrip('.')})"
             for field, text in found]
    return " — có phải " + " hay ".join(shown) + "?"
