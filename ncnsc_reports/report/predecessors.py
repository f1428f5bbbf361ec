"""The former provinces' plans in a phase summary of a merged province.

domain.md §7 and issue 22 item 2: a summary of 2021–2025 for a province formed on 1/7/2025
reports each former province's plan and results on its own territory (An Giang: KH 573 / QĐ 648
on the former An Giang; the former Kiên Giang's plan on its territory), and the merged total.
Owns reading each former province's plan from its own folder's profile (inputs/kien-giang/
ho-so-tinh.xlsx) and the rule that the summary needs every former province's figures: a
folder named in “Hình thành” but missing, or no folder and no sentence for the report
(“Câu khi không có số liệu”), is an error saying which of the two to write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ncnsc_reports.inputs.books import read_profile
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.report.formation import Formation, Predecessor
from ncnsc_reports.report.model import Document, Phase, PlanInForce
from ncnsc_reports.report.plan import read_plan
from ncnsc_reports.report.year_targets import with_year_sums


@dataclass(frozen=True)
class FormerPlan:
    """A former province's plan for the phase, measured on its territory."""

    name: str  # as in “Hình thành”
    words: str  # “tỉnh Kiên Giang (trước sắp xếp)”
    documents: tuple[Document, ...]  # the plan and its amendments in force
    plan: PlanInForce  # its targets, budget; `territory` is `name`


def check_predecessors(formation: Formation, problems: Problems) -> None:
    """Errors for every former province whose figures the summary would lack."""
    for p in formation.predecessors:
        where = p.where.at(column="Thư mục số liệu")
        if p.missing:
            _instead_of_warning(problems, where, (
                f"không có thư mục {p.folder}: báo cáo tổng kết cần số liệu các năm của "
                f"{p.words}. Thêm thư mục đó (hồ sơ tỉnh và các năm của tỉnh), hoặc, nếu không "
                "có số liệu, để trống ô này và ghi ở cột “Câu khi không có số liệu” câu báo cáo "
                "in thay cho số liệu đó (ví dụ “Kết quả thực hiện Kế hoạch của Ủy ban nhân dân "
                f"{p.words} sẽ được Sở báo cáo bổ sung.”)"))
        elif p.folder is None and not p.absent:
            problems.error(where, (
                f"chưa ghi thư mục số liệu của {p.words}: báo cáo tổng kết cần số liệu các năm "
                "của tỉnh đó. Ghi tên thư mục của tỉnh trong inputs/ (ví dụ kien-giang), hoặc, "
                "nếu không có số liệu, ghi ở cột “Câu khi không có số liệu” câu báo cáo in thay "
                "cho số liệu đó"))


def _instead_of_warning(problems: Problems, where: Location, message: str) -> None:
    """The summary's error on a cell replaces the warning a year's build gives on it (read in
    `formation._folder`): a clerk reads the missing folder once, as an error."""
    problems[:] = [p for p in problems if p.is_error or p.where != where]
    problems.error(where, message)


def former_plans(formation: Formation, main: PlanInForce, last: int, on: dt.date,
                 problems: Problems) -> tuple[FormerPlan, ...]:
    """The plans of the former provinces other than the one the main plan covers, each plan
    once: a folder whose profile carries a plan already listed (the merged province's own
    folder, named for the former province of the same name, carries the plan in force, e.g.
    Tiền Giang 224/KH-UBND in dong-thap/) adds no plan, so no target is counted twice."""
    listed = {_key(main.documents[0])} if main.documents else set()
    result = []
    for p in formation.predecessors:
        if p.name == main.territory or p.folder is None or not p.folder.is_dir():
            continue
        found = _plan_of(p, last, on, problems)
        if found is not None and _key(found.documents[0]) not in listed:
            listed.add(_key(found.documents[0]))
            result.append(found)
    return tuple(result)


def _key(document: Document) -> tuple:
    return document.number, document.issued


def _plan_of(p: Predecessor, last: int, on: dt.date, problems: Problems) -> FormerPlan | None:
    profile_path = p.folder / PROFILE_FILE
    prefix = f"{p.folder.name}/{PROFILE_FILE}"
    if not profile_path.is_file():
        problems.error(p.where.at(column="Thư mục số liệu"), (
            f"thư mục {p.folder} không có hồ sơ tỉnh “{PROFILE_FILE}” (kế hoạch, chỉ tiêu của "
            f"{p.words})"))
        return None
    own = Problems()  # its messages name its folder: “kien-giang/ho-so-tinh.xlsx › …”
    profile = read_profile(profile_path, own)
    cited, plan = read_plan(profile, last, on, own)
    for problem in own.errors:
        problems.error(_moved(problem.where, prefix), problem.message)
    if plan is None:
        return None
    plan = with_year_sums(plan, profile, Phase(plan.period.start, last), on)  # review M10
    return FormerPlan(p.name, p.words, tuple(cited), replace(plan, territory=p.name))


def _moved(where: Location, file: str) -> Location:
    return where if where.in_template else replace(where, file=file)
