"""Regenerate the corpus of broken templates from the intact templates/bao-cao-nam.docx.

Each file carries exactly one defect an editor can make in Word and is named after it; the
expected messages of each are in tests/template_check/test_checking.py. From the project root:

    python tests/data/templates/make_corpus.py [TEMPLATE]

TEMPLATE defaults to templates/bao-cao-nam.docx. Regenerate only when you want the corpus to
follow a changed template, then update the expected messages (paragraph numbers and headings
follow the template). Zip entries keep the template's order and timestamps, so the same
template gives the same bytes.
"""

from __future__ import annotations

import copy
import sys
import zipfile
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE.parents[2] / "templates" / "bao-cao-nam.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BODY, HEADER, CORE = "word/document.xml", "word/header1.xml", "docProps/core.xml"


def paragraphs(root):
    return list(root.iter(W + "p"))


def text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def find(root, wanted: str, after: str | None = None):
    """Return the first paragraph whose text is `wanted` (after the one whose text is `after`)."""
    seen = after is None
    for p in paragraphs(root):
        if seen and text(p) == wanted:
            return p
        seen = seen or text(p) == after
    raise LookupError(f"no paragraph {wanted!r} after {after!r}")


def set_text(p, new: str) -> None:
    ts = list(p.iter(W + "t"))
    ts[0].text = new
    for t in ts[1:]:
        t.getparent().remove(t)


def edit_text(root, old: str, new: str, after: str | None = None) -> None:
    """Replace `old` by `new` in the first run holding it (after the paragraph `after`)."""
    seen = after is None
    for p in paragraphs(root):
        for t in p.iter(W + "t"):
            if seen and old in (t.text or ""):
                t.text = t.text.replace(old, new, 1)
                return
        seen = seen or text(p) == after
    raise LookupError(old)


def run(t: str, rpr: str = ""):
    xml = f'<w:r xmlns:w="{W[1:-1]}">{rpr}<w:t xml:space="preserve">{t}</w:t></w:r>'
    return etree.fromstring(xml)


def split_run(p, parts: list[tuple[str, str]]) -> None:
    """Replace the paragraph's runs by runs of the given (text, rPr XML) pairs."""
    for r in p.findall(W + "r"):
        p.remove(r)
    for t, rpr in parts:
        p.append(run(t, rpr))


def insert_after(p, new_text: str):
    new = copy.deepcopy(p)
    set_text(new, new_text)
    p.addnext(new)
    return new


def delete(p) -> None:
    p.getparent().remove(p)


def write_in_next_cell(p, new_text: str) -> None:
    """Write text into the cell right of the one holding paragraph `p`."""
    cell = next(p.iterancestors(W + "tc"))
    cell.getnext().find(W + "p").append(run(new_text))


def tracked_deletion(p, deleted: str) -> None:
    xml = (f'<w:del xmlns:w="{W[1:-1]}" w:id="90" w:author="Biên tập viên" '
           f'w:date="2024-01-02T08:00:00Z"><w:r><w:delText xml:space="preserve">{deleted}'
           f'</w:delText></w:r></w:del>')
    p.insert(1 if p.find(W + "pPr") is not None else 0, etree.fromstring(xml))


AFTER_II2 = "2. Những tồn tại và vướng mắc"
AFTER_II3 = "3. Nguyên nhân của những tồn tại, vướng mắc"
AFTER_I1C = ("c) Về thực hiện lồng ghép các nhiệm vụ của Chương trình trong các nhiệm vụ, đề án, "
             "chương trình khác tại địa phương")
PLANS_LOOP = "{%p for d in plans_documents %}"
GROUPS_LOOP = "{%p for group in task_groups %}"
ITALIC = '<w:rPr><w:i/></w:rPr>'

# file name -> (part, edit of the part's root): one defect each.
DEFECTS = {
    "unclosed-if": (BODY, lambda r: delete(find(r, "{%p endif %}", AFTER_II2))),
    "stray-endfor": (BODY, lambda r: insert_after(find(r, "{%p endfor %}", PLANS_LOOP),
                                                  "{%p endfor %}")),
    "missing-endmacro": (BODY, lambda r: delete(find(r, "{%p endmacro %}"))),
    "misspelt-endif": (BODY, lambda r: set_text(find(r, "{%p endif %}", AFTER_II3),
                                                "{%p endfi %}")),
    "unclosed-variable": (BODY, lambda r: edit_text(r, "năm {{ year }} của", "năm {{ year } của")),
    "invalid-expression": (BODY, lambda r: edit_text(r, "{{ year + 1 }}", "{{ year + }}")),
    "tag-across-paragraphs": (BODY, lambda r: set_text(
        insert_after(find(r, "{{ agency.closing }}"), "closing }}").getprevious(),
        "{{ agency.")),
    "unknown-field": (BODY, lambda r: edit_text(r, "{{ place_date }}", "{{ palce_date }}")),
    "unknown-attribute": (BODY, lambda r: edit_text(r, "{{ agency.signer_name }}",
                                                    "{{ agency.signer }}")),
    "unknown-item-attribute": (BODY, lambda r: edit_text(r, "- {{ item.text }}",
                                                         "- {{ item.txt }}")),
    "unknown-loop-attribute": (BODY, lambda r: edit_text(r, "loop.last", "loop.lst")),
    "unknown-filter": (BODY, lambda r: edit_text(r, "{{ plan|cite }}", "{{ plan|cita }}")),
    "python-internals": (BODY, lambda r: edit_text(r, "{{ agency.closing }}",
                                                   "{{ agency.__class__ }}")),
    "unknown-field-in-page-header": (HEADER, lambda r: r.find(W + "p").insert(
        1, run("{{ agency.agncy }} – "))),
    "smart-quotes-in-tag": (BODY, lambda r: edit_text(r, "== 'dash'", "== ‘dash’")),
    "smart-quotes-in-file-properties": (CORE, lambda r: setattr(
        r.find("{http://purl.org/dc/elements/1.1/}title"), "text",
        "{{ “Báo cáo năm ” ~ year }}")),
    "tag-split-across-formatted-runs": (BODY, lambda r: split_run(
        find(r, "{{ agency.signer_name }}"), [("{{ agency.", ""), ("signer_name }}", ITALIC)])),
    "p-tag-not-alone-in-paragraph": (BODY, lambda r: (  # Delete pressed at the end of a line
        set_text(find(r, "{{ agency.authority }}"), "{{ agency.authority }}{%p endif %}"),
        delete(find(r, "{%p endif %}", "{{ agency.authority }}{%p endif %}")))),
    "space-before-p-prefix": (BODY, lambda r: set_text(find(r, "{%p if integration %}"),
                                                       "{% p if integration %}")),
    "p-prefix-missing-on-endif": (BODY, lambda r: set_text(find(r, "{%p endif %}", AFTER_I1C),
                                                           "{% endif %}")),
    "percent-in-p-tag": (BODY, lambda r: edit_text(r, "không phát sinh nội dung này.'",
                                                   "không phát sinh nội dung này (0%).'")),
    "tr-tag-outside-table": (BODY, lambda r: (
        set_text(find(r, "{%p endfor %}", PLANS_LOOP), "{%tr endfor %}"),
        set_text(find(r, PLANS_LOOP), "{%tr for d in plans_documents %}"))),
    "tc-tag-outside-table": (BODY, lambda r: (
        set_text(find(r, "{%p endfor %}", GROUPS_LOOP), "{%tc endfor %}"),
        set_text(find(r, GROUPS_LOOP), "{%tc for group in task_groups %}"))),
    "text-beside-tr-tag-in-its-row": (BODY, lambda r: write_in_next_cell(
        find(r, "{%tr for i in indicators %}"), "Ghi chú của người sửa mẫu")),
    "tracked-deletion-with-tag": (BODY, lambda r: tracked_deletion(
        find(r, "{{ place_date }}"), "{{ agency.place }}, ")),
}


def write(name: str, part: str, edit, folder: Path = HERE, template: Path = TEMPLATE) -> Path:
    """Write `folder`/<name>.docx: the intact template with `edit` applied to one part."""
    target = folder / f"{name}.docx"
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == part:
                root = etree.fromstring(data)
                edit(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            out.writestr(info, data)
    return target


def main(argv: list[str]) -> int:
    template = Path(argv[0]) if argv else TEMPLATE
    for name, (part, edit) in DEFECTS.items():
        print(write(name, part, edit, HERE, template).relative_to(HERE.parents[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
