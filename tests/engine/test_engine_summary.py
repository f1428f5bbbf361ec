"""One engine for every kind (issue 21): the summary and its draft plan go through the same
strict gate, are fingerprinted and rebuilt only when something they read changed."""

from __future__ import annotations

import shutil
import time

from click.testing import CliRunner
from conftest import ROOT
from hostile import rewrite

from ncnsc_reports.cli import main
from ncnsc_reports.engine import BuildOptions, build
from ncnsc_reports.outputs.fingerprint import is_unchanged

PLAN = "du-thao-ke-hoach.docx"


def _split_a_tag(template) -> None:
    """{{ issuer }} split across two runs formatted differently (the second bold): a warning
    of check-template (“thẻ bị tách định dạng”), fixable with --fix."""
    rewrite(template, "word/document.xml", lambda xml: xml.replace(
        "<w:t>{{ issuer }}</w:t>",
        "<w:t>{{ iss</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>uer }}</w:t>", 1))


def test_strict_refuses_a_summary_whose_draft_plan_template_draws_a_warning(tmp_path):
    templates = tmp_path / "mau"
    templates.mkdir()
    shutil.copy(ROOT / "templates" / PLAN, templates / PLAN)
    _split_a_tag(templates / PLAN)
    checked = CliRunner().invoke(main, ["check-template", str(templates / PLAN)])
    assert "Cảnh báo (1):" in checked.output  # a warning, not an error
    period = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"
    lenient = build(period, BuildOptions(out_root=tmp_path / "a", templates=templates))
    assert lenient.ok and any("tách" in p.message for p in lenient.warnings)
    result = CliRunner().invoke(main, ["build", str(period), "--templates", str(templates),
                                       "--strict", "--out", str(tmp_path / "b")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "Lỗi (1):"
    assert f"Hãy sửa mẫu Word “{templates / PLAN}”" in lines[-1]
    assert "do --strict" in lines[-1]
    assert not (tmp_path / "b").exists()  # nothing written, the summary neither


def test_a_second_unchanged_summary_build_writes_nothing_and_is_quick(an_giang_copy, tmp_path):
    period = an_giang_copy / "tong-ket-2021-2025"
    options = BuildOptions(out_root=tmp_path / "out")
    start = time.perf_counter()
    first = build(period, options)
    cold = time.perf_counter() - start
    assert first.ok and not first.up_to_date and len(first.outputs) == 4
    stamps = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in first.outputs}
    start = time.perf_counter()
    second = build(period, options)
    warm = time.perf_counter() - start
    assert second.ok and second.up_to_date
    assert sorted(second.outputs) == sorted(first.outputs) and second.path == first.path
    assert {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in first.outputs} == stamps
    assert warm < cold / 3, (warm, cold)


def test_a_changed_year_of_the_period_rebuilds_the_summary(an_giang_copy, tmp_path):
    from conftest import edit_workbook

    period = an_giang_copy / "tong-ket-2021-2025"
    options = BuildOptions(out_root=tmp_path / "out")
    assert build(period, options).ok
    edit_workbook(an_giang_copy / "2022" / "bao-cao-2022.xlsx", "Nội dung",
                  {"C2": "Đoạn văn sửa lại."})
    assert not build(period, options).up_to_date


def test_every_summary_output_carries_its_fingerprint(built_samples):
    result = built_samples("an-giang/tong-ket-2021-2025")  # the shared build: read only
    assert [p.suffix for p in result.outputs].count(".docx") == 2
    assert all(is_unchanged(p.read_bytes()) for p in result.outputs)


def test_build_all_builds_the_summary_folder_too(built_all):
    project, exit_code, output = built_all  # --all over a copy of inputs/, run once (conftest)
    assert exit_code == 0, output
    summary = (project / "outputs" / "an-giang" / "tong-ket-2021-2025"
               / "bao-cao-tong-ket-an-giang-2021-2025.docx")
    assert f"  ✓ an-giang/tong-ket-2021-2025: {summary}" in output.splitlines()
    assert summary.is_file()
