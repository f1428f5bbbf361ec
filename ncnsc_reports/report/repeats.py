"""A clerk's paragraph that says again what the report writes itself from the records.

Owns one warning (issue 22, item 4; review M1): section I.2.2–I.2.4 print, after the clerk's own
paragraphs of a task group, a sentence counted from the year's records (“Năm 2026, đã tổ chức
02 lớp tập huấn với 90 lượt người tham dự, cụ thể:”). A paragraph of the group that gives the
same count (“Tổ chức 02 lớp tập huấn cho doanh nghiệp …”) makes the report say it twice, back to
back; the clerk is told which paragraph, what it repeats, and what to do.
"""

from __future__ import annotations

import re

from ncnsc_reports.inputs.records import Expert, Media, Support, Survey, Training
from ncnsc_reports.inputs.schema import MEDIA_KINDS, YEAR_CONTENT
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.model import Report, YearRecords

# “02 lớp tập huấn”, “9 doanh nghiệp”, “120 lượt người”: a count and the noun it counts
_COUNT = re.compile(r"(?<![\d.,])0*(\d+)\s+(lớp|doanh nghiệp|chuyên gia|đợt khảo sát|lượt người|"
                    r"người|" + "|".join(k.lower() for k in MEDIA_KINDS) + r")\b")


def _counts(report: Report) -> dict[str, dict[str, int]]:
    """{section: {noun: count}} of what section I writes itself from the year's records."""
    records = report.history.get(report.year) or YearRecords(report.year, "")
    support, training = records.typed(Support), records.typed(Training)
    media = records.typed(Media)
    return {
        "I.2.2": {k.lower(): n for k in MEDIA_KINDS
                  if (n := sum(1 for m in media if m.kind == k))},
        "I.2.3": {"doanh nghiệp": len({str(r.tax_code or r.name) for r in support}),
                  "đợt khảo sát": len(records.typed(Survey))},
        "I.2.4": {"lớp": len(training), "chuyên gia": len(records.typed(Expert)),
                  "người": sum(r.participants or 0 for r in training),
                  "lượt người": sum(r.participants or 0 for r in training)},
    }


def repeated_counts(report: Report) -> Problems:
    """Warn for each clerk's paragraph of I.2.2–I.2.4 repeating a count the report prints."""
    problems = Problems()
    records = report.history.get(report.year)
    if records is None:
        return problems
    counts = _counts(report)
    for section, generated in counts.items():
        for paragraph in report.sections.get(section, ()):
            if paragraph.unit:
                continue  # a unit's own words, printed under its name
            said = [m.group(0) for m in _COUNT.finditer(str(paragraph.text))
                    if generated.get(m.group(2)) and int(m.group(1)) == generated[m.group(2)]]
            if said:
                problems.warning(Location(records.file, YEAR_CONTENT.name), (
                    f"mục {section}, đoạn “{_short(str(paragraph.text))}” nêu lại "
                    f"“{said[0]}”, số mà báo cáo đã tự viết từ các trang số liệu ngay sau đoạn "
                    "này, nên báo cáo sẽ nói hai lần. Hãy xóa đoạn này, hoặc viết điều số liệu "
                    "chưa nói (mục đích, đối tượng, kết quả)"))
    return problems


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
