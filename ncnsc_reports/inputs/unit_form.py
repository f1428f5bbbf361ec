"""The contribution form a department or commune fills in, and the workbook written for it.

Sở KH&CN asks the units of the profile (sheet “Đơn vị phối hợp”) for what they did in the year
(seed 000, An Giang 573 §VI; seed 002, Tiền Giang 224: units take part in task groups). A form
holds only what a unit fills: who it is, paragraphs for the task groups it takes part in, and
the record sheets of the year workbook. Returned forms go in inputs/<tỉnh>/<năm>/don-vi/.
"""

from __future__ import annotations

import dataclasses

from ncnsc_reports.inputs.blank import new_workbook
from ncnsc_reports.inputs.schema import (
    CHOICE,
    LINE_KINDS,
    RECORD_SHEETS,
    SECTIONS,
    TEXT,
    YEAR,
    Column,
    Setting,
    SheetSpec,
)
from ncnsc_reports.names import distinct_slugs, name_key

FORMS_DIR = "don-vi"  # inputs/<tỉnh>/<năm>/don-vi/: the forms units sent back
TASK_SECTIONS = tuple(s for s in SECTIONS if s.startswith("I.2."))

UNIT_SETTINGS: tuple[Setting, ...] = (
    Setting("province", "Tỉnh", TEXT, required=True, example="Hưng Yên",
            help="Do Sở KH&CN ghi sẵn; không sửa."),
    Setting("year", "Năm báo cáo", YEAR, required=True, example="2024", low=2021, high=2100,
            help="Do Sở KH&CN ghi sẵn; không sửa."),
    Setting("unit", "Đơn vị", TEXT, required=True, example="Sở Công Thương",
            help="Do Sở KH&CN ghi sẵn, đúng tên trong hồ sơ tỉnh; không sửa."),
    Setting("contact", "Người điền, điện thoại", TEXT, example="Nguyễn Văn A, 0221 3xxx xxx",
            help="Để Sở KH&CN liên hệ khi cần hỏi lại."),
)

UNIT_GENERAL = SheetSpec(
    "Thông tin đơn vị",
    (Column("label", "Mục", CHOICE, choices=tuple(s.label for s in UNIT_SETTINGS), width=26),
     Column("value", "Giá trị", required=False, width=60)),
    "Tỉnh, năm và tên đơn vị do Sở KH&CN ghi sẵn: không sửa. Ghi người điền phiếu.",
)

UNIT_LINE_KINDS = tuple(k for k, v in LINE_KINDS.items() if v != "group")
UNIT_CONTENT = SheetSpec(
    "Nội dung",
    (Column("section", "Mục", CHOICE, choices=TASK_SECTIONS, width=9,
            help="Nhóm nhiệm vụ của mục I.2 (QĐ 1322) mà đoạn thuộc về."),
     Column("line_kind", "Kiểu dòng", CHOICE, choices=UNIT_LINE_KINDS, required=False,
            width=24, help="Để trống là “Đoạn văn”."),
     Column("text", "Nội dung", width=100,
            help="Bắt đầu bằng việc đã làm, không cần ghi tên đơn vị, ví dụ “Đã tổ chức 02 lớp "
                 "tập huấn …”: báo cáo in “<tên đơn vị> đã tổ chức 02 lớp tập huấn …”.")),
    "Những việc đơn vị đã làm trong năm, mỗi đoạn một dòng, theo nhóm nhiệm vụ.",
)

UNIT_SHEETS = (UNIT_GENERAL, UNIT_CONTENT) + RECORD_SHEETS


def form_file_names(units: list[str], year: int) -> dict[str, str]:
    """Return {unit: its form's file name}, e.g. “phieu-so-cong-thuong-2024.xlsx” for “Sở Công
    Thương”: made for all the units of a year together, so no two share a file (names.py)."""
    return {unit: f"phieu-{name}-{year}.xlsx" for unit, name in distinct_slugs(units).items()}


def form_file_name(unit: str, year: int, siblings: tuple[str, ...] | list[str] = ()) -> str:
    """Return the file name of one unit's form, made with the year's other units (`siblings`):
    without them it may be the name of another unit's form too (“Ân Thi” / “An Thi”)."""
    others = (s for s in siblings if name_key(s) != name_key(unit))
    return form_file_names([*others, unit], year)[unit]


def unit_form_book(place: str, year: int, unit: str, sections: tuple[str, ...]):
    """Return the form of one unit (an openpyxl workbook): its name and year, drop-downs of
    its task groups, a guide."""
    content = dataclasses.replace(UNIT_CONTENT, columns=(
        dataclasses.replace(UNIT_CONTENT.columns[0], choices=sections),
        *UNIT_CONTENT.columns[1:]))
    general = [("Tỉnh", place), ("Năm báo cáo", year), ("Đơn vị", unit),
               ("Người điền, điện thoại", None)]
    groups = "; ".join(f"{s}: {SECTIONS[s]}" for s in sections)
    notes = (f"Đơn vị: {unit} – năm {year} – tỉnh {place}.",
             f"Các nhóm nhiệm vụ của đơn vị (cột “Mục” của trang “Nội dung”): {groups}.",
             "Điền trang “Nội dung” và các trang số liệu có phát sinh (trang không có gì thì để "
             "trống), lưu rồi gửi lại tệp này cho Sở Khoa học và Công nghệ. Không đổi tên trang, "
             "tên cột; không sửa trang “Thông tin đơn vị” trừ dòng người điền.")
    return new_workbook((UNIT_GENERAL, content) + RECORD_SHEETS, {UNIT_GENERAL.name: general},
                        f"Phiếu đóng góp báo cáo năm {year} – Chương trình 1322 – {unit}", notes)
