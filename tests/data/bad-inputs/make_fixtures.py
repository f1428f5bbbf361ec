"""Regenerate the workbook files that tests/inputs/test_bad_inputs.py cannot make on the fly.

Run `python tests/data/bad-inputs/make_fixtures.py` from the project root. Every other defect
is made by the tests themselves from a copy of the Hưng Yên sample, so it follows the schema.

`password-protected.xlsx` needs `msoffcrypto-tool` (pip install msoffcrypto-tool), which is not
a dependency of the project: without it the committed file is left as it is.
"""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).resolve().parent
PASSWORD = "matkhau"


def small_workbook() -> bytes:
    """Return a valid one-sheet workbook: the content of these fixtures never matters."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Thông tin chung"
    wb.active.append(["Mục", "Giá trị"])
    wb.active.append(["Năm báo cáo", 2023])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def password_protected() -> bytes | None:
    """Return the small workbook encrypted as Excel does for “Encrypt with Password”."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return None
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(small_workbook())).encrypt(PASSWORD, encrypted)
    return encrypted.getvalue()


def old_xls_header() -> bytes:
    """Return an OLE2 compound-file header without encryption, as an .xls file begins."""
    return bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)


def truncated() -> bytes:
    """Return the first 60% of a workbook, as a copy interrupted half way leaves it."""
    data = small_workbook()
    return data[: len(data) * 6 // 10]


def main() -> None:
    files = {"old-xls-format.xlsx": old_xls_header(), "truncated.xlsx": truncated()}
    protected = password_protected()
    if protected is None:
        print("msoffcrypto-tool is not installed: password-protected.xlsx left as it is")
    else:
        files["password-protected.xlsx"] = protected
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
