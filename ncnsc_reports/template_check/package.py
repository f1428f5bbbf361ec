"""What a template carries besides its text: parts that would be copied into every report.

Owns the package-level checks of a template: a DOCTYPE (XML entities, which Word never
writes), macros and other active content (vbaProject.bin, ActiveX controls, embedded
objects), and relationships to things outside the file (a remote picture, an
`attachedTemplate` on another machine, a `file://` link), and parts that are not well-formed
XML (`xml_syntax`). Each is an error naming the part:
the report would fetch, run or leak them wherever it is opened.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.inputs.xlsx import oversized
from ncnsc_reports.template_check.parts import Place, TemplateProblem, readable
from ncnsc_reports.template_check.xml_syntax import xml_problem

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ACTIVE = re.compile(r"(?:^|/)(?:vbaProject\.bin|vbaData\.xml|activeX\d*\.(?:xml|bin)|"
                     r"oleObject\d*\.bin|.*\.(?:exe|dll|js|vbs|bat|cmd|ps1|docm|dotm|xlsm))$",
                     re.IGNORECASE)
_EXTERNAL = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb'(\w+)="([^"]*)"')
# Web and mail links are what a report legitimately links to; anything else leaves the file.
_SAFE_LINK = re.compile(r"(?:https?:|mailto:)", re.IGNORECASE)
SAVE_CLEAN = ("hãy mở mẫu bằng Word, lưu thành bản mới dạng “Word Document (*.docx)” rồi "
              "kiểm tra lại")


def package_problems(path: Path) -> list[TemplateProblem]:
    """Return an error for every DOCTYPE, active part and external relationship of a .docx."""
    problems = []
    try:
        z = zipfile.ZipFile(readable(path))
    except (zipfile.BadZipFile, OSError) as err:
        raise TemplateError(f"“{path}” không phải tệp Word .docx đọc được "
                            f"({type(err).__name__})") from err
    with z:
        # read nothing of a package that would explode
        if too_big := oversized(z.infolist(), "hãy mở mẫu bằng Word, xóa hình hay nội dung "
                                              "thừa, lưu lại rồi kiểm tra lại"):
            return [TemplateProblem(Place("toàn mẫu"), "mẫu " + too_big.removeprefix("tệp "))]
        for info in z.infolist():
            name = info.filename
            if _ACTIVE.search(name):
                problems.append(TemplateProblem(Place(name), "mẫu chứa macro hoặc nội dung "
                                "chạy được (phần này sẽ bị chép vào mọi báo cáo); " + SAVE_CLEAN))
            elif name.endswith((".xml", ".rels")):
                data = z.read(info)
                if broken := xml_problem(name, data):
                    problems.append(broken)
                if _DOCTYPE.search(data[:4096]):
                    problems.append(TemplateProblem(Place(name), "phần XML có khai báo DOCTYPE "
                                    "(thực thể XML), Word không bao giờ tạo ra — tệp đã bị sửa "
                                    "bằng công cụ khác; " + SAVE_CLEAN))
                if name.endswith(".rels"):
                    problems += _external(name, data)
    return problems


def _external(name: str, data: bytes) -> list[TemplateProblem]:
    problems = []
    for element in _EXTERNAL.findall(data):
        attrs = {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(element)}
        if attrs.get("TargetMode") != "External":
            continue
        kind, target = attrs.get("Type", "").rsplit("/", 1)[-1], attrs.get("Target", "")
        if kind == "hyperlink" and _SAFE_LINK.match(target):
            continue
        what = f"{_KINDS.get(kind, kind)}: “{target[:120]}”"
        problems.append(TemplateProblem(Place(name), f"mẫu trỏ ra ngoài tệp ({what}), mọi báo "
                                        "cáo sẽ mang theo liên kết này; "
                                        f"{_FIXES.get(kind, SAVE_CLEAN)}"))
    return problems


_KINDS = {"image": "hình ảnh lấy từ xa", "attachedTemplate": "mẫu đính kèm",
          "hyperlink": "liên kết", "oleObject": "đối tượng nhúng", "frame": "khung lấy từ xa",
          "subDocument": "văn bản con"}
_FIXES = {
    "image": "hãy xóa hình rồi chèn lại bằng Insert › Pictures › This Device",
    "attachedTemplate": "hãy gỡ mẫu đính kèm (Developer › Document Template, xóa ô Document "
                        "template) rồi lưu lại",
    "hyperlink": "hãy sửa liên kết thành địa chỉ web (http/https) hoặc xóa liên kết",
}
