"""Effective formatting of a paragraph as Word computes it: direct → style chain → defaults.

Only what the layout tests need: font name and size, bold, italic, caps; alignment, indents,
spacing. Values come from the XML, so the tests see what Word and LibreOffice see.
"""

from __future__ import annotations

from docx.oxml.ns import qn

EMU_PER_CM = 360000
TWIPS_PER_CM = 567.0


class Styles:
    def __init__(self, document):
        self.root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in self.root.findall(qn("w:style"))}
        defaults = self.root.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        ppr_default = defaults.find(qn("w:pPrDefault"))
        self.default_ppr = ppr_default.find(qn("w:pPr")) if ppr_default is not None else None
        self.default_para = next(s for s in self.root.findall(qn("w:style"))
                                 if s.get(qn("w:type")) == "paragraph"
                                 and s.get(qn("w:default")) == "1").get(qn("w:styleId"))

    def chain(self, style_id):
        """Yield the style and its basedOn ancestors."""
        while style_id and style_id in self.by_id:
            style = self.by_id[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def style_of(self, p) -> str:
        ppr = p.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return ps.get(qn("w:val")) if ps is not None else self.default_para

    def _props(self, p, run, container: str):
        """Yield property containers (rPr or pPr) from the most to the least specific."""
        if run is not None and container == "w:rPr" and run.find(qn("w:rPr")) is not None:
            yield run.find(qn("w:rPr"))
        ppr = p.find(qn("w:pPr"))
        if container == "w:pPr" and ppr is not None:
            yield ppr
        for style in self.chain(self.style_of(p)):
            if style.find(qn(container)) is not None:
                yield style.find(qn(container))
        default = self.default_rpr if container == "w:rPr" else self.default_ppr
        if default is not None:
            yield default

    def run_prop(self, p, run, tag: str, attr: str = "w:val"):
        for props in self._props(p, run, "w:rPr"):
            el = props.find(qn(tag))
            if el is not None:
                return el.get(qn(attr), "true") if attr == "w:val" else el.get(qn(attr))
        return None

    def para_prop(self, p, tag: str, attr: str):
        for props in self._props(p, None, "w:pPr"):
            el = props.find(qn(tag))
            if el is not None and el.get(qn(attr)) is not None:
                return el.get(qn(attr))
        return None

    # --- conveniences used by the tests ---------------------------------------------------

    def size_pt(self, p, run=None) -> float:
        return int(self.run_prop(p, run, "w:sz")) / 2

    def flag(self, p, run, tag: str) -> bool:
        value = self.run_prop(p, run, tag)
        return value not in (None, "0", "false")

    def font(self, p, run=None) -> tuple[str | None, ...]:
        return tuple(self.run_prop(p, run, "w:rFonts", f"w:{s}")
                     for s in ("ascii", "hAnsi", "cs", "eastAsia"))

    def alignment(self, p) -> str:
        return self.para_prop(p, "w:jc", "w:val") or "left"

    def indent_cm(self, p, attr: str) -> float:
        value = self.para_prop(p, "w:ind", f"w:{attr}")
        return int(value) / TWIPS_PER_CM if value else 0.0

    def spacing(self, p, attr: str) -> int | None:
        value = self.para_prop(p, "w:spacing", f"w:{attr}")
        return int(value) if value is not None else None


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def runs(p):
    return [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
