"""Sheets a workbook has that the program does not know, and data sheets it lacks.

A sheet renamed “Ho tro DN” is no longer “Hỗ trợ doanh nghiệp”: read as it was, its rows were
skipped and the report said 01 enterprise instead of 07 (issue 23, item 3). So an unknown sheet
whose name looks like a known one (compared without accents, case, spaces or punctuation, and
with words that may be shortened to their initials, “DN” for “doanh nghiệp”) and a data sheet
that is missing are warnings a build refuses unless the clerk confirms them (problems.confirm).
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ncnsc_reports.problems import MISSING_SHEET, ODD_SHEET, Location, Problems

# How alike two names must be (difflib's ratio of their letters, 0–1) to be taken for one.
LOOKS_ALIKE = 0.75


def plain(name: str) -> str:
    """“Hỗ trợ doanh nghiệp” → “ho tro doanh nghiep”: no accents, case or punctuation."""
    text = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def _forms(name: str) -> set[str]:
    """The ways a name may be written short: whole, and its last words as initials
    (“hotrodoanhnghiep”, “hotrodn”, “hotdn”, “htdn”)."""
    words = plain(name).split()
    return {"".join(words[:i]) + "".join(w[0] for w in words[i:]) for i in range(len(words) + 1)}


def look_alike(name: str, known: list[str]) -> str | None:
    """The known name `name` looks like (the closest), or None."""
    squeezed = plain(name).replace(" ", "")
    if not squeezed:
        return None
    best, score = None, 0.0
    for candidate in known:
        ratio = max(difflib.SequenceMatcher(None, squeezed, form).ratio()
                    for form in _forms(candidate) if form)
        if ratio > score:
            best, score = candidate, ratio
    return best if score >= LOOKS_ALIKE else None


def check_sheet_names(label: str, names: list[str], specs, ignored: tuple[str, ...],
                      data: tuple[str, ...], problems: Problems) -> None:
    """Record the unknown sheets (a look-alike of a known one needs confirming) and the data
    sheets (`data`) missing from a workbook whose sheets are `names`."""
    known = [spec.name for spec in specs]
    unknown = [n for n in names if n not in known and n not in ignored]
    alike = {}
    for name in unknown:
        twin = look_alike(name, known)
        if twin is None:
            problems.warning(Location(label, name), "trang không dùng đến, bỏ qua")
            continue
        alike[twin] = name
        missing = twin not in names
        problems.to_confirm(Location(label, name), (
            f"tên trang gần giống trang “{twin}” "
            + ("(bị đổi tên?) mà sổ không còn trang đó" if missing else "") +
            f": chương trình chỉ đọc trang tên đúng “{twin}”, trang “{name}” bị bỏ qua nên số "
            "liệu trong đó không vào báo cáo; hãy đổi lại tên trang cho đúng, hoặc chép số liệu "
            f"sang trang “{twin}” rồi xóa trang này"), ODD_SHEET)
    for name in data:
        if name in known and name not in names and name not in alike:
            problems.to_confirm(Location(label), (
                f"thiếu trang số liệu “{name}”: báo cáo sẽ coi như năm không có số liệu đó; "
                f"nếu có, hãy thêm lại trang (chép từ sổ mới tạo bằng new-year)"), MISSING_SHEET)
