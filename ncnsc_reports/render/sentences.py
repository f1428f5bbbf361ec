"""The sentences of section II.1 of a yearly report: one per indicator, the lead-in, the money.

Owns the wording of results against targets for every case a real year can bring (issue 22,
item 4; review H5, M2, M3, M4, M5, M16, L4, L12): a result or none this year, a cumulative or
none since the start of the phase, a phase target or none, the first year of a phase or a later
one. Each counting rule has its own “none” form (“chưa hỗ trợ chứng nhận cho doanh nghiệp nào”,
“chưa tổ chức khảo sát doanh nghiệp”), never “chưa có <noun> được <verb>”, whose verb may end on a
preposition. The rule of derived targets (“tăng ít nhất 10% so với giai đoạn 2021-2025”) is
said once, in the lead-in. Money: “chưa sử dụng kinh phí” for zero, what was spent by purpose so
that the parts add up to the total said, and a sentence even without a dự toán.
tests/golden/cau-chi-tieu.txt holds every case, read aloud.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from ncnsc_reports.formatting import cite_short, format_number, format_rate, two_digits
from ncnsc_reports.inputs.schema import (
    ARTICLES,
    AWARD_ENTRANTS,
    BARCODE_SUPPORTED,
    CERT_SUPPORTED,
    CLASSES,
    ENTERPRISES_APPLYING,
    ENTERPRISES_SURVEYED,
    EXPERTS_TRAINED,
    NEWS_POSTED,
    OFFICIALS_TRAINED,
    SYSTEMS_SUPPORTED,
    TOOLS_SUPPORTED,
    TRACE_SUPPORTED,
    TRAINEES,
)
from ncnsc_reports.report.model import BudgetLine, Document, IndicatorLine, Spending

# Counting rules whose noun is a bare countable head (“lớp tập huấn”, “hệ thống quản lý”): their
# “none” form ends in “nào”. The others name enterprises by what they did (“doanh nghiệp đăng ký
# mã số mã vạch”), where “nào” would fall after the whole phrase.
_COUNTABLE = {SYSTEMS_SUPPORTED, TOOLS_SUPPORTED, CERT_SUPPORTED, CLASSES, EXPERTS_TRAINED,
              NEWS_POSTED, ARTICLES}
_ENTERPRISES = {BARCODE_SUPPORTED, TRACE_SUPPORTED, AWARD_ENTRANTS, ENTERPRISES_APPLYING,
                OFFICIALS_TRAINED}
# Rules whose verb and noun cannot make a “none” form (“chưa khảo sát lượt doanh nghiệp”).
_FIXED_NONE = {ENTERPRISES_SURVEYED: "chưa tổ chức khảo sát doanh nghiệp",
               TRAINEES: "chưa tổ chức tập huấn"}


# “(chỉ tiêu: trên 33)” at the end of a profile's indicator name: the qualifier belongs in the
# target cell of Phụ lục I (review M5) and beside the target said in II.1, so both read “trên 33”.
TARGET_NOTE = re.compile(r"\s*\(chỉ tiêu:\s*([^()]*?)\s*[\d.]+\)\s*$")


def target_qualifier(line: IndicatorLine) -> str:
    """“trên ” from a name ending “(chỉ tiêu: trên 33)”; "" when the target is plain."""
    note = TARGET_NOTE.search(line.name)
    return f"{note.group(1)} " if note and note.group(1) else ""


def _target_words(line: IndicatorLine) -> str:
    """“trên 33 doanh nghiệp”: the phase target as Phụ lục I states it (sample review)."""
    return f"{target_qualifier(line)}{two_digits(line.period_target)} {_unit(line)}"


def completion(part: int, whole: int | None) -> Decimal | None:
    """part / whole in percent, one decimal, half up — the rule of compute.indicators, here
    without pandas (the render layer stays light at start-up)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def none_phrase(line: IndicatorLine, measure: str) -> str:
    """“chưa hỗ trợ chứng nhận cho doanh nghiệp nào”: nothing of this indicator (yet)."""
    if measure in _FIXED_NONE:
        return _FIXED_NONE[measure]
    tail = " nào" if measure in _COUNTABLE or measure not in _ENTERPRISES else ""
    return f"chưa {line.verb} {line.noun}{tail}"


def _unit(line: IndicatorLine) -> str:
    return line.unit[:1].lower() + line.unit[1:] if line.unit else line.noun


def _done(line: IndicatorLine, value: int, of_target: bool = False) -> str:
    target = f"/{two_digits(line.period_target)}" if of_target and line.period_target else ""
    return f"đã {line.verb} {two_digits(value)}{target} {line.noun}"


def _target_note(line: IndicatorLine, with_rate: bool) -> str:
    """“, đạt 18,2% chỉ tiêu giai đoạn (11 lớp)” or “ (chỉ tiêu giai đoạn: 11 lớp)”."""
    if not line.period_target:
        return ""
    if with_rate and line.completion is not None and line.cumulative:
        return f", đạt {format_rate(line.completion)}% chỉ tiêu giai đoạn"
    return f" (chỉ tiêu giai đoạn: {_target_words(line)})"


def _whole(value: int | None, kind: str) -> str:
    """“ (toàn tỉnh: 03)”: the whole merged province's result beside the one measured in the
    territory of the plan (domain.md §7, review H3; `IndicatorLine.whole_year`); a merged
    city says “toàn thành phố” (`kind`)."""
    return f" (toàn {kind}: {two_digits(value)})" if value is not None else ""


def indicator_sentence(line: IndicatorLine, measure: str, year: int, first_year: bool,
                       since: str, with_rule: bool = False, kind: str = "tỉnh") -> str:
    """One item of II.1 without its leading “- ” and final punctuation; `kind` is how the
    province names itself (“tỉnh”, or “thành phố” for a centrally-run city)."""
    if not line.placed:  # records not told apart by territory: no target beside them (§7)
        line = replace(line, period_target=None, year_target=None, completion=None, rule="")
    sentence = _indicator_sentence(line, measure, year, (first_year, since, with_rule), kind)
    return sentence if line.placed or not line.territory else (
        f"{sentence} (kết quả trên toàn địa bàn {kind})")


def _indicator_sentence(line: IndicatorLine, measure: str, year: int, how: tuple,
                        kind: str) -> str:
    first_year, since, with_rule = how
    none = none_phrase(line, measure)
    year_target = (f" (chỉ tiêu năm {year}: {two_digits(line.year_target)} {_unit(line)})"
                   if line.year_target else "")
    year_target = _whole(line.whole_year, kind) + year_target
    rule = f" ({line.rule})" if with_rule and line.rule else ""
    head = _year_head(line, year, none)
    if first_year:
        note = _target_note(line, with_rate=True)
        if note.startswith(","):
            note += f" ({_target_words(line)})"
        return head + year_target + note + rule
    if not line.cumulative:
        since = since[:1].upper() + since[1:]
        return f"{since} {none}{year_target}{_target_note(line, False)}{rule}"
    cumulative = (f"lũy kế {since} {_done(line, line.cumulative, of_target=True)}"
                  f"{_whole(line.whole_cumulative, kind)}")
    return f"{head}{year_target}; {cumulative}{_target_note(line, with_rate=True)}{rule}"


def _year_head(line: IndicatorLine, year: int, none: str) -> str:
    """“Năm 2025 đã hỗ trợ 04 …”; a “none” measured on a former territory while the whole
    province has a result names that territory, or “chưa … nào (toàn tỉnh: 01)” reads as a
    contradiction (review of the sample reports, issue 22 item 4)."""
    if line.year_result:
        return f"Năm {year} {_done(line, line.year_result)}"
    if line.whole_year and line.territory:
        return f"Năm {year}, trên địa bàn {line.territory} {none}"
    return f"Năm {year} {none}"


def lead_in(period: str, source: Document, rules: set[str], appendix: str) -> str:
    """“Kết quả thực hiện các chỉ tiêu giai đoạn 2026-2030 theo Kế hoạch số 224/KH-UBND (chỉ
    tiêu giai đoạn 2026-2030 tăng ít nhất 10% so với giai đoạn 2021-2025; chi tiết tại Phụ lục
    I kèm theo):” — the rule said once, when every line of the group follows it."""
    notes = [f"chỉ tiêu giai đoạn {period} {rule}" for rule in sorted(rules)]
    if appendix:
        notes.append(f"chi tiết tại Phụ lục {appendix} kèm theo")
    inside = f" ({'; '.join(notes)})" if notes else ""
    return f"Kết quả thực hiện các chỉ tiêu giai đoạn {period} theo {cite_short(source)}{inside}:"


def _purposes(spent: int, spending: Spending) -> str:
    """“ (hỗ trợ doanh nghiệp 300.000.000 đồng từ nguồn ngân sách tỉnh; tập huấn 55.000.000
    đồng)” when the parts recorded add up to the total said (review M3), “ để hỗ trợ doanh
    nghiệp từ nguồn ngân sách tỉnh” when one purpose is all. The source is known only for the
    support rows (their “Nguồn kinh phí”), so it is said of them only (review M4)."""
    support = "hỗ trợ doanh nghiệp"
    parts = [(name, value) for name, value in ((support, spending.support),
                                               ("tập huấn", spending.training)) if value]
    other = spent - sum(value for _, value in parts)
    if other < 0 or not parts:
        return ""
    if other:
        parts.append(("chi khác", other))
    funding = _funding(spending)
    if len(parts) == 1:
        return f" để {support}{funding}" if parts[0][0] == support else ""
    return " (" + "; ".join(f"{name} {format_number(v)} đồng{funding if name == support else ''}"
                            for name, v in parts) + ")"


def _funding(spending: Spending) -> str:
    sources = [s[:1].lower() + s[1:] for s in spending.funding if s]
    return f" từ nguồn {', '.join(sources)}" if sources else ""


def _spent(value: int) -> str:
    return f"đã sử dụng {format_number(value)} đồng" if value else "chưa sử dụng kinh phí"


def money_sentence(lines: tuple[BudgetLine, ...], spending: Spending, source: Document | None,
                   plan: Document | None, since: str, years_text: str,
                   kind: str = "tỉnh") -> str:
    """“Về kinh phí: …” without the leading “- ”, ending with “.”; where the money is measured
    on a plan's territory, a second sentence gives the whole province's spend (domain.md §7)."""
    this = lines[-1]
    year_part = _year_money(this, spending, (source, plan), kind)
    whole = _whole_money(this.year, spending, kind)
    if len(lines) == 1:
        return f"Về kinh phí: {year_part}.{whole}"
    spent = sum(b.spent for b in lines)
    planned = [b.planned for b in lines if b.planned is not None]
    rate = completion(spent, sum(planned)) if planned and spent else None
    cumulative = f"lũy kế {since} {_spent(spent)}"
    if rate is not None:
        cumulative += (f", bằng {format_rate(rate)}% dự toán {years_text} "
                       f"({format_number(sum(planned))} đồng)")
    return f"Về kinh phí: {year_part}; {cumulative}.{whole}"


def _whole_money(year: int, spending: Spending, kind: str) -> str:
    """“ Trên toàn địa bàn tỉnh, năm 2025 đã sử dụng 163.900.000 đồng, trong đó trên địa bàn
    tỉnh Kiên Giang (trước sắp xếp) 90.800.000 đồng.”: the parts the reader adds up."""
    if spending.whole is None:
        return ""
    parts = ", ".join(f"trên địa bàn {words} {format_number(value)} đồng"
                      for words, value in spending.elsewhere)
    inside = f", trong đó {parts}" if parts else ""
    if len(spending.elsewhere) == 1 and spending.elsewhere[0][1] == spending.whole:
        inside = f", toàn bộ trên địa bàn {spending.elsewhere[0][0]}"
    return f" Trên toàn địa bàn {kind}, năm {year} {_spent(spending.whole)}{inside}."


def _year_money(this: BudgetLine, spending: Spending, documents: tuple, kind: str) -> str:
    source, plan = documents
    spent = _spent(this.spent)
    if this.spent:
        spent += _purposes(this.spent, spending)
    if spending.where:  # the basis named where it differs from the indicators' (§7)
        spent = f"trên địa bàn {spending.where} {spent}"
    elif spending.whole_basis:
        spent = f"trên toàn địa bàn {kind} {spent}"
    if this.planned is None:  # “;”, not a comma splice, before the spend (sample review)
        basis = f" theo {cite_short(plan)}" if plan else ""
        return f"năm {this.year} chưa có dự toán{basis}; {spent}"
    by = f" theo {cite_short(source)}" if source else ""
    text = f"dự toán năm {this.year} là {format_number(this.planned)} đồng{by}, {spent}"
    # “bằng …% dự toán” for spending against a budget, as in the cumulative clause (review)
    rate = completion(this.spent, this.planned) if this.spent else None
    return text + (f", bằng {format_rate(rate)}% dự toán năm" if rate is not None else "")


def plan_target_sentence(target) -> str:
    """“Hỗ trợ chứng nhận cho ít nhất 12 doanh nghiệp”: a target of the draft plan as the plan
    states it (review M12); how it was reached is in du-thao-chi-tieu.xlsx only."""
    verb = target.verb[:1].upper() + target.verb[1:]
    return f"{verb} ít nhất {two_digits(target.target)} {target.noun}"
