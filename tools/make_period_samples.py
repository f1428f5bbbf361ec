"""Write the An Giang 2021–2025 period workbook: `python -m tools.make_period_samples`.

Its figures come from the five sample years (tools/make_samples.py); this workbook holds only
the summary's own prose and choices, all invented and marked as illustrative data (dữ liệu
minh họa), and the rule of the draft plan 2026–2030 (Tiền Giang 224/KH-UBND §I.2.b: “tăng ít
nhất 10%”, applied here to An Giang as an example).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ncnsc_reports.inputs import period_schema as ps
from ncnsc_reports.inputs.blank import write_workbook

ROOT = Path(__file__).resolve().parent.parent

NOTE = "DỮ LIỆU MINH HỌA: mọi đoạn văn và lựa chọn trong sổ này là giả định."
MH = "(minh họa)"


def summary_an_giang() -> dict:
    general = [("Giai đoạn", "2021-2025"), ("Số báo cáo", None), ("Ngày ký", None),
               ("Tháng ký", 12), ("Năm ký", 2025), ("Dữ liệu minh họa", "Có"),
               ("Chỉ tiêu trên biểu đồ", "DT, CG, HTQL, CC, MSMV, TXNG"),
               ("Cách tính chỉ tiêu giai đoạn sau", ps.RULE_MAX),
               ("Tỷ lệ so với giai đoạn trước (%)", 110)]
    text, dash = "Đoạn văn", "Gạch đầu dòng (-)"
    content = [
        # one sentence, as a real report opens (seed 000, 573/KH-UBND §VI.1.đ: “báo cáo tổng
        # kết Kế hoạch vào Quý IV năm 2025”; the Ministry's letter is illustrative)
        ("Mở đầu", text, "Căn cứ điểm đ khoản 1 Mục VI Kế hoạch số 573/KH-UBND "
         "(báo cáo tổng kết Kế hoạch vào Quý IV năm 2025) và Công văn số "
         "3912/BKHCN-TĐC ngày 14/11/2025 (số, ngày văn bản minh họa) của Bộ Khoa học và Công nghệ "
         "về việc tổng kết giai đoạn 2021-2025 Chương trình quốc gia hỗ trợ tổ chức, doanh "
         "nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030, Sở Khoa "
         "học và Công nghệ tổng hợp và báo cáo kết quả như sau:"),
        ("II.1.3", text, "Qua 05 năm, việc hỗ trợ doanh nghiệp được thực hiện đúng định mức của "
         f"Kế hoạch; doanh nghiệp nhỏ và vừa là đối tượng chính {MH}."),
        # review H4: III.1 and III.2 agree with Bảng 1 and Bảng 2 (each former province's plan;
        # tests/documents/test_summary_sample_text.py)
        ("III.1", dash, "Trên địa bàn tỉnh An Giang (trước sắp xếp), các chỉ tiêu đào tạo, tập "
         "huấn, chuyên gia năng suất, công cụ năng suất chất lượng và bài viết đạt 100% chỉ tiêu "
         f"giai đoạn {MH}."),
        ("III.1", dash, "Trên địa bàn tỉnh Kiên Giang (trước sắp xếp), các chỉ tiêu hỗ trợ hệ "
         "thống quản lý (đạt 112,5%) và truy xuất nguồn gốc (đạt 116,7%) vượt chỉ tiêu giai "
         f"đoạn {MH}."),
        ("III.1", dash, "Doanh nghiệp được hỗ trợ duy trì hệ thống quản lý, công cụ cải tiến năng "
         "suất chất lượng sau khi được hỗ trợ; nhận thức của doanh nghiệp về năng suất chất "
         f"lượng được nâng lên {MH}."),
        ("III.2", dash, "Trên địa bàn tỉnh An Giang (trước sắp xếp), các chỉ tiêu hỗ trợ hệ "
         "thống quản lý (đạt 91,7%), mã số mã vạch (đạt 92%), truy xuất nguồn gốc (đạt 87,5%) "
         "và vận động, hỗ trợ doanh nghiệp tham dự Giải thưởng Chất lượng Quốc gia (đạt 60%) "
         f"chưa đạt chỉ tiêu giai đoạn {MH}."),
        ("III.2", dash, "Trên địa bàn tỉnh Kiên Giang (trước sắp xếp), các chỉ tiêu đào tạo, "
         "tập huấn (đạt 93,8%), công cụ năng suất chất lượng (đạt 90%) và mã số mã vạch (đạt "
         f"95%) chưa đạt chỉ tiêu giai đoạn {MH}."),
        ("III.3", dash, f"Doanh nghiệp còn hạn chế về nguồn lực đối ứng {MH}."),
        ("III.3", dash, "Kinh phí bố trí hằng năm thấp hơn dự toán của Kế hoạch: giai đoạn "
         "2021-2025 đã sử dụng 62,3% dự toán trên địa bàn tỉnh An Giang (trước sắp xếp) và 48,4% "
         "dự toán trên địa bàn tỉnh Kiên Giang (trước sắp xếp); việc sắp xếp đơn vị hành chính "
         f"năm 2025 làm chậm một số nội dung hỗ trợ {MH}."),
        ("III.4", dash, "Bám sát nhu cầu của doanh nghiệp khi lựa chọn nội dung hỗ trợ "
         f"{MH}."),
        ("III.4", dash, "Phối hợp chặt chẽ với các sở, ngành, hiệp hội doanh nghiệp và địa "
         f"phương trong tuyên truyền, lựa chọn doanh nghiệp được hỗ trợ {MH}."),
        ("III.4", dash, "Theo dõi kết quả của doanh nghiệp sau hỗ trợ để đánh giá hiệu quả và "
         f"nhân rộng mô hình {MH}."),
        ("IV", text, "Giai đoạn 2026-2030, tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch thực "
         "hiện Chương trình trên toàn địa bàn tỉnh; tiếp tục hỗ trợ doanh nghiệp áp dụng hệ "
         "thống quản lý, công cụ năng suất chất lượng, truy xuất nguồn gốc; chỉ tiêu giai đoạn "
         f"2026-2030 theo dự thảo Kế hoạch kèm theo {MH}."),
        ("V", dash, "Đề nghị Bộ Khoa học và Công nghệ hướng dẫn cơ chế tài chính thực hiện "
         "Chương trình giai đoạn 2026-2030 và tổ chức đào tạo chuyên gia năng suất chất lượng "
         f"cho địa phương {MH}."),
        ("V", dash, "Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện Kế hoạch giai đoạn "
         f"2026-2030 trên toàn địa bàn tỉnh {MH}."),
        # review M14: the Bộ KH&CN's guidance, a base the clerk types; no real number is known
        ("KH.Căn cứ", text, "hướng dẫn của Bộ Khoa học và Công nghệ về xây dựng kế hoạch "
         "thực hiện Chương trình 1322 giai đoạn 2026-2030 (văn bản minh họa: số, ngày chưa "
         "ghi)"),
        ("KH.I", dash, "Triển khai hiệu quả Chương trình 1322 giai đoạn 2026-2030 trên địa bàn "
         f"tỉnh {MH}."),
        ("KH.II", text, "Nâng cao năng suất, chất lượng sản phẩm, hàng hóa của doanh nghiệp trên "
         f"địa bàn tỉnh {MH}."),
        # one row kind per task group of QĐ 1322, each under its heading (review M13); the
        # wording follows the tasks of KH 573 §II (seed 000), adapted and marked illustrative
        ("KH.III.1", dash, "Tham mưu Ủy ban nhân dân tỉnh ban hành chính sách hỗ trợ doanh "
         f"nghiệp nâng cao năng suất chất lượng giai đoạn 2026-2030 {MH}."),
        ("KH.III.2", dash, "Đẩy mạnh tuyên truyền về áp dụng tiêu chuẩn, quy chuẩn kỹ thuật, hệ "
         "thống quản lý tiên tiến, công cụ nâng cao năng suất chất lượng, mã số mã vạch, truy "
         f"xuất nguồn gốc trên các phương tiện thông tin của tỉnh {MH}."),
        ("KH.III.3", dash, "Hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ năng suất "
         f"{MH}."),
        ("KH.III.3", dash, "Khảo sát nhu cầu nâng cao năng suất chất lượng của doanh nghiệp "
         f"định kỳ 02 năm/lần {MH}."),
        ("KH.III.4", dash, "Tổ chức tập huấn, bồi dưỡng kiến thức về năng suất chất lượng cho "
         "cán bộ, công chức, viên chức và cán bộ quản lý doanh nghiệp; cử công chức tham dự "
         f"khóa đào tạo chuyên gia năng suất {MH}."),
        ("KH.III.5", dash, "Hướng dẫn doanh nghiệp xây dựng, công bố tiêu chuẩn cơ sở; nâng cao "
         f"năng lực các tổ chức đánh giá sự phù hợp trên địa bàn tỉnh {MH}."),
        ("KH.III.6", dash, "Cử cán bộ tham gia các chương trình đào tạo, hợp tác quốc tế về "
         "năng suất chất lượng do Bộ Khoa học và Công nghệ tổ chức hoặc giới thiệu "
         f"{MH}."),
        ("KH.V", text, "Sở Khoa học và Công nghệ chủ trì, phối hợp các sở, ngành, địa phương tổ "
         f"chức thực hiện Kế hoạch {MH}."),
    ]
    carry = [(2022, "I.2.3"), (2024, "I.2.3")]
    return {ps.PERIOD_GENERAL.name: general, ps.PERIOD_CONTENT.name: content,
            ps.PERIOD_CARRY.name: carry}


def main() -> int:
    folder = ROOT / "inputs" / "an-giang" / "tong-ket-2021-2025"
    write_workbook(folder / "tong-ket-2021-2025.xlsx", ps.PERIOD_SHEETS, summary_an_giang(),
                   "Tổng kết giai đoạn 2021-2025 – An Giang (dữ liệu minh họa)", (NOTE,))
    return 0


if __name__ == "__main__":
    sys.exit(main())
