"""`ncnsc-report check-template` and `fields`: a Word template checked, the fields it may use.

Both take the kind of template (`--mau`, from the list of kinds in `template_check.kinds`) and
call one library function of `template_check`; `--fix` writes a repaired copy beside the
template, never over it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ncnsc_reports.cli.failure import EXIT_FAILED, attempt, debug_option, echo_problems
from ncnsc_reports.cli.wording import VietnameseCommand
from ncnsc_reports.template_check.kinds import KIND_NAMES, SAMPLE_NAMES, YEARLY, kind_of

TEMPLATE_KINDS = tuple(KIND_NAMES)
KINDS_HELP = ("Loại mẫu: bao-cao-nam (báo cáo năm), tong-ket (báo cáo tổng kết, sơ kết giai "
              "đoạn), du-thao-ke-hoach (dự thảo kế hoạch giai đoạn sau).")


@click.command("check-template", cls=VietnameseCommand)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--mau", "kind", type=click.Choice(TEMPLATE_KINDS),
              help=KINDS_HELP + " Mặc định: đoán theo tên tệp (tong-ket…, so-ket…, du-thao…, "
                                "ke-hoach…; tên khác là báo cáo năm).")
@click.option("--fix", is_flag=True,
              help="Sửa những gì sửa tự động được (nháy cong, thẻ bị tách định dạng) vào bản "
                   "sao <tên>.da-sua.docx cạnh mẫu; mẫu gốc không đổi.")
@debug_option
def check_template(path: Path, kind: str | None, fix: bool, debug: bool) -> None:
    """Kiểm tra mẫu Word PATH: báo mọi lỗi thẻ một lần, kèm chỗ tìm thấy trong Word."""
    from ncnsc_reports.template_check.check import check_template as check

    how = "theo --mau" if kind else "theo tên tệp; chọn loại khác bằng --mau"
    kind = kind or kind_of(path)
    click.echo(f"Kiểm tra theo trường dữ liệu của {KIND_NAMES[kind]} ({how}).")
    problems = attempt(debug, lambda: check(path, kind=kind), "")
    if fix and problems:
        path, problems = _fix_template(path, kind, debug)
    echo_problems("Lỗi", [p for p in problems if p.is_error])
    echo_problems("Cảnh báo", [p for p in problems if not p.is_error])
    if problems:
        click.echo(f"Mẫu “{path}” cần sửa những chỗ trên (trong Word), rồi kiểm tra lại.",
                   err=True)
        sys.exit(EXIT_FAILED)
    click.echo(f"Mẫu “{path}” không có lỗi.")


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
@click.option("--mau", "kind", type=click.Choice(TEMPLATE_KINDS), default=YEARLY,
              show_default=True, help=KINDS_HELP)
@click.option("--markdown", is_flag=True, help="In dạng Markdown (như docs/truong-du-lieu.md).")
@debug_option
def fields(kind: str, markdown: bool, debug: bool) -> None:
    """Liệt kê mọi trường, vòng lặp và bộ lọc dùng được trong mẫu (mặc định mẫu báo cáo năm;
    --mau tong-ket, --mau du-thao-ke-hoach cho mẫu tổng kết, dự thảo kế hoạch), kèm ý nghĩa và
    ví dụ."""
    from ncnsc_reports.template_check.reference import reference_markdown, reference_text
    from ncnsc_reports.template_check.sample import sample_context

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
