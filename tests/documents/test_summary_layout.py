"""The period summary meets NĐ 30/2020 like the yearly report: every check of test_layout,
run on the An Giang 2021–2025 summary."""

from __future__ import annotations

import pytest
from docx import Document
from test_layout import *  # noqa: F403 — the same checks, on another document


@pytest.fixture(scope="module")
def doc(built_samples):
    return Document(str(built_samples("an-giang/tong-ket-2021-2025").path))


@pytest.fixture(scope="module")
def expected():
    return {
        "header": ("UBND TỈNH AN GIANG", "Số:       /BC-SKHCN",
                   "An Giang, ngày       tháng 12 năm 2025"),
        "summary": "Tổng kết việc thực hiện giai đoạn 2021-2025",
        "body": ("Thực hiện Quyết định số 1322", "Căn cứ điểm đ khoản 1 Mục VI",
                 "- Kế hoạch số 573/KH-UBND", "Giai đoạn 2021-2025 không phát sinh nội dung này",
                 "- Kết quả: hỗ trợ 06 hệ thống quản lý", "Giai đoạn 2021-2025 đã sử dụng"),
        "headings": ("I. Kế hoạch triển khai", "II. Kết quả thực hiện giai đoạn 2021-2025",
                     "III. Đánh giá chung", "IV. Phương hướng, nhiệm vụ giai đoạn 2026-2030",
                     "V. Đề xuất, kiến nghị", "1. Kết quả thực hiện các nhóm nhiệm vụ",
                     "1.3. Hỗ trợ doanh nghiệp", "3. Kinh phí thực hiện",
                     "4. Bài học kinh nghiệm"),
        "signer": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Người Ký Minh Họa"],
    }
