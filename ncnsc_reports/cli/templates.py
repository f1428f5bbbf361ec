"""`ncnsc-report check-template` and `fields`: a Word template checked, the fields it may use.

Both take the kind of template (`--mau`, from the list of kinds in `template_check.kinds`) and
call one library function of `template_check`; `--fix` writes a repaired copy beside the
template, never over it. Given a folder, both follow templates by year (issue 21, item 7): the
files a build there uses, year by year (`template_check.variants`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ncnsc_reports.cli.failure import EXIT_FAILED, attempt, debug_option, echo_problems
from ncnsc_reports.cli.wording import IntBetween, VietnameseCommand
from ncnsc_reports.template_check.kinds import KIND_NAMES, SAMPLE_NAMES, YEARLY, kind_of

TEMPLATE_KINDS = tuple(KIND_NAMES)
KINDS_HELP = ("Loại mẫu: bao-cao-nam (báo cáo năm), tong-ket (báo cáo tổng kết, sơ kết giai "
              "đoạn), du-thao-ke-hoach (dự thảo kế hoạch giai đoạn sau).")


YEAR_HELP = ("Năm của báo cáo, khi PATH là thư mục tỉnh: kiểm tra mẫu mà việc tạo báo cáo năm đó "
             "dùng (mẫu áp dụng từ một năm nằm trong templates/<năm>/). Không ghi: mọi mẫu, "
             "kèm các năm mỗi mẫu áp dụng. Thư mục năm, giai đoạn đã cho biết năm.")


@click.command("check-template", cls=VietnameseCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--mau", "kind", type=click.Choice(TEMPLATE_KINDS),
              help=KINDS_HELP + " Mặc định: đoán theo tên tệp (tong-ket…, so-ket…, du-thao…, "
                                "ke-hoach…; tên khác là báo cáo năm).")
@click.option("--nam", "--year", "year", type=IntBetween(2021, 2100), help=YEAR_HELP)
@click.option("--fix", is_flag=True,
              help="Sửa những gì sửa tự động được (nháy cong, thẻ bị tách định dạng) vào bản "
                   "sao <tên>.da-sua.docx cạnh mẫu; mẫu gốc không đổi.")
@debug_option
def check_template(path: Path, kind: str | None, year: int | None, fix: bool,
                   debug: bool) -> None:
    """Kiểm tra mẫu Word PATH: báo mọi lỗi thẻ một lần, kèm chỗ tìm thấy trong Word. PATH là
    thư mục (năm, giai đoạn, tỉnh): kiểm tra mọi mẫu mà việc tạo báo cáo ở đó dùng."""
    targets = _template_targets(path, kind, year, debug)
    checked = [_check_one(where, name, how, fix, debug) for where, name, how in targets]
    if not all(checked):
        sys.exit(EXIT_FAILED)


def _template_targets(path: Path, kind: str | None, year: int | None, debug: bool):
    """(file, kind, how it was chosen) for each template to check: PATH itself, or the
    templates a build under the folder PATH uses, year by year (template_check.variants)."""
    from ncnsc_reports.errors import NcnscError
    from ncnsc_reports.template_check.variants import variants

    def found():
        if not path.is_dir():
            if year is not None:
                raise NcnscError("--nam chỉ dùng khi PATH là thư mục tỉnh; tệp mẫu được kiểm "
                                 "tra như chính nó")
            how = "theo --mau" if kind else "theo tên tệp; chọn loại khác bằng --mau"
            return [(path, kind or kind_of(path), how)]
        return [(v.path, v.template.name, f"mẫu dùng {v.years()}")
                for v in variants(path, year, kind)]
    return attempt(debug, found, "")


def _check_one(path: Path, kind: str, how: str, fix: bool, debug: bool) -> bool:
    """Check one template, word what is wrong; True when nothing is."""
    from ncnsc_reports.template_check.check import check_template as check

    click.echo(f"Kiểm tra theo trường dữ liệu của {KIND_NAMES[kind]} ({how}).")
    problems = attempt(debug, lambda: check(path, kind=kind), "")
    if fix and problems:
        path, problems = _fix_template(path, kind, debug)
    echo_problems("Lỗi", [p for p in problems if p.is_error])
    echo_problems("Cảnh báo", [p for p in problems if not p.is_error])
    if problems:
        click.echo(f"Mẫu “{path}” cần sửa những chỗ trên (trong Word), rồi kiểm tra lại.",
                   err=True)
        return False
    click.echo(f"Mẫu “{path}” không có lỗi.")
    return True


def _fix_template(path: Path, kind: str, debug: bool):
    """Write the repaired copy, say what changed; return the copy and its problems."""
    from ncnsc_reports.template_check.check import check_template as check
    from ncnsc_reports.template_check.repair import fix_template

    target = path.with_name(f"{path.stem}.da-sua.docx")
    changes = attempt(debug, lambda: fix_template(path, target), "Chưa ghi bản sửa nào.")
    if not changes:
        click.echo("Không có chỗ nào sửa tự động được; mẫu gốc giữ nguyên.")
        return path, attempt(debug, lambda: check(path, kind=kind), "")
    click.echo(f"Đã sửa ({len(changes)}) và ghi vào “{target}”:")
    for change in changes:
        click.echo(f"  - {change}")
    return target, attempt(debug, lambda: check(target, kind=kind), "")


@click.command(cls=VietnameseCommand)
@click.argument("path", type=click.Path(path_type=Path), required=False)
@click.option("--mau", "kind", type=click.Choice(TEMPLATE_KINDS),
              help=KINDS_HELP + " Mặc định: bao-cao-nam, hoặc mẫu chính của thư mục PATH.")
@click.option("--nam", "--year", "year", type=IntBetween(2021, 2100), help=YEAR_HELP)
@click.option("--markdown", is_flag=True, help="In dạng Markdown (như docs/truong-du-lieu.md).")
@debug_option
def fields(path: Path | None, kind: str | None, year: int | None, markdown: bool,
           debug: bool) -> None:
    """Liệt kê mọi trường, vòng lặp và bộ lọc dùng được trong mẫu (mặc định mẫu báo cáo năm;
    --mau tong-ket, --mau du-thao-ke-hoach cho mẫu tổng kết, dự thảo kế hoạch), kèm ý nghĩa và
    ví dụ. Có PATH (thư mục năm, giai đoạn, tỉnh): nói trước tệp mẫu nào được dùng cho năm nào."""
    from ncnsc_reports.template_check.reference import reference_markdown, reference_text
    from ncnsc_reports.template_check.sample import sample_context

    kind = _fields_heading(path, kind, year, debug) if path is not None else kind or YEARLY
    if markdown and kind != YEARLY:
        def render(context):
            return reference_markdown(context, f"mẫu {KIND_NAMES[kind]}", SAMPLE_NAMES[kind],
                                      f"ncnsc-report fields --markdown --mau {kind}", kind)
    elif markdown:
        render = reference_markdown
    else:
        def render(context):
            return reference_text(context, kind)
    click.echo(attempt(debug, lambda: render(sample_context(kind)), ""), nl=False)


def _fields_heading(path: Path, kind: str | None, year: int | None, debug: bool) -> str:
    """Say which template file a build under PATH fills, for which years; return its kind."""
    from ncnsc_reports.template_check.variants import variants

    found = attempt(debug, lambda: variants(path, year, kind), "")
    kind = kind or (found[0].template.name if found else YEARLY)
    for variant in (v for v in found if v.template.name == kind):
        click.echo(f"Mẫu {KIND_NAMES[kind]} dùng {variant.years()}: {variant.path}")
    click.echo()
    return kind
