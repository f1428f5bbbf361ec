"""A generated file's own proof that it is unchanged: a fingerprint in its document properties.

The manifest beside the outputs says which files a build wrote; when it is lost (deleted,
outputs copied elsewhere), every report would look hand-edited. So each .docx/.xlsx also carries,
as a custom document property (ECMA-376 Part 1, §22.3 Custom File Properties: docProps/custom.xml,
shown by Word in File › Properties › Custom), the SHA-256 of all its other parts. A file whose
parts still hash to the value it carries was not changed since it was written: Word and Excel
rewrite the parts on every save, so an edit (even open-and-save) breaks the match.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

PROPERTY = "ncnsc-report-sha256"
CUSTOM_PART = "docProps/custom.xml"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
# The format id every custom property carries (ECMA-376 Part 1, §22.3.2.2).
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def fingerprinted(parts: dict[str, bytes]) -> dict[str, bytes]:
    """Return the parts of a package (in order) with the fingerprint: its property in
    docProps/custom.xml (added last when new), declared in the content types and relationships.
    Given to the function that zips the package (`reproducible.normalise_zip`), so adding it
    costs no second compression."""
    parts = dict(parts)
    parts["[Content_Types].xml"] = _with_content_type(parts["[Content_Types].xml"])
    parts["_rels/.rels"] = _with_relationship(parts["_rels/.rels"])
    parts[CUSTOM_PART] = _with_property(parts.get(CUSTOM_PART), digest(parts))
    return parts


def is_unchanged(package: bytes) -> bool:
    """Return whether `package` carries a fingerprint matching its parts, and nothing else:
    it must end with the zip's end record (no comment), as `normalise_zip` writes it."""
    from lxml import etree

    if package[-22:-18] != b"PK\x05\x06":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
        root = etree.fromstring(parts[CUSTOM_PART])
    except (zipfile.BadZipFile, KeyError, OSError, etree.XMLSyntaxError):
        return False
    found = root.xpath(f"c:property[@name='{PROPERTY}']/vt:lpwstr/text()",
                       namespaces={"c": _CUSTOM_NS, "vt": _VT})
    return bool(found) and found[0] == digest(parts)


def digest(parts: dict[str, bytes]) -> str:
    """SHA-256 over every part but docProps/custom.xml, by name, each delimited."""
    h = hashlib.sha256()
    for name in sorted(parts):
        if name != CUSTOM_PART:
            h.update(name.encode() + b"\0" + str(len(parts[name])).encode() + b"\0")
            h.update(parts[name])
    return h.hexdigest()


def _with_content_type(xml: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    if not root.xpath("t:Override[@PartName='/docProps/custom.xml']", namespaces={"t": _CT}):
        etree.SubElement(root, f"{{{_CT}}}Override", PartName="/" + CUSTOM_PART,
                         ContentType=_CUSTOM_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_relationship(xml: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    if not root.xpath("r:Relationship[@Type=$t]", namespaces={"r": _RELS}, t=_CUSTOM_REL):
        ids = set(root.xpath("r:Relationship/@Id", namespaces={"r": _RELS}))
        new_id = next(f"rId{n}" for n in range(len(ids) + 1, len(ids) + 1000)
                      if f"rId{n}" not in ids)
        etree.SubElement(root, f"{{{_RELS}}}Relationship", Id=new_id, Type=_CUSTOM_REL,
                         Target=CUSTOM_PART)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_property(xml: bytes | None, value: str) -> bytes:
    """docProps/custom.xml with our property set to `value` (other properties kept)."""
    from lxml import etree

    root = (etree.fromstring(xml) if xml else
            etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT}))
    for old in root.xpath(f"c:property[@name='{PROPERTY}']", namespaces={"c": _CUSTOM_NS}):
        root.remove(old)
    # pid: 2 and up, unique in the part (ECMA-376 Part 1, §22.3.2.2)
    pids = [int(p) for p in root.xpath("c:property/@pid", namespaces={"c": _CUSTOM_NS})]
    prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_FMTID,
                            pid=str(max(pids, default=1) + 1), name=PROPERTY)
    etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
