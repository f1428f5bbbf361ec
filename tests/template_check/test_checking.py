"""check-template: each broken template of the corpus gives exactly its expected messages.

The corpus (tests/data/templates/<defect>.docx, one defect each, named after it) is made from
the intact template by `python tests/data/templates/make_corpus.py`. Also here: the fixes of
--fix, the check inside `build`, the sandbox, and the province's own template found first.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT

from ncnsc_reports.cli import main
from ncnsc_reports.errors import TemplateError
from ncnsc_reports.pipeline import build
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.templates import find_template, search_path
from ncnsc_reports.template_check.check import check_template
from ncnsc_reports.template_check.repair import fix_template
from ncnsc_reports.template_check.sample import sample_context

CORPUS = DATA / "templates"
TEMPLATE = ROOT / "templates" / "bao-cao-nam.docx"
# docxtpl renders these the same as the intact template: warnings, not errors.
WARNINGS = {"smart-quotes-in-tag", "tag-split-across-formatted-runs", "tag-across-paragraphs"}
FIXABLE = {"smart-quotes-in-tag", "tag-split-across-formatted-runs",
           "smart-quotes-in-file-properties"}
# The Hưng Yên sample has no indicators, so it never prints this row: the defect is shown on
# docxtpl's own reading of the template (its patch_xml) instead, where the text is gone.
DROPPED_BEFORE_RENDERING = {"text-beside-tr-tag-in-its-row": "Ghi chú của người sửa mẫu"}

EXPECTED = {
    "invalid-expression": [
        'Lỗi: đoạn 94 (sau tiêu đề “3. Nguyên nhân của những tồn tại, vướng mắc”) «III. '
        'Phương hướng, giải pháp thực hiện Chương trình năm {{ …»: thẻ «{{ year + }}»: sai cú '
        'pháp — gặp “}}” không đúng chỗ',
    ],
    "missing-endmacro": [
        'Lỗi: đoạn 14 (đầu văn bản, trước tiêu đề đầu tiên) «{%p macro paras(items) %}»: khối '
        '“macro” mở ở đây chưa được đóng; cần «{%p endmacro %}» sau nội dung của khối, nhưng '
        'đến cuối văn bản vẫn không gặp',
    ],
    "misspelt-endif": [
        'Lỗi: đoạn 93 (sau tiêu đề “3. Nguyên nhân của những tồn tại, vướng mắc”) «{%p endfi '
        '%}»: không có lệnh “endfi”; cần «{%p endif %}» để đóng khối «{%p if causes %}» (đoạn '
        '89)',
    ],
    "p-prefix-missing-on-endif": [
        'Lỗi: đoạn 59 (sau tiêu đề “c) Về thực hiện lồng ghép các nhiệm vụ của Chương trình '
        'trong các nhiệm vụ, đề …”) «{% endif %}»: thuộc khối «{%p if integration %}» (đoạn '
        '55) nên phải cùng kiểu: cần «{%p endif %}», nhưng gặp «{% endif %}»',
    ],
    "p-tag-not-alone-in-paragraph": [
        'Lỗi: bảng 2 › hàng 1 › ô 2, đoạn 121 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{{ '
        'agency.authority }}{%p endif %}»: thẻ «{%p endif %}»: thẻ {%p phải đứng một mình '
        'trong đoạn, nhưng đoạn còn có «{{ agency.authority }}» — phần này sẽ bị xóa khi tạo '
        'báo cáo; hãy chuyển nó sang đoạn riêng',
    ],
    "percent-in-p-tag": [
        'Lỗi: đoạn 13 (đầu văn bản, trước tiêu đề đầu tiên) «{%p set empty_sentence = '
        "empty_group or 'Năm ' ~ year ~ ' k…»: thẻ {%p không được chứa dấu “%” hay “}” "
        '(docxtpl không nhận ra thẻ); hãy đặt giá trị bằng một thẻ {% set … %} thường trước '
        'đó',
    ],
    "python-internals": [
        'Lỗi: đoạn 113 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{{ agency.__class__ }}»: không '
        'được dùng “__class__” (thuộc tính nội bộ của Python; mẫu chạy trong hộp cát an toàn)',
    ],
    "smart-quotes-in-file-properties": [
        'Lỗi: thuộc tính tệp “Tiêu đề” (Tệp › Thông tin › Thuộc tính) «{{ “Báo cáo năm ” ~ '
        'year }}»: có dấu nháy cong (‘ ’ “ ”) do Word tự đổi; cần nháy thẳng (\' hoặc ") — ở '
        'đây docxtpl không tự đổi nên báo cáo sẽ lỗi; sửa bằng check-template --fix',
    ],
    "smart-quotes-in-tag": [
        'Cảnh báo: đoạn 16 (đầu văn bản, trước tiêu đề đầu tiên) «{%p if item.kind == ‘dash’ '
        '%}»: có dấu nháy cong (‘ ’ “ ”) do Word tự đổi; cần nháy thẳng (\' hoặc "). Khi tạo '
        'báo cáo chúng được đổi thành nháy thẳng, kể cả nháy cong trong câu chữ của thẻ; sửa '
        'bằng check-template --fix',
    ],
    "space-before-p-prefix": [
        'Lỗi: đoạn 55 (sau tiêu đề “c) Về thực hiện lồng ghép các nhiệm vụ của Chương trình '
        'trong các nhiệm vụ, đề …”) «{% p if integration %}»: giữa “{%” và “p” không được có '
        'dấu cách: cần «{%p if integration %}»',
    ],
    "stray-endfor": [
        'Lỗi: đoạn 43 (sau tiêu đề “a) Về xây dựng kế hoạch triển khai thực hiện”) «{%p '
        'endfor %}»: không có khối “for” nào đang mở để đóng; cần xóa thẻ này hoặc thêm thẻ '
        'mở khối phía trước',
    ],
    "tag-across-paragraphs": [
        'Cảnh báo: đoạn 113 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{{ agency.»: thẻ «{{ '
        'agency. closing }}» bắt đầu ở đoạn này nhưng kết thúc ở đoạn sau; cần cả thẻ nằm '
        'trong một đoạn (khi tạo báo cáo các đoạn bị gộp làm một, mất định dạng của đoạn sau)',
    ],
    "tag-split-across-formatted-runs": [
        'Cảnh báo: bảng 2 › hàng 1 › ô 2, đoạn 128 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{{ '
        'agency.signer_name }}»: Word đã tách thẻ thành 2 đoạn chữ định dạng khác nhau; báo '
        'cáo chỉ giữ định dạng của phần đầu. Cần: cả thẻ một định dạng (chọn cả thẻ rồi định '
        'dạng lại, hoặc chạy check-template --fix)',
    ],
    "tc-tag-outside-table": [
        'Lỗi: đoạn 61 (sau tiêu đề “2. Kết quả thực hiện các nhiệm vụ thuộc Chương trình theo '
        'từng nhóm nhiệm vụ, g…”) «{%tc for group in task_groups %}»: thẻ {%tc chỉ dùng được '
        'trong một ô của bảng, nhưng đoạn này không nằm trong bảng; ngoài bảng dùng {%p …}',
        'Lỗi: đoạn 68 (sau tiêu đề “2. Kết quả thực hiện các nhiệm vụ thuộc Chương trình theo '
        'từng nhóm nhiệm vụ, g…”) «{%tc endfor %}»: thẻ {%tc chỉ dùng được trong một ô của '
        'bảng, nhưng đoạn này không nằm trong bảng; ngoài bảng dùng {%p …}',
    ],
    "text-beside-tr-tag-in-its-row": [
        'Lỗi: bảng 3 › hàng 2 › ô 1, đoạn 141 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{%tr '
        'for i in indicators %}»: thẻ {%tr phải đứng một mình trong hàng của bảng, nhưng hàng '
        'của bảng còn có «Ghi chú của người sửa mẫu» — phần này sẽ bị xóa khi tạo báo cáo; '
        'hãy chuyển nó sang hàng khác',
    ],
    "tr-tag-outside-table": [
        'Lỗi: đoạn 40 (sau tiêu đề “a) Về xây dựng kế hoạch triển khai thực hiện”) «{%tr for '
        'd in plans_documents %}»: thẻ {%tr chỉ dùng được trong một hàng của bảng, nhưng đoạn '
        'này không nằm trong bảng; ngoài bảng dùng {%p …}',
        'Lỗi: đoạn 42 (sau tiêu đề “a) Về xây dựng kế hoạch triển khai thực hiện”) «{%tr '
        'endfor %}»: thẻ {%tr chỉ dùng được trong một hàng của bảng, nhưng đoạn này không nằm '
        'trong bảng; ngoài bảng dùng {%p …}',
    ],
    "tracked-deletion-with-tag": [
        'Lỗi: bảng 1 › hàng 2 › ô 2, đoạn 11 (đầu văn bản, trước tiêu đề đầu tiên) «{{ '
        'place_date }}»: đoạn có phần bị xóa khi bật Theo dõi thay đổi («{{ agency.place '
        '}},») chưa được chấp nhận, có chứa thẻ; docxtpl vẫn xử lý chữ đã xóa. Cần: Xem lại › '
        'Chấp nhận tất cả thay đổi, rồi kiểm tra lại',
    ],
    "unclosed-if": [
        'Lỗi: đoạn 83 (sau tiêu đề “2. Những tồn tại và vướng mắc”) «{%p if shortcomings %}»: '
        'khối “if” mở ở đây chưa được đóng; cần «{%p endif %}» sau nội dung của khối, nhưng '
        'đến cuối văn bản vẫn không gặp',
    ],
    "unclosed-variable": [
        'Lỗi: đoạn 32 (đầu văn bản, trước tiêu đề đầu tiên) «Kết quả thực hiện nhiệm vụ năm '
        '{{ year } của Chương trình q…»: thẻ «{{ year } của Chương trình quốc gia hỗ …» mở '
        'bằng “{{” nhưng không đóng bằng “}}”',
    ],
    "unknown-attribute": [
        'Lỗi: bảng 2 › hàng 1 › ô 2, đoạn 128 (sau tiêu đề “IV. Đề xuất, kiến nghị”) «{{ '
        'agency.signer }}»: “agency” (Agency) không có thuộc tính “signer” — có phải '
        '“signer_name” hay “signer_title”?',
    ],
    "unknown-field-in-page-header": [
        'Lỗi: đầu trang (header1), đoạn 1 «{{ agency.agncy }} – 2»: thẻ «{{ agency.agncy }}»: '
        '“agency” (Agency) không có thuộc tính “agncy” — có phải “agency” hay “agency_name”?',
    ],
    "unknown-field": [
        'Lỗi: bảng 1 › hàng 2 › ô 2, đoạn 11 (đầu văn bản, trước tiêu đề đầu tiên) «{{ '
        'palce_date }}»: không có trường “palce_date” — có phải “place_date”? (danh sách '
        'trường: ncnsc-report fields)',
    ],
    "unknown-filter": [
        'Lỗi: đoạn 34 (đầu văn bản, trước tiêu đề đầu tiên) «Thực hiện Quyết định số '
        '1322/QĐ-TTg ngày 31/8/2020 của Thủ …»: thẻ «{{ plan|cita }}»: không có bộ lọc “cita” '
        '— có phải “cite”?',
    ],
    "unknown-item-attribute": [
        'Lỗi: đoạn 17 (đầu văn bản, trước tiêu đề đầu tiên) «- {{ item.txt }}»: thẻ «{{ '
        'item.txt }}»: “item” (Paragraph) không có thuộc tính “txt” — có phải “text”?',
    ],
    "unknown-loop-attribute": [
        'Lỗi: đoạn 41 (sau tiêu đề “a) Về xây dựng kế hoạch triển khai thực hiện”) «- {{ '
        'd|cite }}{% if loop.lst %}.{% else %};{% endif %}»: thẻ «{% if loop.lst %}»: “loop” '
        'không có thuộc tính “lst” — có phải “last”?',
    ],
}


@pytest.fixture(scope="module")
def context():
    return sample_context()


@pytest.fixture(scope="module")
def intact_text(context):
    return rendered_text(TEMPLATE, context)


def corpus_maker():
    """Import tests/data/templates/make_corpus.py, which is not on the import path."""
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(path: Path, context) -> list[str]:
    return [f"{p.severity.value}: {p}" for p in check_template(path, context)]


def rendered_text(path: Path, context) -> str | None:
    """Return every text of the rendered report (deleted text and the title too), or None."""
    try:
        data = render(path, context)
    except Exception:  # the defect makes docxtpl or Jinja fail: that is what we look for
        return None
    with zipfile.ZipFile(BytesIO(data)) as z:
        xml = "".join(z.read(n).decode() for n in sorted(z.namelist())
                      if re.fullmatch(r"word/(document|header\d+)\.xml|docProps/core\.xml", n))
    return "¶".join(re.findall(r"<(?:w:t|w:delText|dc:title)\b[^>]*>([^<]*)<", xml))


def test_corpus_holds_one_file_per_defect():
    assert sorted(p.stem for p in CORPUS.glob("*.docx")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_broken_template_gives_exactly_its_messages(defect, context):
    assert messages(CORPUS / f"{defect}.docx", context) == EXPECTED[defect]


def test_intact_template_passes(context):
    assert check_template(TEMPLATE, context) == []


@pytest.mark.parametrize("defect", sorted(EXPECTED))
def test_each_defect_is_real(defect, context, intact_text):
    """An error breaks the render or changes the report; a warning's report reads the same."""
    text = rendered_text(CORPUS / f"{defect}.docx", context)
    if defect in DROPPED_BEFORE_RENDERING:
        from docxtpl import DocxTemplate

        with zipfile.ZipFile(CORPUS / f"{defect}.docx") as z:
            xml = z.read("word/document.xml").decode()
        assert DROPPED_BEFORE_RENDERING[defect] in xml
        assert DROPPED_BEFORE_RENDERING[defect] not in DocxTemplate.patch_xml(None, xml)
    elif defect in WARNINGS:
        assert text == intact_text
    else:
        assert text != intact_text
    assert all(m.startswith("Cảnh báo") for m in EXPECTED[defect]) == (defect in WARNINGS)


@pytest.mark.parametrize("defect", sorted(FIXABLE))
def test_fix_repairs_a_copy_that_then_passes(defect, context, intact_text, tmp_path):
    source, target = CORPUS / f"{defect}.docx", tmp_path / "da-sua.docx"
    before = source.read_bytes()
    changes = fix_template(source, target)
    assert len(changes) == 1
    assert check_template(target, context) == []
    text = rendered_text(target, context)
    if "properties" in defect:  # the title was the defect's own: it renders now
        assert text.startswith("Báo cáo năm 2023¶")
    else:
        assert text == intact_text
    assert source.read_bytes() == before


def test_fix_says_what_it_changed(tmp_path):
    changes = fix_template(CORPUS / "smart-quotes-in-tag.docx", tmp_path / "x.docx")
    assert changes == [
        "đoạn 16 (đầu văn bản, trước tiêu đề đầu tiên) «{%p if item.kind == ‘dash’ %}»: đổi "
        "nháy cong thành nháy thẳng trong thẻ «{%p if item.kind == ‘dash’ %}»"]


def test_fix_writes_nothing_when_no_repair_is_safe(tmp_path):
    assert fix_template(CORPUS / "unclosed-if.docx", tmp_path / "x.docx") == []
    assert not (tmp_path / "x.docx").exists()


def test_cli_check_template_exit_codes_and_words(tmp_path):
    runner = CliRunner()
    clean = runner.invoke(main, ["check-template", str(TEMPLATE)])
    assert (clean.exit_code, clean.output) == (0, "Kiểm tra theo trường dữ liệu của báo cáo năm "
                                               "(theo tên tệp; chọn loại khác bằng --mau).\n"
                                               f"Mẫu “{TEMPLATE}” không có lỗi.\n")
    broken = runner.invoke(main, ["check-template", str(CORPUS / "unclosed-if.docx")])
    assert broken.exit_code == 1
    assert broken.stderr.startswith("Lỗi (1):\n  - " + EXPECTED["unclosed-if"][0][5:])
    shutil.copy(CORPUS / "smart-quotes-in-tag.docx", tmp_path / "mau.docx")
    fixed = runner.invoke(main, ["check-template", str(tmp_path / "mau.docx"), "--fix"])
    assert fixed.exit_code == 0
    assert f"và ghi vào “{tmp_path / 'mau.da-sua.docx'}”" in fixed.output
    assert fixed.output.endswith(f"Mẫu “{tmp_path / 'mau.da-sua.docx'}” không có lỗi.\n")


def test_cli_check_template_of_a_missing_file():
    result = CliRunner().invoke(main, ["check-template", "khong-co.docx"])
    assert result.exit_code == 1
    assert result.stderr == (f"Lỗi: không tìm thấy tệp mẫu “khong-co.docx” (đã tìm: "
                             f"{Path.cwd() / 'khong-co.docx'}). Hãy ghi đúng đường dẫn tới tệp "
                             "Word .docx, ví dụ: templates/bao-cao-nam.docx.\n")


def test_cli_check_template_of_a_misspelt_name_lists_the_templates_there(tmp_path):
    for name in ("bao-cao-nam.docx", "tong-ket-giai-doan.docx"):
        (tmp_path / name).write_bytes(b"")
    result = CliRunner().invoke(main, ["check-template", str(tmp_path / "bao-cao-nma.docx")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Lỗi: không tìm thấy tệp mẫu “{tmp_path / 'bao-cao-nma.docx'}” (đã tìm: "
        f"{tmp_path / 'bao-cao-nma.docx'}). Có phải ý bạn là “{tmp_path / 'bao-cao-nam.docx'}”? "
        f"Các tệp mẫu trong thư mục “{tmp_path}”: bao-cao-nam.docx, tong-ket-giai-doan.docx. Hãy "
        "ghi đúng đường dẫn tới tệp Word .docx, ví dụ: templates/bao-cao-nam.docx.")
    # a folder of templates is checked as the templates it holds (issue 21, item 7)…
    folder = CliRunner().invoke(main, ["check-template", str(tmp_path)])
    assert folder.exit_code == 1
    assert folder.stdout.splitlines()[0] == ("Kiểm tra theo trường dữ liệu của báo cáo năm (mẫu "
                                             "dùng cho mọi năm).")
    assert folder.stderr == (f"Lỗi: “{tmp_path / 'bao-cao-nam.docx'}” không phải tệp Word .docx "
                             "đọc được (BadZipFile)\n")
    # …and a folder holding none of ours says what it holds
    other = tmp_path / "khac"
    other.mkdir()
    (other / "mau-rieng.docx").write_bytes(b"")
    folder = CliRunner().invoke(main, ["check-template", str(other)])
    assert folder.stderr.startswith(f"Lỗi: “{other}” là một thư mục, chưa phải tệp mẫu "
                                    f"(đã tìm: {other}). Các tệp mẫu trong thư mục")


def province_template(province: Path, defect: str) -> None:
    (province / "templates").mkdir()
    shutil.copy(CORPUS / f"{defect}.docx", province / "templates" / "bao-cao-nam.docx")


def test_build_refuses_a_broken_template_and_writes_nothing(province_copy):
    province_template(province_copy, "unclosed-if")
    with pytest.raises(TemplateError) as caught:
        build(province_copy / "2023")
    message = str(caught.value)
    assert f"có 1 lỗi:\n  - {EXPECTED['unclosed-if'][0][5:]}\n" in message
    assert not (province_copy.parent.parent / "outputs").exists()


def test_build_passes_template_warnings_on(province_copy):
    province_template(province_copy, "smart-quotes-in-tag")
    result = build(province_copy / "2023")
    assert [f"Cảnh báo: {w}" for w in result.warnings if "nháy" in str(w)] == \
        EXPECTED["smart-quotes-in-tag"]


def test_sandbox_blocks_python_internals(tmp_path, context):
    maker = corpus_maker()
    path = maker.write("mau", maker.BODY, lambda r: maker.edit_text(
        r, "{{ agency.closing }}", "{{ ''.__class__ }}"), tmp_path)
    with pytest.raises(TemplateError) as caught:
        render(path, context)  # the sandbox itself, without the check before it
    assert str(caught.value).startswith("mẫu “mau.docx”: ")
    assert [p.message for p in check_template(path, context)] == [
        "không được dùng “__class__” (thuộc tính nội bộ của Python; mẫu chạy trong hộp cát "
        "an toàn)"]


def test_province_template_is_found_first(tmp_path):
    folders = search_path(tmp_path / "inputs" / "an-giang", tmp_path)
    for folder in folders:
        folder.mkdir(parents=True)
        (folder / "bao-cao-nam.docx").write_bytes(b"")
    assert find_template("bao-cao-nam.docx", folders) == folders[0] / "bao-cao-nam.docx"
    (folders[0] / "bao-cao-nam.docx").unlink()
    assert find_template("bao-cao-nam.docx", folders) == folders[1] / "bao-cao-nam.docx"


def test_missing_template_lists_every_place_searched(tmp_path):
    folders = search_path(tmp_path / "inputs" / "an-giang", tmp_path)
    with pytest.raises(TemplateError) as caught:
        find_template("bao-cao-nam.docx", folders)
    assert str(caught.value) == (
        "không tìm thấy mẫu báo cáo “bao-cao-nam.docx”. Đã tìm ở: "
        f"{tmp_path}/inputs/an-giang/templates/bao-cao-nam.docx; "
        f"{tmp_path}/templates/bao-cao-nam.docx")
