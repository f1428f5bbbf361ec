"""A third kind of document added through the list of kinds alone (issue 21): no edit to the
engine, `cli` or `template_check`. The toy kind: a folder inputs/<tỉnh>/ghi-chu-<năm> holding
a text file becomes ghi-chu-<tỉnh>-<năm>.docx from a template ghi-chu.docx. This module is
also the kind's work module (`Kind.module`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import docx

from ncnsc_reports import kinds
from ncnsc_reports.engine import BuildOptions, build
from ncnsc_reports.kinds import Document, Inputs, Kind, Prepared, Template

TOY = Kind("ghi-chu", "ghi chú", __name__,
           (Template("ghi-chu", "ghi chú", "ghi-chu.docx", "dữ liệu minh họa"),),
           recognises=lambda name: name.startswith("ghi-chu-"))


def main_name(folder: Path) -> str:
    return f"ghi-chu-{folder.parent.name}-{folder.name.removeprefix('ghi-chu-')}.docx"


def inputs(folder: Path) -> Inputs:
    return Inputs([folder.resolve()], [])


@dataclass(frozen=True)
class NoteContext:
    """What the toy template sees (a kind's context is typed: kinds.Document)."""

    text: str


def prepare(folder: Path, options) -> Prepared:
    text = (folder / "noi-dung.txt").read_text(encoding="utf-8")
    document = Document(main_name(folder), "ghi-chu.docx", NoteContext(text))
    return Prepared(dt.date(2024, 12, 1), [document], [], lambda when: {}, [folder.resolve()])


def sample_context(template: Template) -> NoteContext:
    return NoteContext("Ghi chú mẫu (dữ liệu minh họa).")


def test_a_toy_kind_builds_through_the_list_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(kinds, "KINDS", [*kinds.KINDS, TOY])
    (tmp_path / "templates").mkdir()
    template = docx.Document()
    template.add_paragraph("Ghi chú: {{ text }}")
    template.save(str(tmp_path / "templates" / "ghi-chu.docx"))
    folder = tmp_path / "inputs" / "hung-yen" / "ghi-chu-2024"
    folder.mkdir(parents=True)
    (folder / "noi-dung.txt").write_text("Họp Hội đồng ngày 1/12.", encoding="utf-8")

    result = build(folder, BuildOptions(out_root=tmp_path / "outputs"))
    assert result.ok and result.kind == "ghi-chu", result.errors
    assert result.path == tmp_path / "outputs" / "hung-yen" / "ghi-chu-2024" / \
        "ghi-chu-hung-yen-2024.docx"
    assert [p.text for p in docx.Document(str(result.path)).paragraphs] == [
        "Ghi chú: Họp Hội đồng ngày 1/12."]
    assert build(folder, BuildOptions(out_root=tmp_path / "outputs")).up_to_date
    assert kinds.sample_context("ghi-chu") == NoteContext("Ghi chú mẫu (dữ liệu minh họa).")
