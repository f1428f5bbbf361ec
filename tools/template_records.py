"""Section I's lists of the year's records, under the task groups of QĐ 1322 (template part).

Part of tools/make_template.py. After the clerk's own paragraphs of a task group, the template
lists what the records of the year hold for it — 2.2: news and articles; 2.3: support by
enterprise and surveys; 2.4: classes and experts — so section I tells the same story as II.1
and the appendices. Editors may reword every sentence here in Word.
"""

from __future__ import annotations

END = "{% if loop.last %}.{% else %};{% endif %}"
DATES = ("{% if c.end and c.end != c.start %}từ ngày {{ c.start|short_date }} đến ngày "
         "{{ c.end|short_date }}{% else %}ngày {{ c.start|short_date }}{% endif %}")
BREAKDOWN = ("{% if c.officials %}, trong đó {{ c.officials|two_digits }} cán bộ, công chức, "
             "viên chức{% if c.managers %} và {{ c.managers|two_digits }} cán bộ quản lý doanh "
             "nghiệp{% endif %}{% elif c.managers %}, trong đó {{ c.managers|two_digits }} cán bộ "
             "quản lý doanh nghiệp{% endif %}")

# The class's cost, so that the money of II.1 is found in section I (issue 22, review M3).
COST = "{% if c.cost %}; kinh phí {{ c.cost|number }} đồng{% endif %}"


def records(doc, para) -> None:
    """The record lists of the group in the loop `group` (numbers as in QĐ 1322, mục III)."""
    para(doc, "{%p if group.number == '2.2' and media %}")
    para(doc, "Năm {{ year }}, đã thực hiện {% for c in media_counts %}{{ c.count|two_digits }} "
              "{{ c.what }}{% if not loop.last %}, {% endif %}{% endfor %} về năng suất chất "
              "lượng, cụ thể:")
    para(doc, "{%p for m in media %}")
    para(doc, "- {{ m.kind }} “{{ m.title }}” ({% if m.outlet %}{{ m.outlet }}, {% endif %}ngày "
              "{{ m.published|short_date }})" + END)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    support(doc, para)
    training(doc, para)


def support(doc, para) -> None:
    para(doc, "{%p if group.number == '2.3' and supported %}")
    para(doc, "Năm {{ year }}, đã hỗ trợ {{ supported|length|two_digits }} doanh nghiệp"
              "{% if support_total %} với tổng kinh phí {{ support_total|number }} đồng"
              "{% endif %}{% if appendix.enterprises %} (danh sách chi tiết tại Phụ lục "
              "{{ appendix.enterprises }} kèm theo){% endif %}, cụ thể:")
    para(doc, "{%p for e in supported %}")
    para(doc, "- {{ e.name }}{% if e.locality %} ({{ e.locality }}){% endif %}: "
              "{{ e.what|join(', ') }}{% if e.amount %}; kinh phí hỗ trợ {{ e.amount|number }} "
              "đồng{% else %} (không sử dụng kinh phí hỗ trợ){% endif %}" + END)  # review M17
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if group.number == '2.3' and surveys %}")
    para(doc, "Năm {{ year }}, đã tổ chức {{ surveys|length|two_digits }} đợt khảo sát doanh "
              "nghiệp:")
    para(doc, "{%p for s in surveys %}")
    para(doc, "- {{ s.title }}, ngày {{ s.date|short_date }}: "
              "{{ s.enterprises|two_digits }} doanh nghiệp được khảo sát" + END)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def training(doc, para) -> None:
    para(doc, "{%p if group.number == '2.4' and classes %}")
    # one class: “60 người” as in its item; several: “lượt người” (one may attend two) (L2)
    para(doc, "Năm {{ year }}, đã tổ chức {{ classes|length|two_digits }} lớp tập huấn với "
              "{{ trainees|two_digits }} {% if classes|length > 1 %}lượt người{% else %}người"
              "{% endif %} tham dự, cụ thể:")
    para(doc, "{%p for c in classes %}")
    para(doc, "- {{ c.title }}, " + DATES + ": {{ c.participants|two_digits }} người tham dự"
              + BREAKDOWN + COST + END)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if group.number == '2.4' and experts %}")
    para(doc, "Năm {{ year }}, đã đào tạo {{ experts|length|two_digits }} chuyên gia năng suất:")
    para(doc, "{%p for e in experts %}")
    para(doc, "- {{ e.name }}, {{ e.unit }}{% if e.course %}: {{ e.course }}{% endif %}" + END)
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
