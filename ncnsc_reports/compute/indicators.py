"""Indicators against the plan, computed with pandas from the records of each year.

No I/O and no formatting: records in, numbers out. For each indicator of the plan in force:
the year's result, the cumulative result since the start of the phase (2021 for 2021-2025),
the targets of the phase and of the year, and the completion rate (cumulative / phase target,
percent, one decimal, half up). Budget planned against spent, for the year and cumulatively,
and the year's money by purpose on the same basis (the money sentence adds up, review M3).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ncnsc_reports.formatting import format_number
from ncnsc_reports.inputs.schema import (
    ARTICLE,
    ARTICLES,
    AWARD,
    AWARD_ENTRANTS,
    BARCODE,
    BARCODE_SUPPORTED,
    CERT_SUPPORTED,
    CLASSES,
    ENTERPRISES_APPLYING,
    ENTERPRISES_SURVEYED,
    EXPERTS_TRAINED,
    NEWS,
    NEWS_POSTED,
    OFFICIALS_TRAINED,
    RECORD_SHEETS,
    SYSTEM,
    SYSTEMS_SUPPORTED,
    TOOL,
    TOOLS_SUPPORTED,
    TRACE,
    TRACE_SUPPORTED,
    TRAINEES,
    YEAR_EXPERTS,
    YEAR_MEDIA,
    YEAR_SUPPORT,
    YEAR_SURVEYS,
    YEAR_TRAINING,
    is_certification,
)
from ncnsc_reports.report.model import (
    BudgetLine,
    BudgetSummary,
    IndicatorLine,
    Phase,
    PlanInForce,
    Spending,
    Territories,
    YearRecords,
)
from ncnsc_reports.report.territory import place


@dataclass(frozen=True)
class Results:
    """Everything computed for a report: its indicators and budget, ready for the template
    (no template computes)."""

    indicators: tuple[IndicatorLine, ...]
    budget: tuple[BudgetLine, ...]
    first_year: int
    year: int
    phase: Phase
    budget_summary: BudgetSummary | None = None  # None: the plan sets no budget
    spent_recorded: int = 0  # what the year's records add up to (support and training)
    # A plan covering one former province: the other former provinces where the year's
    # records lie (in words), said beside the rates measured in the plan's territory.
    other_territories: tuple[str, ...] = ()
    # the year's money by purpose, on the basis of `budget`'s spent figure (review M3)
    spending: Spending = Spending()
    programme: tuple = ()  # compute.programme.ProgrammeLine: since 2021, in a later phase


def frames(history: dict[int, YearRecords],
           where: Territories | None = None) -> dict[str, pd.DataFrame]:
    """Return one DataFrame per record sheet, all years stacked, with `year`, `where` and, in a
    merged province, `territory`: the former province the record lies in (None: unknown)."""
    result = {}
    for spec in RECORD_SHEETS:
        rows = [dict(r.values, year=y, where=r.where,
                     territory=place(where, spec.name, r.values, y, r.where.file)
                     if where else None)
                for y, records in history.items() for r in records.rows.get(spec.name, [])]
        columns = [c.key for c in spec.columns] + ["year", "where", "territory"]
        result[spec.name] = pd.DataFrame(rows, columns=columns)
    support = result[YEAR_SUPPORT.name]
    support["enterprise"] = support["tax_code"].fillna("").astype(str).str.replace(" ", "")
    support["detail_key"] = support["detail"].fillna("").astype(str).str.strip().str.casefold()
    return result


def _distinct(kinds: set[str], keys: list[str]):
    """Count each system (enterprise + standard) or enterprise once in the phase, in the year
    it was first supported: consulting in 2023 and certification in 2024 are one system."""
    def count(f: dict[str, pd.DataFrame]) -> pd.Series:
        s = f[YEAR_SUPPORT.name]
        s = s[s["kind"].isin(kinds)].sort_values("year", kind="stable").drop_duplicates(keys)
        return s.groupby("year").size()
    return count


def _certified(f: dict[str, pd.DataFrame]) -> pd.Series:
    """Each enterprise once in the phase, in the first year a certification was supported."""
    s = f[YEAR_SUPPORT.name]
    mask = pd.Series([is_certification(k, i) for k, i in zip(s["kind"], s["item"], strict=True)],
                     index=s.index, dtype=bool)
    s = s[mask]
    return s.sort_values("year", kind="stable").drop_duplicates(["enterprise"]).groupby(
        "year").size()


def _rows(sheet: str, kind: str | None = None):
    def count(f: dict[str, pd.DataFrame]) -> pd.Series:
        df = f[sheet]
        df = df if kind is None else df[df["kind"] == kind]
        return df.groupby("year").size()
    return count


def _sum(sheet: str, *columns: str):
    def total(f: dict[str, pd.DataFrame]) -> pd.Series:
        df = f[sheet]
        values = sum(pd.to_numeric(df[c], errors="coerce").fillna(0) for c in columns)
        return values.groupby(df["year"]).sum()
    return total


# One counting rule per "Cách tính" of the profile (schema.MEASURES), each by its name.
MEASURE_RULES = {
    SYSTEMS_SUPPORTED: _distinct({SYSTEM}, ["enterprise", "detail_key"]),
    TOOLS_SUPPORTED: _distinct({TOOL}, ["enterprise", "detail_key"]),
    BARCODE_SUPPORTED: _distinct({BARCODE}, ["enterprise"]),
    TRACE_SUPPORTED: _distinct({TRACE}, ["enterprise"]),
    CERT_SUPPORTED: _certified,
    AWARD_ENTRANTS: _distinct({AWARD}, ["enterprise"]),
    ENTERPRISES_APPLYING: _distinct({SYSTEM, TOOL, TRACE}, ["enterprise"]),
    CLASSES: _rows(YEAR_TRAINING.name),
    TRAINEES: _sum(YEAR_TRAINING.name, "participants"),
    OFFICIALS_TRAINED: _sum(YEAR_TRAINING.name, "officials", "managers"),
    EXPERTS_TRAINED: _rows(YEAR_EXPERTS.name),
    NEWS_POSTED: _rows(YEAR_MEDIA.name, NEWS),
    ARTICLES: _rows(YEAR_MEDIA.name, ARTICLE),
    ENTERPRISES_SURVEYED: _sum(YEAR_SURVEYS.name, "enterprises"),
}


def completion(cumulative: int, target: int | None) -> Decimal | None:
    """Return cumulative / target in percent, one decimal, rounded half up; None without target."""
    if not target:
        return None
    ratio = Decimal(cumulative) * 100 / Decimal(target)
    return ratio.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


TARGET_FIELD = "{chỉ tiêu}"


def named(name: str, target: int | None) -> str:
    """The indicator's label with “{chỉ tiêu}” replaced by the phase's target, so a label
    such as “(chỉ tiêu: trên {chỉ tiêu})” follows a target derived for the new phase."""
    if TARGET_FIELD not in name:
        return name
    return name.replace(TARGET_FIELD, format_number(target) if target is not None else "…")


def compute(plan: PlanInForce, history: dict[int, YearRecords], year: int,
            every_year: dict[str, pd.DataFrame] | None = None,
            words: dict[str, str] | None = None) -> Results:
    """Return every indicator's results and the budget of the report's year; `every_year` is
    `frames(history)` when the caller built them already (they are built once per report).
    A plan covering one former province (`plan.territory`) is measured on its territory
    (`words` names the former provinces: `Territories.words`)."""
    first = plan.period.start
    years = list(range(first, year + 1))
    every_year = frames(history) if every_year is None else every_year
    f = {name: df[df["year"].between(first, year)].reset_index(drop=True)
         for name, df in every_year.items()}
    series = results_by_year(plan, f, years)
    local = _in_territory(plan, f, years, words)
    results = []
    for ind in plan.indicators:
        per_year = series[ind.code]
        cumulative = int(per_year.sum())
        target = plan.period_targets.get(ind.code)
        rule = plan.target_rules.get(ind.code)
        line = IndicatorLine(
            ind.code, named(ind.name, target), ind.unit, ind.verb, ind.noun, target,
            plan.year_targets.get(ind.code), int(per_year[year]), cumulative,
            completion(cumulative, target), rule.document if rule else plan.targets_source,
            rule.text if rule else "", rule.previous_value if rule else None)
        results.append(_territory_line(line, local, year) if local else line)
    budget, recorded, spending = _money(plan, history, f, year, local, words or {})
    return Results(tuple(results), budget, first, year, plan.period, _summary(plan, budget),
                   recorded, local["others"] if local else (), spending)


def _money(plan: PlanInForce, history: dict[int, YearRecords], f: dict[str, pd.DataFrame],
           year: int, local: dict | None, words: dict[str, str]):
    """(budget lines, the year's recorded spend, its purposes), all on one basis: a plan
    covering one former province has its dự toán set against the money spent in its territory
    (domain.md §7), the whole province's spend said beside it."""
    years = list(range(plan.period.start, year + 1))
    stated = {y: r.stated_spent for y, r in history.items() if r.stated_spent is not None}
    recorded = spent_by_year(f).reindex(years, fill_value=0).astype(int)
    whole, basis = stated.get(year, int(recorded[year])), f
    if local and plan.budget:
        outside = spent_by_year(local["outside"]).reindex(years, fill_value=0).astype(int)
        stated = {y: v for y, v in stated.items() if not outside[y]}  # a whole-province sum
        recorded = recorded - outside
        basis = {n: df.drop(local["outside"][n].index) for n, df in f.items()}
    spending = _spending(basis, year, local, bool(plan.budget), words)
    if spending.where and spending.elsewhere:
        spending = replace(spending, whole=whole)
    return _budget(plan, recorded, years, stated), int(recorded[year]), spending

def _spending(basis: dict[str, pd.DataFrame], year: int, local: dict | None, measured: bool,
              words: dict[str, str]) -> Spending:
    """The year's support and training money on the basis the money sentence states: the
    plan's territory when its dự toán is measured there (`measured`), else the whole
    province, named as such when the indicators' bases differ (domain.md §7, review M3)."""
    support = basis[YEAR_SUPPORT.name]
    support = support[support["year"] == year]
    amounts = pd.to_numeric(support["amount"], errors="coerce").fillna(0)
    funding = tuple(dict.fromkeys(str(s) for s, a in zip(support["funding"], amounts,
                                                          strict=True) if a and isinstance(s, str)
                                  and s))
    training = basis[YEAR_TRAINING.name]
    result = Spending(int(amounts.sum()), int(pd.to_numeric(
        training[training["year"] == year]["cost"], errors="coerce").fillna(0).sum()), funding)
    if local is None:
        return result
    if not measured:
        return replace(result, whole_basis=True)
    outside = spent_by_territory(local["outside"], year)
    return replace(result, where=local["words"],
                   elsewhere=tuple((words.get(t, t), v) for t, v in outside.items() if v))


def spent_by_territory(f: dict[str, pd.DataFrame], year: int) -> dict[str, int]:
    """Money recorded in `year` by territory (support amounts plus training costs)."""
    totals: dict[str, int] = {}
    for sheet, column in ((YEAR_SUPPORT.name, "amount"), (YEAR_TRAINING.name, "cost")):
        df = f[sheet][f[sheet]["year"] == year]
        values = pd.to_numeric(df[column], errors="coerce").fillna(0)
        for territory, value in values.groupby(df["territory"]).sum().items():
            totals[territory] = totals.get(territory, 0) + int(value)
    return totals


def _in_territory(plan: PlanInForce, f: dict[str, pd.DataFrame], years: list[int],
                  words: dict[str, str] | None) -> dict | None:
    """For a plan covering part of the province: each indicator's results in its territory,
    whether its records could all be placed, and the words naming the territory; None when
    the plan covers the whole province or no record lies elsewhere (the bases are the same)."""
    if not plan.territory:
        return None
    inside = {n: df[df["territory"] == plan.territory] for n, df in f.items()}
    known = {n: df[df["territory"].isna() | (df["territory"] == plan.territory)]
             for n, df in f.items()}
    if all(len(inside[n]) == len(df) for n, df in f.items()):
        return None  # every record lies in the plan's territory: nothing to tell apart
    counted, loose = results_by_year(plan, inside, years), results_by_year(plan, known, years)
    names = words or {}
    others = dict.fromkeys(t for df in f.values() for t in df[df["year"] == years[-1]]["territory"]
                           if isinstance(t, str) and t != plan.territory)
    outside = {n: df[df["territory"].notna() & (df["territory"] != plan.territory)]
               for n, df in f.items()}
    return {"series": counted, "placed": {c: counted[c].equals(loose[c]) for c in counted},
            "outside": outside,
            "words": names.get(plan.territory, plan.territory),
            "others": tuple(names.get(t, t) for t in others)}


def _territory_line(line: IndicatorLine, local: dict, year: int) -> IndicatorLine:
    """The line measured in the plan's territory, the whole province's results beside it; a
    result that cannot be placed keeps the whole province's figures and gets no rate."""
    if not local["placed"][line.code]:
        return replace(line, completion=None, territory=local["words"], placed=False)
    per_year = local["series"][line.code]
    cumulative = int(per_year.sum())
    if int(per_year[year]) == line.year_result and cumulative == line.cumulative:
        return replace(line, territory=local["words"])
    return replace(line, year_result=int(per_year[year]), cumulative=cumulative,
                   completion=completion(cumulative, line.period_target),
                   territory=local["words"], whole_year=line.year_result,
                   whole_cumulative=line.cumulative)


def results_by_year(plan: PlanInForce, f: dict[str, pd.DataFrame],
                    years: list[int]) -> dict[str, pd.Series]:
    """Return {indicator code: its result in each of `years`} (0 for a year without records)."""
    return {ind.code: MEASURE_RULES[ind.measure](f).reindex(years, fill_value=0).astype(int)
            for ind in plan.indicators}


def spent_by_year(f: dict[str, pd.DataFrame]) -> pd.Series:
    """Money recorded per year: support amounts plus training costs."""
    return _sum(YEAR_SUPPORT.name, "amount")(f).add(
        _sum(YEAR_TRAINING.name, "cost")(f), fill_value=0)


def _budget(plan: PlanInForce, recorded: pd.Series, years: list[int],
            stated: dict[int, int]) -> tuple[BudgetLine, ...]:
    """Planned and spent per year; spent is the stated total when given (it may include costs
    no record carries, e.g. conferences), else the sum of the records."""
    return tuple(BudgetLine(y, plan.budget.get(y), stated.get(y, int(recorded[y])))
                 for y in years)


def _summary(plan: PlanInForce, years: tuple[BudgetLine, ...]) -> BudgetSummary | None:
    """The year's and the phase's totals, or None when the plan sets no budget."""
    if not plan.budget:
        return None
    planned = [b.planned for b in years if b.planned is not None]
    planned_to_date = sum(planned) if planned else None
    spent = sum(b.spent for b in years)
    return BudgetSummary(years, years[-1].planned, years[-1].spent, planned_to_date, spent,
                         completion(spent, planned_to_date), plan.budget_source)

