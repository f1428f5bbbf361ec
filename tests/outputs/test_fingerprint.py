"""A generated file is recognised as generated without the manifest: its own fingerprint."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner
from conftest import SAMPLE_YEAR

from ncnsc_reports.cli import main
from ncnsc_reports.outputs.fingerprint import PROPERTY, is_unchanged
from ncnsc_reports.outputs.write import manifest_path


def build(*args: str):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def test_the_fingerprint_is_a_custom_document_property(tmp_path):
    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    report = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    with zipfile.ZipFile(report) as z:
        custom = z.read("docProps/custom.xml").decode()
        assert f'name="{PROPERTY}"' in custom
        assert 'PartName="/docProps/custom.xml"' in z.read("[Content_Types].xml").decode()
        assert 'Target="docProps/custom.xml"' in z.read("_rels/.rels").decode()
    import docx  # python-docx reads it as an ordinary document

    assert docx.Document(str(report)).paragraphs
    assert is_unchanged(report.read_bytes())


def test_a_lost_manifest_gives_no_false_alarm(tmp_path):
    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    folder = tmp_path / "hung-yen" / "2023"
    manifest_path(folder).unlink()
    result = build(str(SAMPLE_YEAR), "--out", str(tmp_path), "--rebuild")
    assert result.exit_code == 0
    assert result.output == f"Đã tạo báo cáo: {folder / 'bao-cao-hung-yen-2023.docx'}\n"
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao-hung-yen-2023.docx"]


def test_an_indicator_workbook_is_fingerprinted_too(an_giang_copy, tmp_path):
    out = tmp_path / "out"
    assert build(str(an_giang_copy / "2023"), "--out", str(out)).exit_code == 0
    folder = out / "an-giang" / "2023"
    assert is_unchanged((folder / "chi-tieu.xlsx").read_bytes())
    manifest_path(folder).unlink()
    assert build(str(an_giang_copy / "2023"), "--out", str(out), "--rebuild").exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["bao-cao-an-giang-2023.docx",
                                                        "chi-tieu.xlsx"]


def test_an_edit_saved_by_a_word_processor_is_still_kept_without_the_manifest(tmp_path):
    import docx

    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    folder = tmp_path / "hung-yen" / "2023"
    report = folder / "bao-cao-hung-yen-2023.docx"
    document = docx.Document(str(report))  # keeps docProps/custom.xml, as Word does
    document.paragraphs[-1].add_run(" (đã sửa)")
    document.save(str(report))
    with zipfile.ZipFile(report) as z:
        assert PROPERTY in z.read("docProps/custom.xml").decode()
    assert not is_unchanged(report.read_bytes())
    manifest_path(folder).unlink()
    result = build(str(SAMPLE_YEAR), "--out", str(tmp_path), "--rebuild")
    assert result.exit_code == 0
    kept = [p for p in folder.iterdir() if "-sua-tay-" in p.name]
    assert len(kept) == 1 and f"được giữ lại thành: {kept[0]}" in result.output
    assert "(đã sửa)" in "\n".join(p.text for p in docx.Document(str(kept[0])).paragraphs)


def test_bytes_after_the_package_count_as_an_edit(tmp_path):
    assert build(str(SAMPLE_YEAR), "--out", str(tmp_path)).exit_code == 0
    report = tmp_path / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert not is_unchanged(report.read_bytes() + b" sua tay")
    assert not is_unchanged(b"not a zip")
