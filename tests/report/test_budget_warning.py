"""A plan in force without an estimate for the report year is warned, naming the row to add
(Đồng Tháp 2026: 224/KH-UBND has no 2026 row in “Kinh phí kế hoạch”)."""

from __future__ import annotations

import shutil

from conftest import ROOT, append_row
from docx_text import docx_lines

from ncnsc_reports.pipeline import build

WARNING = (
    "ho-so-tinh.xlsx › trang “Kinh phí kế hoạch”: chưa có dự toán năm 2026 của Kế hoạch số "
    "224/KH-UBND, nên câu “Về kinh phí” chỉ nêu kinh phí đã sử dụng, không nêu được dự toán năm "
    "2026 và Phụ lục I không có bảng kinh phí. Hãy thêm "
    "một dòng: cột “Văn bản” ghi “224/KH-UBND”, cột “Năm” ghi 2026, cột “Dự toán (đồng)” ghi dự "
    "toán kinh phí năm 2026 để thực hiện văn bản đó (văn bản không ghi số tiền thì lấy số được "
    "giao trong dự toán ngân sách năm)")


def test_missing_estimate_is_warned_and_the_row_it_names_brings_the_budget(tmp_path):
    province = tmp_path / "inputs" / "dong-thap"
    shutil.copytree(ROOT / "inputs" / "dong-thap", province)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    before = build(province / "2026", tmp_path / "out")
    assert WARNING in [str(w) for w in before.warnings]
    spent = [x for x in docx_lines(before.path) if x.startswith("- Về kinh phí")]
    # review M4; the whole province's money, KH 224 covering the former Tiền Giang only (§7)
    assert spent == ["- Về kinh phí: năm 2026 chưa có dự toán theo Kế hoạch số 224/KH-UBND; trên "
                     "toàn địa bàn tỉnh đã sử dụng 206.000.000 đồng (hỗ trợ doanh nghiệp "
                     "146.000.000 đồng từ nguồn ngân sách tỉnh; tập huấn 60.000.000 đồng)."]
    assert not any(x.startswith("Kinh phí thực hiện theo") for x in docx_lines(before.path))

    append_row(province / "ho-so-tinh.xlsx", "Kinh phí kế hoạch",
               ("224/KH-UBND", 2026, 500_000_000))
    after = build(province / "2026", tmp_path / "out2")
    assert not any("Kinh phí kế hoạch" in str(w) for w in after.warnings)
    budget = [x for x in docx_lines(after.path) if x.startswith("- Về kinh phí")]
    assert len(budget) == 1 and "500.000.000 đồng" in budget[0]
