"""The `ncnsc-report` command: parse options, call one library function, word the outcome.

No build logic lives here. Library modules are imported inside the commands so that
`ncnsc-report --help` starts without loading docxtpl, openpyxl or pandas.
"""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path

import click

from ncnsc_reports.cli.closing import accept_options, closing_lines
from ncnsc_reports.cli.forms import echo_forms, echo_kept
from ncnsc_reports.cli.serve import serve as serve_command
from ncnsc_reports.cli.wording import (
    VERSION_TEXT,
    IntBetween,
    VietnameseGroup,
    marked_lines,
)
from ncnsc_reports.errors import InputError, NcnscError
from ncnsc_reports.problems import command
from ncnsc_reports.template_check.kinds import KIND_NAMES, SAMPLE_NAMES, YEARLY, kind_of

TEMPLATE_KINDS = tuple(KIND_NAMES)

EXIT_OK, EXIT_FAILED = 0, 1


def _echo_problems(title: str, problems) -> None:
    if problems:
        click.echo(f"{title} ({len(problems)}):", err=True)
        for p in problems:
            click.echo(f"  - {p}", err=True)


NO_REPORT = "Chưa tạo báo cáo nào."
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def _report_failure(err: NcnscError, nothing_done: str) -> None:
    if isinstance(err, InputError):
        errors = [p for p in err.problems if p.is_error]
        _echo_problems("Lỗi", errors)
        _echo_problems("Cảnh báo", [p for p in err.problems if not p.is_error])
        click.echo(f"{nothing_done} {_next_step(err)}".strip(), err=True)
        for line in marked_lines(err.marked):
            click.echo(line, err=True)
    else:
        click.echo(f"Lỗi: {err}", err=True)
        if nothing_done:
            click.echo(nothing_done, err=True)


def _next_step(err: InputError) -> str:
    """The action that fits what is wrong: the workbook, the folders, or the Word template."""
    places = [p.where for p in err.problems if p.is_error]
    cells = [w for w in places if not w.in_template]
    steps = []
    if any(w.sheet is not None or w.file.endswith(WORKBOOK_SUFFIXES) for w in cells):
        steps.append("sửa các lỗi trên trong sổ Excel")
    if any(w.sheet is None and not w.file.endswith(WORKBOOK_SUFFIXES) for w in cells):
        steps.append("sửa thư mục, tệp theo hướng dẫn ở từng lỗi")
    if len(cells) < len(places):
        steps.append(f"sửa mẫu Word “{err.template}” (xem lại bằng: "
                     f"{command('ncnsc-report', 'check-template', err.template)}; thêm --fix để "
                     "tự sửa nháy cong, thẻ bị tách định dạng)")
    text = f"Hãy {', '.join(steps)} rồi chạy lại." if steps else ""
    if err.strict:
        text += (" (Các cảnh báo trên được coi là lỗi do --strict; bỏ --strict thì báo cáo "
                 "vẫn được tạo, kèm cảnh báo.)")
    return text


def _run(debug: bool, action, nothing_done: str = NO_REPORT, closing=()):
    """Run `action`; turn our errors (and, without --debug, any error) into a message that
    ends with what was not done and what to do next (then the `closing` lines)."""
    try:
        return action()
    except NcnscError as err:
        if debug:
            raise
        _report_failure(err, nothing_done)
        for line in closing:
            click.echo(line, err=True)
    except MemoryError:
        if debug:
            raise
        click.echo("Lỗi: máy không đủ bộ nhớ để làm xong; hãy đóng bớt chương trình khác rồi "
                   "chạy lại.", err=True)
        click.echo(nothing_done, err=True)
    except Exception as err:
        if debug:
            raise
        click.echo(f"Lỗi không mong đợi: {type(err).__name__}: {err}", err=True)
        click.echo("Chạy lại với --debug để xem chi tiết và gửi cho nhóm phát triển.", err=True)
    sys.exit(EXIT_FAILED)


@click.group(cls=VietnameseGroup, context_settings={"help_option_names": ["-h", "--help"]},
             commands=[serve_command])  # cli/serve.py: the page
@click.version_option(package_name="ncnsc-reports", message="%(version)s", help=VERSION_TEXT)
def main() -> None:
    """Tạo báo cáo năm Chương trình 1322 (năng suất chất lượng) của Sở KH&CN từ sổ Excel."""
    _no_last_collection()


def _no_last_collection() -> None:
    """Spare the process the full garbage collection Python runs as it exits: it walks every
    object of pandas, lxml, docx… (≈ 75 ms, a seventh of a cold build) only to free memory the
    system takes back anyway. `gc.freeze` at exit puts them out of its reach; atexit runs it
    after the handlers registered later (the command's own), when every output is written and
    closed. Registered once however many commands a process runs (tests)."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)


def debug_option(command):
    """--debug, declared once for every command."""
    return click.option("--debug", is_flag=True,
                        help="In chi tiết lỗi (traceback) cho nhóm phát triển.")(command)


@main.command()
@click.argument("year_dir", type=click.Path(path_type=Path), required=False)
@click.option("--all", "build_every", is_flag=True,
              help="Tạo mọi báo cáo (mọi tỉnh × năm) trong thư mục YEAR_DIR (mặc định inputs/), "
                   "song song trên các nhân máy.")
@click.option("--jobs", type=IntBetween(1, 64),
              help="Số tiến trình chạy song song với --all (mặc định: số nhân máy).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cạnh mỗi báo cáo (cần LibreOffice).")
@click.option("--out", "out_root", type=click.Path(path_type=Path),
              help="Thư mục kết quả (mặc định: outputs/ cạnh inputs/).")
@click.option("--templates", type=click.Path(path_type=Path),
              help="Thư mục mẫu Word tìm trước tiên.")
@click.option("--strict", is_flag=True,
              help="Coi mọi cảnh báo (vượt định mức, hỗ trợ trùng, cảnh báo của mẫu Word…) là "
                   "lỗi: không tạo báo cáo.")
@click.option("--force", is_flag=True,
              help="Thay cả báo cáo đã sửa tay trong Word, không giữ bản sao (mặc định: giữ "
                   "bản đã sửa với tên có “-sua-tay-”).")
@click.option("--rebuild", is_flag=True,
              help="Tạo lại cả báo cáo có dữ liệu, mẫu không đổi từ lần tạo trước (mặc định: "
                   "giữ nguyên những báo cáo đó). Báo cáo tổng kết luôn được tạo lại.")
@click.option("--canh-bao-tren-so", "mark_warnings", is_flag=True,
              help="Đánh dấu cả các cảnh báo (không chỉ lỗi) trên bản sao của sổ Excel, trong "
                   "thư mục loi/ cạnh báo cáo.")
@debug_option
@accept_options
def build(year_dir: Path | None, build_every: bool, jobs: int | None, pdf: bool,
          out_root: Path | None, templates: Path | None, strict: bool, force: bool,
          rebuild: bool, mark_warnings: bool, debug: bool, accept: frozenset[str]) -> None:
    """Tạo báo cáo .docx cho thư mục năm YEAR_DIR, ví dụ inputs/hung-yen/2023; với thư mục
    tổng kết (inputs/an-giang/tong-ket-2021-2025) tạo báo cáo tổng kết giai đoạn."""
    from ncnsc_reports.engine import BuildOptions
    from ncnsc_reports.engine import build as build_folder

    options = BuildOptions(out_root=out_root, templates=templates, strict=strict, force=force,
                           rebuild=rebuild, accept=accept, pdf=pdf, mark_warnings=mark_warnings)
    if build_every:
        from ncnsc_reports.cli.batch import build_every_report

        sys.exit(build_every_report(year_dir or Path("inputs"), options, jobs, debug))
    if year_dir is None:
        from ncnsc_reports.inputs.start import first_steps

        raise click.UsageError(f"cần thư mục năm (hoặc --all để tạo mọi báo cáo); "
                               f"{first_steps()}")
    from ncnsc_reports.inputs.excel_lock import open_in_excel
    from ncnsc_reports.outputs.place import named

    open_books = open_in_excel(named(year_dir))  # before the build: what it reads is open
    _word_build(_run(debug, lambda: build_folder(year_dir, options)), debug, open_books)


def _word_build(result, debug: bool, open_books: list[str]) -> None:
    """Say what a build did: what it wrote (even when only its PDFs then failed), the workbooks
    open in Excel and the warnings again, last (cli.closing); then why it failed and what to
    do, and exit 1 on a failure."""
    if result.outputs:
        _echo_result(result)
        for line in [*marked_lines(result.marked, True),  # warnings (--canh-bao-tren-so)
                     *closing_lines(result.warnings, open_books)]:
            click.echo(line)
        _echo_pdfs(result)
    if result.ok:
        return
    if debug:
        raise result.exception
    _report_failure(result.exception, "Chưa tạo PDF nào." if result.outputs else NO_REPORT)
    for line in [] if result.outputs else open_books:
        click.echo(line, err=True)
    sys.exit(EXIT_FAILED)


def _echo_result(result) -> None:
    for note in getattr(result, "notes", ()):
        click.echo(note)
    _echo_problems("Cảnh báo", result.warnings)
    echo_kept(result)
    for old in result.removed:
        click.echo(f"Đã xóa “{old.name}” của lần tạo trước: báo cáo này không còn tạo tệp đó.")
    _echo_units(result.units)
    if result.up_to_date:
        click.echo(f"Báo cáo không đổi (dữ liệu, mẫu như lần tạo trước), giữ nguyên: "
                   f"{result.path}. Muốn tạo lại: thêm --rebuild.")
        return
    click.echo(f"Đã tạo báo cáo: {result.path}")
    for other in result.outputs[1:]:
        click.echo(f"Đã tạo kèm theo: {other}")


def _echo_pdfs(result) -> None:
    """The PDFs made, a kept hand edit's apart (each PDF shows the version its name says)."""
    if result.pdfs_up_to_date:
        click.echo(f"PDF không đổi: {result.path.with_suffix('.pdf')}")
        return
    copies = {copy.with_suffix(".pdf") for copy in result.kept.values()}
    for pdf in result.pdfs:
        if pdf in copies:
            click.echo(f"Đã tạo PDF của bản đã sửa tay được giữ lại: {pdf}")
        else:
            click.echo(f"Đã tạo PDF: {pdf}" + (" (bản vừa tạo từ sổ Excel)" if copies else ""))


def _echo_units(units) -> None:
    """Who was asked for a contribution (profile) and whose form arrived, once the year has
    its don-vi/ folder (unit-form makes it): before that, no form was asked for."""
    if units is None or not units.collecting:
        return
    click.echo(f"Phiếu đơn vị phối hợp: đã nhận {len(units.answered)}/{len(units.asked)}.")
    for unit, file in units.answered.items():
        click.echo(f"  - Đã gửi: {unit} ({file})")
    if units.missing:
        click.echo(f"  - Chưa gửi ({len(units.missing)}): {', '.join(units.missing)}")


@main.command("new-year")
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.option("--trong", "blank", is_flag=True,
              help="Tạo sổ trống, không chép gì từ năm trước.")
@debug_option
def new_year(year_dir: Path, blank: bool, debug: bool) -> None:
    """Tạo sổ Excel cho thư mục năm YEAR_DIR, bắt đầu từ sổ của năm trước gần nhất.

    Chép sang phần đứng yên (Mở đầu, văn bản I.1.a còn hiệu lực, III, IV, nơi nhận riêng), mỗi
    dòng đánh dấu “Chưa xem lại”; số liệu của năm để trống. --trong: sổ trống.
    """
    from ncnsc_reports.new_year import start_year

    done = _run(debug, lambda: start_year(year_dir, blank), "Chưa tạo sổ Excel nào.")
    if done.source is None:
        click.echo(f"Đã tạo sổ Excel trống: {done.path}")
        return
    click.echo(f"Đã tạo sổ Excel: {done.path}, bắt đầu từ {done.source}")
    for sheet, count in done.carried.items():
        click.echo(f"  - trang “{sheet}”: chép {count} dòng, đánh dấu “Chưa xem lại”")
    click.echo("Hãy đọc từng dòng “Chưa xem lại”, sửa cho đúng năm mới rồi chọn “Đã xem lại”.")


@main.command("new-province")
@click.argument("province_dir", type=click.Path(path_type=Path))
@click.option("--tu", "sources", multiple=True, type=click.Path(path_type=Path),
              help="Thư mục số liệu các năm của một tỉnh trước sắp xếp, ví dụ inputs/tien-giang "
                   "(ghi vào trang “Hình thành”); ghi --tu nhiều lần nếu nhiều tỉnh.")
@debug_option
def new_province(province_dir: Path, sources: tuple[Path, ...], debug: bool) -> None:
    """Tạo hồ sơ tỉnh cho thư mục PROVINCE_DIR, ví dụ inputs/dong-thap (tên tỉnh, thành phố
    từ 1/7/2025, viết thường không dấu): tên cơ quan, nơi nhận, xã phường, các tỉnh đã hợp
    thành; tạo thêm thư mục inputs/, templates/ (mẫu Word) và README.txt nếu chưa có."""
    from ncnsc_reports.inputs.start import this_year
    from ncnsc_reports.new_province import start_province

    done = _run(debug, lambda: start_province(province_dir, sources), "Chưa tạo hồ sơ tỉnh nào.")
    province = done.province
    click.echo(f"Đã tạo hồ sơ tỉnh: {done.profile} ({province.title} từ 1/7/2025, "
               f"{len(province.communes)} xã, phường).")
    for name, folder in done.folders.items():
        data = f"số liệu ở inputs/{folder}" if folder else "chưa có thư mục số liệu"
        click.echo(f"  - hình thành từ: {name} ({data})")
    for path in done.created:
        click.echo(f"Đã tạo: {path}")
    if done.kept:
        click.echo(f"Giữ nguyên (đã có): {', '.join(str(p) for p in done.kept)}")
    year = Path(province_dir) / str(this_year())
    click.echo("Việc tiếp theo:")
    click.echo(f"  1. Mở {done.profile}: ghi người ký (trang “Cơ quan”), kế hoạch của tỉnh "
               "(trang “Kế hoạch”, “Chỉ tiêu”…).")
    click.echo(f"  2. ncnsc-report new-year {year}   rồi điền sổ Excel của năm.")
    click.echo(f"  3. ncnsc-report build {year}")


@main.command("unit-form")
@click.argument("year_dir", type=click.Path(path_type=Path))
@click.argument("units", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(path_type=Path),
              help="Thư mục ghi phiếu (mặc định: outputs/<tỉnh>/<năm>/phieu-don-vi).")
@click.option("--force", is_flag=True,
              help="Thay cả phiếu đã sửa tay (điền sẵn) trong thư mục phiếu, không giữ bản sao "
                   "(mặc định: giữ bản đã sửa với tên có “-sua-tay-”).")
@debug_option
def unit_form(year_dir: Path, units: tuple[str, ...], out_dir: Path | None, force: bool,
              debug: bool) -> None:
    """Tạo phiếu đóng góp (sổ Excel nhỏ) cho từng đơn vị phối hợp của năm YEAR_DIR.

    UNITS: tên đơn vị như trong hồ sơ tỉnh (trang “Đơn vị phối hợp”), ví dụ "Sở Công Thương";
    không ghi thì tạo phiếu cho mọi đơn vị. Phiếu nhận về đặt vào YEAR_DIR/don-vi/.
    """
    from ncnsc_reports.contributions import write_forms

    forms = _run(debug, lambda: write_forms(year_dir, units, out_dir, force),
                 "Chưa tạo phiếu nào.")
    echo_forms(forms)
    click.echo(f"Gửi phiếu cho các đơn vị; phiếu nhận về đặt vào {Path(year_dir) / 'don-vi'} "
               "rồi chạy ncnsc-report build.")


@main.command("new-summary")
@click.argument("period_dir", type=click.Path(path_type=Path))
@debug_option
def new_summary(period_dir: Path, debug: bool) -> None:
    """Tạo sổ Excel trống cho báo cáo tổng kết PERIOD_DIR, ví dụ inputs/an-giang/tong-ket-2021-2025
    (hoặc sơ kết: so-ket-2026-2028); số liệu lấy từ các thư mục năm."""
    from ncnsc_reports.inputs.period_blank import write_blank_period_workbook

    path = _run(debug, lambda: write_blank_period_workbook(period_dir), "Chưa tạo sổ Excel nào.")
    click.echo(f"Đã tạo sổ Excel trống: {path}")


KINDS_HELP = ("Loại mẫu: bao-cao-nam (báo cáo năm), tong-ket (báo cáo tổng kết, sơ kết giai "
              "đoạn), du-thao-ke-hoach (dự thảo kế hoạch giai đoạn sau).")


@main.command("check-template")
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
    problems = _run(debug, lambda: check(path, kind=kind), "")
    if fix and problems:
        path, problems = _fix_template(path, kind, debug)
    _echo_problems("Lỗi", [p for p in problems if p.is_error])
    _echo_problems("Cảnh báo", [p for p in problems if not p.is_error])
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
    changes = _run(debug, lambda: fix_template(path, target), "Chưa ghi bản sửa nào.")
    if not changes:
        click.echo("Không có chỗ nào sửa tự động được; mẫu gốc giữ nguyên.")
        return path, _run(debug, lambda: check(path, kind=kind), "")
    click.echo(f"Đã sửa ({len(changes)}) và ghi vào “{target}”:")
    for change in changes:
        click.echo(f"  - {change}")
    return target, _run(debug, lambda: check(target, kind=kind), "")


@main.command()
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
    click.echo(_run(debug, lambda: render(sample_context(kind)), ""), nl=False)
