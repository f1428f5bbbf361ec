"""check-template reports every problem in one run, structural ones included, and suggests a
field by its Vietnamese meaning (`{{ nam }}` → “year”)."""

from __future__ import annotations

from click.testing import CliRunner
from test_checking import corpus_maker

from ncnsc_reports.cli import main
from ncnsc_reports.template_check.check import check_template
from ncnsc_reports.template_check.suggest import meaning_hint


def broken_template(tmp_path):
    """The intact template with an unclosed {%p if %} and two misspelt fields."""
    maker = corpus_maker()

    def edit(root):
        maker.delete(maker.find(root, "{%p endif %}", maker.AFTER_II2))
        maker.edit_text(root, "{{ agency.closing }}", "{{ agency.closng }}")
        maker.edit_text(root, "{{ year }}", "{{ nam }}")

    return maker.write("mau", maker.BODY, edit, tmp_path)


def test_misspelt_fields_are_reported_after_an_unclosed_block(tmp_path):
    found = [f"{p.severity.value}: {p}" for p in check_template(broken_template(tmp_path))]
    assert any(line.endswith("«{%p if shortcomings %}»: khối “if” mở ở đây chưa được đóng; cần "
                             "«{%p endif %}» sau nội dung của khối, nhưng đến cuối văn bản vẫn "
                             "không gặp") for line in found), found
    assert any(line.endswith("«{{ agency.closng }}»: “agency” (Agency) không có thuộc tính "
                             "“closng” — có phải “closing”?") for line in found), found
    assert any("thẻ «{{ nam }}»: không có trường “nam” — có phải “year” (Năm báo cáo)" in line
               for line in found), found
    assert len(found) == 3, found


def test_the_command_lists_all_three(tmp_path):
    result = CliRunner().invoke(main, ["check-template", str(broken_template(tmp_path))])
    assert result.exit_code == 1
    assert result.stderr.startswith("Lỗi (3):\n")


def test_vietnamese_names_suggest_fields_by_meaning():
    assert meaning_hint("nam").startswith(" — có phải “year” (Năm báo cáo)")
    assert meaning_hint("noi_nhan").startswith(" — có phải “recipients”")
    assert meaning_hint("ho_ten", "Agency") == " — có phải “signer_name” (Họ tên người ký)?"
    assert meaning_hint("xyz") == ""
