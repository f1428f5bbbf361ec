"""The clerk's prose of the sample year workbooks (written by `python -m tools.samples`).

Modelled on seed 004 (Sở KH&CN Hưng Yên, báo cáo năm 2023): the opening is one sentence,
“Căn cứ Công văn số …/BKHCN-TĐC ngày … của Bộ Khoa học và Công nghệ về việc …, Sở Khoa học và
Công nghệ tổng hợp và báo cáo kết quả như sau:” — the agency never annotates its own name
(review L1) — and sections II.2, II.3, III and IV say what a real report says there (review,
sample-content notes). Only the Ministry's letter of 2023 is real (4258/BKHCN-TĐC, seed 004);
every other number and date, and every paragraph, is illustrative and marked so (minh họa).
"""

from __future__ import annotations

MH = "(minh họa)"
TEXT, DASH = "Đoạn văn", "Gạch đầu dòng (-)"
PROGRAMME = ("Chương trình quốc gia hỗ trợ tổ chức, doanh nghiệp nâng cao năng suất và chất "
             "lượng sản phẩm, hàng hóa giai đoạn 2021-2030")
# The Ministry's yearly request: (number, date); True when real (seed 004), else illustrative.
MINISTRY_LETTERS = {2021: ("3590/BKHCN-TĐC", "15/11/2021", False),
                    2022: ("3925/BKHCN-TĐC", "14/11/2022", False),
                    2023: ("4258/BKHCN-TĐC", "17/11/2023", True),
                    2024: ("4105/BKHCN-TĐC", "12/11/2024", False),
                    2025: ("3870/BKHCN-TĐC", "10/11/2025", False),
                    2026: ("4120/BKHCN-TĐC", "09/11/2026", False)}


def opening(year: int) -> tuple[str, str, str]:
    """The “Mở đầu” row: the Ministry's letter and the agency's sentence, as one sentence."""
    number, date, real = MINISTRY_LETTERS[year]
    mark = "" if real else " (số, ngày văn bản minh họa)"
    return ("Mở đầu", TEXT, f"Căn cứ Công văn số {number} ngày {date}{mark} của Bộ Khoa học "
            f"và Công nghệ về việc báo cáo kết quả thực hiện nhiệm vụ năm {year} của "
            f"{PROGRAMME}, Sở Khoa học và Công nghệ tổng hợp và báo cáo kết quả như sau:")


def half_year_opening(year: int) -> tuple[str, str, str]:
    """A former province's last report, up to the day before the merger (30/6/2025)."""
    return ("Mở đầu", TEXT, "Căn cứ Công văn số 1520/UBND-KGVX ngày 02/6/2025 (số, ngày văn "
            "bản minh họa) của UBND tỉnh về việc báo cáo kết quả thực hiện các chương trình, kế "
            "hoạch của tỉnh đến ngày 30/6/2025 để bàn giao khi sắp xếp đơn vị hành chính, Sở "
            f"Khoa học và Công nghệ tổng hợp và báo cáo kết quả thực hiện {PROGRAMME} từ đầu "
            f"năm {year} đến ngày 30/6/{year} như sau:")


def closing_sections(direction: str, fund: str) -> list[tuple[str, str, str]]:
    """Sections II.2, II.3, III.1, III.2 and IV. `direction` opens III.1 (“Năm 2024, tiếp tục
    triển khai Kế hoạch số 573/KH-UBND ngày 28/9/2021 của UBND tỉnh”); `fund` is what IV asks
    the money for (“tiếp tục thực hiện Kế hoạch số …”)."""
    direction += ("; tập trung hỗ trợ doanh nghiệp áp dụng tiêu chuẩn, hệ thống quản lý, công "
                  "cụ cải tiến năng suất chất lượng và truy xuất nguồn gốc sản phẩm, hàng hóa, "
                  "góp phần nâng cao năng suất, chất lượng và sức cạnh tranh của sản phẩm, hàng "
                  f"hóa của tỉnh {MH}.")
    return [
        ("II.2", DASH, "Kinh phí sự nghiệp khoa học và công nghệ bố trí cho Chương trình còn "
         f"hạn chế, chưa đáp ứng nhu cầu hỗ trợ của doanh nghiệp {MH}."),
        ("II.2", DASH, "Nhiều doanh nghiệp nhỏ và vừa, hợp tác xã chưa chủ động đăng ký áp "
         "dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng; số doanh nghiệp tham dự "
         f"Giải thưởng Chất lượng Quốc gia còn ít {MH}."),
        ("II.3", DASH, "Chưa có cơ chế tài chính riêng cho hoạt động năng suất chất lượng; hồ "
         "sơ, thủ tục đề nghị hỗ trợ còn khó khăn đối với doanh nghiệp nhỏ và vừa, hợp tác xã "
         f"{MH}."),
        ("II.3", DASH, "Doanh nghiệp còn hạn chế về nguồn lực đối ứng và nhân lực có kiến thức "
         f"về năng suất chất lượng {MH}."),
        ("III.1", TEXT, direction),
        ("III.2", DASH, "Đẩy mạnh thông tin, tuyên truyền, phổ biến các hệ thống quản lý, công "
         "cụ cải tiến năng suất chất lượng đến doanh nghiệp, hợp tác xã trên địa bàn tỉnh "
         f"{MH}."),
        ("III.2", DASH, "Phối hợp với các sở, ngành, hiệp hội doanh nghiệp khảo sát nhu cầu, "
         f"lựa chọn doanh nghiệp có nhu cầu thực sự để hỗ trợ {MH}."),
        ("III.2", DASH, "Đào tạo, bồi dưỡng kiến thức về năng suất chất lượng cho cán bộ, công "
         f"chức, viên chức và cán bộ quản lý doanh nghiệp {MH}."),
        ("IV", TEXT, "Sở Khoa học và Công nghệ đề nghị Bộ Khoa học và Công nghệ tiếp tục hướng "
         "dẫn cơ chế tài chính thực hiện Chương trình, tổ chức các khóa đào tạo chuyên gia năng "
         "suất chất lượng cho địa phương; đề nghị UBND tỉnh quan tâm bố trí kinh phí để "
         f"{fund} {MH}."),
    ]
