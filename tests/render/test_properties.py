"""Document properties of the report: from the profile, nothing left by the template's editor."""

from __future__ import annotations

import zipfile

from docx import Document


def test_properties_come_from_the_profile(sample_report):
    props = Document(str(sample_report)).core_properties
    assert props.title == ("Báo cáo kết quả thực hiện nhiệm vụ năm 2023 của Chương trình 1322 - "
                           "Hưng Yên")
    assert props.subject == "Báo cáo năm Chương trình 1322"
    assert props.author == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    with zipfile.ZipFile(sample_report) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
        names = z.namelist()
    assert "<Company>SỞ KHOA HỌC VÀ CÔNG NGHỆ</Company>" in app
    for leftover in ("Microsoft", "<Pages>", "<Words>", "<Application>", "Normal.dotm"):
        assert leftover not in app
    assert "thumbnail" not in rels and not [n for n in names if "thumbnail" in n]
