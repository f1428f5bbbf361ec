"""The shape of the period workbook: inputs/<tỉnh>/tong-ket-2021-2025/<tên bất kỳ>.xlsx.

A period summary (báo cáo tổng kết, or sơ kết for a mid-term review) takes its figures from the
year folders; this workbook holds only what the clerk writes for the summary itself: its number
and date, its own prose, which yearly prose to carry into it, and the rule for the next phase's
draft plan (seed 002, Tiền Giang 224/KH-UBND §I.2.b: targets “tăng ít nhất 10%”).
"""

from __future__ import annotations

import re

from ncnsc_reports.inputs.schema import (
    CHOICE,
    INT,
    LINE_KINDS,
    MONEY,
    YEAR,
    YEAR_SETTINGS,
    Column,
    Setting,
    SheetSpec,
)

# Folder names: tong-ket-2021-2025 (end of a phase), so-ket-2026-2028 (mid-term review).
PERIOD_FOLDER = re.compile(r"^(tong-ket|so-ket)-(\d{4})-(\d{4})$")
KINDS = {"tong-ket": "tổng kết", "so-ket": "sơ kết"}
# The two phases of QĐ 1322/QĐ-TTg (report.phases builds its Phase values from these).
PHASE_YEARS = ((2021, 2025), (2026, 2030))

# The next phase's target from the previous phase's figures (compute.next_phase owns the maths).
RULE_MAX, RULE_TARGET, RULE_RESULT = (
    "Số lớn hơn giữa chỉ tiêu và kết quả giai đoạn trước", "Chỉ tiêu giai đoạn trước",
    "Kết quả giai đoạn trước")
RULES = (RULE_MAX, RULE_TARGET, RULE_RESULT)
DEFAULT_PERCENT = 110

_YEARLY = {s.key: s for s in YEAR_SETTINGS}
PERIOD_SETTINGS: tuple[Setting, ...] = (
    Setting("period", "Giai đoạn", required=True, example="2021-2025",
            help="Phải trùng tên thư mục (tong-ket-2021-2025)."),
    _YEARLY["number"], _YEARLY["day"], _YEARLY["month"], _YEARLY["sign_year"],
    _YEARLY["illustrative"],
    Setting("chart_codes", "Chỉ tiêu trên biểu đồ", example="HTQL, CC, MSMV",
            help="Mã các chỉ tiêu chính vẽ trên biểu đồ, cách nhau bằng dấu phẩy; để trống là "
                 "mọi chỉ tiêu có chỉ tiêu giai đoạn."),
    Setting("rule", "Cách tính chỉ tiêu giai đoạn sau", CHOICE, example=RULE_MAX, choices=RULES,
            help=f"Để trống là “{RULE_MAX}”. Chỉ tiêu giai đoạn sau = giá trị này × tỷ lệ, "
                 "làm tròn lên số nguyên."),
    Setting("percent", "Tỷ lệ so với giai đoạn trước (%)", INT, example="110", low=1, high=1000,
            help=f"Để trống là {DEFAULT_PERCENT} (tăng ít nhất 10%, như Kế hoạch 224/KH-UBND "
                 "của Tiền Giang, mục I.2.b)."),
)

PERIOD_GENERAL = SheetSpec(
    "Thông tin chung",
    (Column("label", "Mục", CHOICE, choices=tuple(s.label for s in PERIOD_SETTINGS), width=36),
     Column("value", "Giá trị", required=False, width=60)),
    "Giai đoạn, số và ngày của báo cáo tổng kết; cách tính chỉ tiêu của dự thảo kế hoạch "
    "giai đoạn sau.",
)

# Sections of the summary (its own numbering) and of the draft plan (“KH.”) taking free text.
PERIOD_SECTIONS: dict[str, str] = {
    "Mở đầu": "Các đoạn mở đầu (căn cứ, cách tổng hợp)",
    "I": "Kế hoạch và các văn bản sửa đổi: đoạn thêm sau danh sách văn bản",
    **{f"II.1.{n}": f"Nhóm nhiệm vụ {n}: đoạn tổng kết cả giai đoạn" for n in range(1, 7)},
    "II.2": "Kết quả thực hiện các chỉ tiêu: đoạn thêm sau bảng",
    "II.3": "Kinh phí: đoạn thêm sau bảng",
    "III.1": "Những kết quả nổi bật",
    "III.2": "Tồn tại, hạn chế",
    "III.3": "Nguyên nhân",
    "III.4": "Bài học kinh nghiệm",
    "IV": "Phương hướng, nhiệm vụ giai đoạn sau",
    "V": "Đề xuất, kiến nghị",
    # bases a clerk adds after QĐ 1322, one document a row: the Bộ KH&CN's guidance (review M14)
    "KH.Căn cứ": "Dự thảo Kế hoạch – Căn cứ thêm, mỗi dòng một văn bản (ví dụ văn bản hướng dẫn "
                 "của Bộ Khoa học và Công nghệ), in sau Quyết định 1322",
    "KH.I": "Dự thảo Kế hoạch – Mục đích, yêu cầu",
    "KH.II": "Dự thảo Kế hoạch – Mục tiêu chung",
    "KH.III": "Dự thảo Kế hoạch – Nhiệm vụ, giải pháp: đoạn chung, in trước sáu nhóm",
    # one per task group of QĐ 1322, so that a clerk's text lands under its heading (issue 22)
    **{f"KH.III.{n}": f"Dự thảo Kế hoạch – Nhiệm vụ, giải pháp nhóm {n}" for n in range(1, 7)},
    "KH.V": "Dự thảo Kế hoạch – Tổ chức thực hiện",
}

PERIOD_CONTENT = SheetSpec(
    "Nội dung",
    (Column("section", "Mục", CHOICE, choices=tuple(PERIOD_SECTIONS), width=9),
     Column("line_kind", "Kiểu dòng", CHOICE, choices=tuple(k for k in LINE_KINDS
                                                            if LINE_KINDS[k] != "group"),
            required=False, width=24, help="Để trống là “Đoạn văn”."),
     Column("text", "Nội dung", width=100)),
    "Các đoạn văn viết riêng cho báo cáo tổng kết và dự thảo kế hoạch, mỗi đoạn một dòng, theo "
    "thứ tự in. Mục: " + "; ".join(f"{k} – {v}" for k, v in PERIOD_SECTIONS.items()) + ".",
)

# Yearly prose the clerk carries into the summary, under the same task group, year by year.
CARRIED_SECTIONS = tuple(f"I.2.{n}" for n in range(1, 7))
PERIOD_CARRY = SheetSpec(
    "Mang từ báo cáo năm",
    (Column("year", "Năm", YEAR, low=2021, high=2100, width=10),
     Column("section", "Mục của báo cáo năm", CHOICE, choices=CARRIED_SECTIONS, width=14,
            help="Nhóm nhiệm vụ I.2.1 … I.2.6 của báo cáo năm đó.")),
    "Mỗi dòng: chép mọi đoạn của một nhóm nhiệm vụ trong báo cáo một năm (trang “Nội dung” của "
    "sổ năm đó) vào cùng nhóm của báo cáo tổng kết, dưới dòng “Năm …”.",
    required=False,
)

PERIOD_BUDGET = SheetSpec(
    "Kinh phí giai đoạn sau",
    (Column("year", "Năm", YEAR, low=2021, high=2100, width=10),
     Column("amount", "Dự toán (đồng)", INT, width=20, **MONEY)),
    "Dự toán từng năm của dự thảo kế hoạch giai đoạn sau. Để trống cả trang thì mỗi năm bằng "
    "kinh phí đã sử dụng bình quân một năm của giai đoạn này × tỷ lệ, làm tròn lên triệu đồng.",
    required=False,
)

PERIOD_SHEETS = (PERIOD_GENERAL, PERIOD_CONTENT, PERIOD_CARRY, PERIOD_BUDGET)


def period_folder(name: str) -> tuple[str, int, int] | None:
    """Return (kind, first year, last year) of a period folder's name, or None."""
    m = PERIOD_FOLDER.match(name)
    return (KINDS[m[1]], int(m[2]), int(m[3])) if m else None


def period_folder_problem(name: str) -> str | None:
    """Why a period folder's name is not a summary's period, with the name to use; None if it is.

    A tổng kết covers a whole phase of QĐ 1322 (2021-2025 or 2026-2030); a sơ kết reviews a
    phase from its first year up to a year before its last.
    """
    m = PERIOD_FOLDER.match(name)
    if m is None:
        return (f"cần tên thư mục dạng tong-ket-2021-2025 (tổng kết giai đoạn) hoặc "
                f"so-ket-2026-2028 (sơ kết giữa giai đoạn), nhưng gặp “{name}”")
    first, last = int(m[2]), int(m[3])
    phase = next(((a, b) for a, b in PHASE_YEARS if a <= first <= b), None)
    whole = " hoặc ".join(f"{a}-{b}" for a, b in PHASE_YEARS)
    if phase is None or not first <= last <= phase[1]:
        return (f"cần các năm trong cùng một giai đoạn của Chương trình ({whole}), nhưng gặp "
                f"“{first}-{last}”. Hãy đổi tên thư mục, ví dụ thành tong-ket-2021-2025")
    start, end = phase
    if m[1] == "tong-ket" and (first, last) != phase:
        return (f"báo cáo tổng kết phải bao trọn một giai đoạn ({whole}), nhưng gặp "
                f"“{first}-{last}”. Hãy đổi tên thư mục thành tong-ket-{start}-{end} (tổng kết "
                f"cả giai đoạn)" + _midterm_hint(first, last, phase))
    return _midterm_problem(first, last, phase) if m[1] == "so-ket" else None


def _midterm_problem(first: int, last: int, phase: tuple[int, int]) -> str | None:
    """Why first-last is not a sơ kết of the phase: it starts with the phase, ends before its
    last year and covers two years at least."""
    start, end = phase
    if not (first == start and last < end):
        return (f"báo cáo sơ kết phải bắt đầu từ năm đầu giai đoạn ({start}) và kết thúc trước "
                f"năm cuối giai đoạn ({end}), nhưng gặp “{first}-{last}”. Hãy đổi tên thư mục "
                f"thành " + (f"tong-ket-{start}-{end} (tổng kết cả giai đoạn)" if last == end
                             else f"so-ket-{start}-{last}"))
    if first == last:
        # one year is no review: it would read “giai đoạn 2026-2026”; that year is the yearly
        # report's, which calls it “năm 2026, năm đầu giai đoạn 2026-2030”
        return (f"báo cáo sơ kết cần ít nhất hai năm, từ năm đầu giai đoạn ({start}) đến một "
                f"năm trước năm cuối ({end - 1}), nhưng gặp “{first}-{last}”; kết quả riêng năm "
                f"{first} đã có trong báo cáo năm {first} (thư mục {first} của tỉnh). Hãy đổi tên "
                f"thư mục, ví dụ thành so-ket-{start}-{start + 1}")
    return None
    return None


def _midterm_hint(first: int, last: int, phase: tuple[int, int]) -> str:
    """“ hoặc so-ket-2021-2024 …” when the years make a mid-term review."""
    if first == phase[0] and first < last < phase[1]:
        return f" hoặc so-ket-{first}-{last} (sơ kết giữa giai đoạn)"
    return ""
