"""Word's own view of every .docx the tool writes (issue 22, item 6; review M18, M19).

No template or output carries `word/stylesWithEffects.xml` (python-docx's stale Word 2010 copy
of the styles, which makes Word likely to repair the file), and an independent OOXML validator
(openxml-audit, Microsoft 365 profile, pinned in the test extras) finds no error in any template
nor in any document built from the samples: every yearly report, the phase summary and the draft
plan.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

openxml_audit = pytest.importorskip("openxml_audit")  # pinned in [test]; reported, never silent

TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))
SAMPLES = sorted(p for p in (ROOT / "inputs").glob("*/[0-9][0-9][0-9][0-9]") if p.is_dir())
SUMMARIES = sorted(p for p in (ROOT / "inputs").glob("*/tong-ket-*") if p.is_dir())


def audit(path: Path) -> list[str]:
    """Every error openxml-audit reports for `path` (Microsoft 365 profile, strict)."""
    from openxml_audit import FileFormat, OpenXmlValidator

    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0).validate(path)
    return [f"{e.part_uri}: {e.description}" for e in result.errors]


@pytest.fixture(scope="module")
def outputs(built_samples) -> list[Path]:
    """Every .docx built from the samples: yearly reports, summaries and draft plans."""
    folders = {built_samples(folder).path.parent for folder in (*SAMPLES, *SUMMARIES)}
    return sorted(p for folder in folders for p in folder.glob("*.docx"))


def test_the_samples_give_every_kind_of_document(outputs):
    names = [p.name for p in outputs]
    assert len(SAMPLES) >= 7 and len(outputs) >= len(SAMPLES) + 2
    assert any(n.startswith("du-thao-ke-hoach") for n in names)
    assert any(n.startswith("bao-cao-tong-ket") for n in names)


@pytest.mark.parametrize("path", TEMPLATES + [None], ids=lambda p: p.name if p else "outputs")
def test_no_styles_with_effects(path, outputs):
    for docx in [path] if path else outputs:
        with zipfile.ZipFile(docx) as z:
            assert "word/stylesWithEffects.xml" not in z.namelist(), docx.name
            assert b"stylesWithEffects" not in z.read("word/_rels/document.xml.rels")
            assert b"stylesWithEffects" not in z.read("[Content_Types].xml")


def test_templates_pass_openxml_audit():
    found = {t.name: audit(t) for t in TEMPLATES}
    assert len(found) == 3 and found == {name: [] for name in found}


def test_every_output_passes_openxml_audit(outputs):
    found = {p.name: audit(p) for p in outputs}
    assert found == {name: [] for name in found}
