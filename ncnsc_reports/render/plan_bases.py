"""The bases (“Căn cứ”) that open the draft plan for the next phase (review M14; issue 22).

A plan of the UBND tỉnh opens with what it rests on. Every province cites QĐ 1322, which names
the programme — defined there as “Chương trình 1322”, the short name sections I… use — then the
bases the clerk typed (sổ tổng kết, “Nội dung” › “KH.Căn cứ”: the Bộ KH&CN's guidance, …; never
invented here), then the results of the phase ending. A province formed on 1/7/2025 (profile
“Hình thành”) also cites the law its authorities act under since that day and the National
Assembly's resolution that formed it, and the results of **each** predecessor's plan on that
predecessor's territory, since the new plan covers them all. A province not merged, with no
base typed, keeps its one sentence.

Also the usual sentences of sections I and II.1 when the clerk typed none (as KH.V has one): a
plan has no “không phát sinh nội dung này”, which is a report's sentence for an empty group.
"""

from __future__ import annotations

import re

from ncnsc_reports.formatting import cite_short, short_date
from ncnsc_reports.report.model import Document, Paragraph
from ncnsc_reports.report.period import PeriodReport

# Luật số 72/2025/QH15 (16/6/2025, in force 1/7/2025): two-level local government, under which
# the merged province's UBND issues the plan.
LAW = "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025"
RESOLUTION = ("Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị "
              "hành chính cấp tỉnh")
# QĐ 1322 as every seed cites it, with the short name defined at its first use (review M14).
PROGRAMME = ("Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
             "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản "
             "phẩm, hàng hóa giai đoạn 2021-2030 (sau đây gọi tắt là Chương trình 1322)")
def standard_goal(issuer_place: str) -> tuple[Paragraph, ...]:
    """II.1 when the clerk typed none: as Tiền Giang 224/KH-UBND §I.1 (seed 002) words the
    programme's aim for a province (“thành phố” for a centrally-run city)."""
    return (Paragraph("text", (
        "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa trên cơ sở áp "
        "dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải tiến "
        "năng suất chất lượng, góp phần nâng tỷ trọng đóng góp của năng suất các nhân tố tổng "
        "hợp (TFP) vào tăng trưởng kinh tế, nâng cao năng suất, chất lượng, hiệu quả và sức cạnh "
        f"tranh của nền kinh tế {_level(issuer_place)}.")),)


def standard_purpose(next_phase: str, issuer_place: str) -> tuple[Paragraph, ...]:
    """I when the clerk typed none: the plan's purpose in the words of its own sections."""
    return (Paragraph("dash", f"Triển khai đồng bộ, hiệu quả các nhiệm vụ, giải pháp của Chương "
                              f"trình 1322 giai đoạn {next_phase} trên địa bàn "
                              f"{_level(issuer_place)}."),
            Paragraph("dash", "Phấn đấu hoàn thành các chỉ tiêu tại mục II của Kế hoạch; cơ "
                              "quan, đơn vị được giao nhiệm vụ chủ động phối hợp thực hiện."))


# A predecessor's sample plan is marked in its subject: “(văn bản minh họa: số, ngày … giả định)”.
_ILLUSTRATIVE = re.compile(r"\((văn bản minh họa[^)]*)\)")


def plan_bases(period: PeriodReport, issuer_place: str, next_phase: str) -> tuple[str, ...]:
    """The paragraphs before section I, the last one ending “… như sau:”."""
    council = f"Ủy ban nhân dân {_level(issuer_place)}"
    typed = tuple(_typed(p.text) for p in period.sections.get("KH.Căn cứ", ()))
    merged = period.formation is not None
    if not merged and not typed:  # the one sentence of a province not merged (as before)
        return (f"Căn cứ {PROGRAMME}; căn cứ kết quả thực hiện {_own_short(period)} giai đoạn "
                f"{period.period.label}, {council} ban hành Kế hoạch thực hiện giai đoạn "
                f"{next_phase} như sau:",)
    first = (f"Căn cứ {LAW};", f"Căn cứ {RESOLUTION};") if merged else ()
    results = _all_results(period) if merged else _own_short(period)
    return (*first, f"Căn cứ {PROGRAMME};", *(f"Căn cứ {t};" for t in typed),
            f"Căn cứ kết quả thực hiện giai đoạn {period.period.label} của {results}, {council} "
            f"ban hành Kế hoạch thực hiện Chương trình 1322 giai đoạn {next_phase} như sau:")


def _level(issuer_place: str) -> str:
    """“tỉnh” or “thành phố”, as the issuer's second line (“TỈNH AN GIANG”) says."""
    return "thành phố" if issuer_place.upper().startswith("THÀNH PHỐ") else "tỉnh"


def _typed(text: str) -> str:
    """A base as the clerk typed it, without a leading “Căn cứ” or a closing mark."""
    text = re.sub(r"^\s*căn cứ\s+", "", " ".join(str(text).split()), flags=re.IGNORECASE)
    return text.rstrip(" ;.,")


def _own_short(period: PeriodReport) -> str:
    versions = period.plan_versions
    plan = versions[0].document if versions else period.plan_in_force.documents[0]
    return cite_short(plan)


def _all_results(period: PeriodReport) -> str:
    """Each predecessor's plan with its amendments, on its territory (issue 22 item 2)."""
    where = period.territories
    own_words = where.words.get(period.plan_in_force.territory, "") if where else ""
    documents = tuple(v.document for v in period.plan_versions) or \
        period.plan_in_force.documents
    parts, cited = [_plan_on(documents, own_words)], {documents[0].number}
    for former in period.former:
        if former.documents[0].number not in cited:  # a plan is cited once
            parts.append(_plan_on(former.documents, former.words))
            cited.add(former.documents[0].number)
    return " và của ".join(parts)


def _plan_on(documents: tuple[Document, ...], words: str) -> str:
    """“Kế hoạch số 573/KH-UBND ngày 28/9/2021 của …, được sửa đổi, bổ sung tại …, trên địa
    bàn tỉnh An Giang (trước sắp xếp)”: number, date and issuer; the subject is left out but
    for a sample's “văn bản minh họa” mark."""
    plan, *amendments = documents
    text = _dated(plan)
    if amendments:
        text += ", được sửa đổi, bổ sung tại " + ", ".join(_dated(a) for a in amendments) + ","
    return f"{text} trên địa bàn {words}" if words else text


def _dated(doc: Document) -> str:
    text = f"{cite_short(doc)} ngày {short_date(doc.issued)}"
    if doc.issuer:
        text += f" của {' '.join(doc.issuer.split())}"
    mark = _ILLUSTRATIVE.search(doc.subject or "")
    return f"{text} ({mark[1]})" if mark else text
