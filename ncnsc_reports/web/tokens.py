"""The units' links: a secret per unit and year, stored only as its hash, revocable, expiring.

A unit's link is `/don-vi/<token>` (Jupyter's token-in-URL, for people who have no login). The
project keeps the SHA-256 of the token, never the token: a copy of the project does not open
any unit's form. A link gives that unit's form of that year only. It ends when the clerk
revokes it, when a new link is made for the same unit and year, or after its last day (by
default 31 March of the next year: the end of the reporting period).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from ncnsc_reports.outputs.one_file import write_file

LINKS_FILE = "lien-ket-don-vi.json"
_CHANGING = threading.Lock()  # read-change-write of the links, one request at a time


@dataclass
class Link:
    id: str
    province: str
    year: int
    unit: str
    digest: str  # SHA-256 of the token, hex
    last_day: str  # ISO date: valid through that day
    made: str
    revoked: bool = False

    def valid(self, today: dt.date | None = None) -> bool:
        today = today or dt.date.today()
        return not self.revoked and today <= dt.date.fromisoformat(self.last_day)


GRACE_DAYS = 30


def default_last_day(year: int, today: dt.date | None = None) -> dt.date:
    """The end of the reporting period of `year`: 31 March of the next year — or, for a year
    whose period is over (a late report), 30 days from today."""
    today = today or dt.date.today()
    end = dt.date(year + 1, 3, 31)
    return end if end >= today else today + dt.timedelta(days=GRACE_DAYS)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def load(state: Path) -> list[Link]:
    try:
        records = json.loads((state / LINKS_FILE).read_text(encoding="utf-8"))
        return [Link(**r) for r in records]
    except FileNotFoundError:
        return []


def _save(state: Path, links: list[Link]) -> None:
    data = json.dumps([asdict(k) for k in links], ensure_ascii=False, indent=1)
    write_file(state / LINKS_FILE, data.encode("utf-8"))


def issue(state: Path, province: str, year: int, units: list[str],
          last_day: dt.date | None = None) -> dict[str, str]:
    """Make a new link for each unit (ending its earlier one); return {unit: token}."""
    with _CHANGING:
        return _issue(state, province, year, units, last_day)


def _issue(state: Path, province: str, year: int, units: list[str],
           last_day: dt.date | None) -> dict[str, str]:
    links, tokens = load(state), {}
    last = (last_day or default_last_day(year)).isoformat()
    now = dt.datetime.now().isoformat(timespec="seconds")
    for unit in units:
        for old in links:
            if (old.province, old.year, old.unit) == (province, year, unit):
                old.revoked = True
        tokens[unit] = secrets.token_urlsafe(24)
        links.append(Link(secrets.token_hex(8), province, year, unit, _digest(tokens[unit]),
                          last, now))
    _save(state, links)
    return tokens


def find(state: Path, token: str, today: dt.date | None = None) -> Link | None:
    """The valid link `token` opens, or None (unknown, revoked or expired)."""
    digest = _digest(token)
    for link in load(state):
        if hmac.compare_digest(link.digest, digest):
            return link if link.valid(today) else None
    return None


def revoke(state: Path, link_id: str) -> Link | None:
    """End a link now; return it (None when no link has that id)."""
    with _CHANGING:
        links = load(state)
        found = next((k for k in links if k.id == link_id), None)
        if found is not None:
            found.revoked = True
            _save(state, links)
    return found


def of_year(state: Path, province: str, year: int) -> dict[str, Link]:
    """The current (latest) link of each unit of a year, valid or not."""
    return {k.unit: k for k in load(state) if (k.province, k.year) == (province, year)}
