"""Rebuild only what changed: a report is built again only when something it depends on changed."""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from conftest import ROOT, edit_workbook
from docx_text import docx_lines

from ncnsc_reports.cli import main

PROVINCES = ("an-giang", "hung-yen")
AN_GIANG = [f"an-giang/{year}" for year in range(2021, 2026)]


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


def make_project(tmp_path):
    for province in PROVINCES:
        # phase 2021–2025 only: An Giang 2026 (issue 9) has tests of its own
        shutil.copytree(ROOT / "inputs" / province, tmp_path / "inputs" / province,
                        ignore=shutil.ignore_patterns("2026", "tong-ket-*"))
    # the summary (built by --all too) reads the predecessors: tests/engine/test_engine_summary
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    # the former Kiên Giang (An Giang's “Hình thành”) is not in this project: said in words
    edit_workbook(tmp_path / "inputs" / "an-giang" / "ho-so-tinh.xlsx", "Hình thành",
                  {"C3": None, "D3": "Số liệu của tỉnh Kiên Giang (trước sắp xếp) được báo cáo "
                                     "riêng."})
    return tmp_path


@pytest.fixture(scope="module")
def _first_batch(tmp_path_factory):
    """The project right after its first `build --all`, and a copy of it kept aside: most tests
    below start from there, and one first batch serves them all (issue 21 item 5)."""
    place = make_project(tmp_path_factory.mktemp("first-batch") / "project")
    build_all(place)
    kept = place.parent / "kept"
    shutil.copytree(place, kept)  # copy2: contents and times as the batch left them
    return place, kept


@pytest.fixture
def built_project(_first_batch):
    """The project as its first `build --all` left it, put back where it was built (the record
    names the template by its path). A test that sees “đã tạo 0” on an unchanged year proves
    the copy is as good as the batch itself."""
    place, kept = _first_batch
    shutil.rmtree(place)
    shutil.copytree(kept, place)
    return place


def build_all(project, *options: str):
    result = CliRunner().invoke(main, ["build", "--all", str(project / "inputs"), "--jobs", "1",
                                       *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


def outputs(project) -> dict[str, tuple[int, int]]:
    """{province/year/file: (inode, mtime_ns)} of every output: a rewrite changes both."""
    found = {}
    for path in sorted((project / "outputs").glob("*/*/*")):
        if path.suffix in (".docx", ".xlsx", ".pdf"):
            st = path.stat()
            found[str(path.relative_to(project / "outputs"))] = (st.st_ino, st.st_mtime_ns)
    return found


def rebuilt(before: dict, after: dict) -> list[str]:
    """The reports (province/year) any of whose outputs were written again."""
    return sorted({name.rsplit("/", 1)[0] for name in after if before.get(name) != after[name]})


def test_a_second_batch_with_nothing_changed_rebuilds_nothing(project):
    first = build_all(project)
    assert "Tổng kết: 6 báo cáo — đã tạo 6, không đổi 0, lỗi 0, cảnh báo 2." in first
    before = outputs(project)
    assert len(before) == 11  # 6 reports, 5 indicator workbooks
    second = build_all(project)
    assert outputs(project) == before
    assert "Tổng kết: 6 báo cáo — đã tạo 0, không đổi 6, lỗi 0, cảnh báo 2." in second
    report = project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert f"  = hung-yen/2023: {report}" in second
    # the warning of the build that wrote the outputs is still shown
    assert any(line.startswith("      Cảnh báo: ho-so-tinh.xlsx › trang “Định mức hỗ trợ”")
               for line in second)


def test_a_changed_year_rebuilds_it_and_the_later_years_that_read_it(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    edit_workbook(project / "inputs" / "an-giang" / "2023" / "bao-cao-2023.xlsx", "Nội dung",
                  {"C2": "Đoạn văn sửa lại sau khi góp ý."})
    lines = build_all(project)
    assert rebuilt(before, outputs(project)) == ["an-giang/2023", "an-giang/2024",
                                                  "an-giang/2025"]
    assert "Tổng kết: 6 báo cáo — đã tạo 3, không đổi 3, lỗi 0, cảnh báo 2." in lines
    report = project / "outputs" / "an-giang" / "2023" / "bao-cao-an-giang-2023.docx"
    assert "Đoạn văn sửa lại sau khi góp ý." in docx_lines(report)


def test_a_year_without_indicators_does_not_depend_on_earlier_years(project):
    shutil.copytree(project / "inputs" / "hung-yen" / "2023", project / "inputs" / "hung-yen"
                    / "2024")
    book = project / "inputs" / "hung-yen" / "2024" / "bao-cao-2023.xlsx"
    edit_workbook(book, "Thông tin chung", {"B2": 2024, "B6": 2024})  # signed in 2024 too
    build_all(project)
    before = outputs(project)
    edit_workbook(project / "inputs" / "hung-yen" / "2023" / "bao-cao-2023.xlsx", "Nội dung",
                  {"C2": "Đoạn văn sửa lại."})
    build_all(project)
    assert rebuilt(before, outputs(project)) == ["hung-yen/2023"]


def test_touching_a_workbook_without_changing_it_rebuilds_nothing(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    book = project / "inputs" / "an-giang" / "2021" / "bao-cao-2021.xlsx"
    os.utime(book, ns=(book.stat().st_atime_ns, book.stat().st_mtime_ns + 10**9))
    build_all(project)
    assert outputs(project) == before


def test_a_changed_profile_rebuilds_every_year_of_that_province(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    _append_zip_comment(project / "inputs" / "an-giang" / "ho-so-tinh.xlsx")
    build_all(project)
    assert rebuilt(before, outputs(project)) == AN_GIANG


def test_a_changed_template_rebuilds_every_report(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    _append_zip_comment(project / "templates" / "bao-cao-nam.docx")
    build_all(project)
    assert rebuilt(before, outputs(project)) == [*AN_GIANG, "hung-yen/2023"]


def test_a_province_template_placed_later_rebuilds_that_province(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    (project / "inputs" / "hung-yen" / "templates").mkdir()
    shutil.copy(project / "templates" / "bao-cao-nam.docx",
                project / "inputs" / "hung-yen" / "templates" / "bao-cao-nam.docx")
    build_all(project)
    assert rebuilt(before, outputs(project)) == ["hung-yen/2023"]


def test_a_new_file_in_a_year_folder_is_a_change(built_project):
    project = built_project  # as the first build --all left it
    extra = project / "inputs" / "hung-yen" / "2023" / "ban-cu.xlsx"
    shutil.copy(project / "inputs" / "hung-yen" / "2023" / "bao-cao-2023.xlsx", extra)
    result = CliRunner().invoke(main, ["build", "--all", str(project / "inputs"), "--jobs", "1"])
    assert result.exit_code == 1
    assert "  ✗ hung-yen/2023: không tạo được" in result.output
    assert "cần đúng một sổ Excel, nhưng có 2" in result.output


def test_an_excel_lock_file_is_not_a_change(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    (project / "inputs" / "hung-yen" / "2023" / "~$bao-cao-2023.xlsx").write_bytes(b"lock")
    build_all(project)
    assert outputs(project) == before


def test_a_hand_edited_report_is_rebuilt_and_the_edit_kept(built_project):
    project = built_project  # as the first build --all left it
    report = project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    report.write_bytes(report.read_bytes() + b" sua tay")  # stands for an edit saved in Word
    lines = build_all(project)
    kept = [line for line in lines if "được giữ lại thành" in line]
    assert len(kept) == 1 and "bao-cao-hung-yen-2023-sua-tay-" in kept[0]
    assert "Tổng kết: 6 báo cáo — đã tạo 1, không đổi 5, lỗi 0, cảnh báo 2." in lines
    assert not report.read_bytes().endswith(b" sua tay")


def test_a_deleted_output_is_written_again(built_project):
    project = built_project  # as the first build --all left it
    book = project / "outputs" / "an-giang" / "2022" / "chi-tieu.xlsx"
    book.unlink()
    build_all(project)
    assert book.is_file()


def test_rebuild_option_rebuilds_every_report(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    lines = build_all(project, "--rebuild")
    assert rebuilt(before, outputs(project)) == [*AN_GIANG, "hung-yen/2023"]
    assert "Tổng kết: 6 báo cáo — đã tạo 6, không đổi 0, lỗi 0, cảnh báo 2." in lines


def test_strict_fails_on_the_warnings_of_an_up_to_date_report(built_project):
    project = built_project  # as the first build --all left it
    result = CliRunner().invoke(main, ["build", str(project / "inputs" / "an-giang" / "2025"),
                                       "--strict"])
    assert result.exit_code == 1
    assert "chưa kiểm tra được số tiền hỗ trợ so với định mức" in result.output


def test_a_single_build_says_the_report_is_up_to_date(project):
    year = project / "inputs" / "hung-yen" / "2023"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(year)]).exit_code == 0
    result = runner.invoke(main, ["build", str(year)])
    report = project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx"
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Báo cáo không đổi (dữ liệu, mẫu như lần tạo trước), giữ nguyên: {report}. Muốn tạo "
        "lại: thêm --rebuild."]


def test_a_damaged_record_means_a_rebuild(built_project):
    project = built_project  # as the first build --all left it
    before = outputs(project)
    (project / "outputs" / "hung-yen" / ".ncnsc-nguon-2023.json").write_text("{", "utf-8")
    build_all(project)
    assert rebuilt(before, outputs(project)) == ["hung-yen/2023"]


@pytest.mark.libreoffice
def test_pdfs_of_unchanged_reports_are_not_made_again(project):
    shutil.rmtree(project / "inputs" / "an-giang")
    assert "Đã tạo 1 tệp PDF (một lần chạy LibreOffice)." in build_all(project, "--pdf")
    before = outputs(project)
    assert "hung-yen/2023/bao-cao-hung-yen-2023.pdf" in before
    lines = build_all(project, "--pdf")
    assert "1 tệp PDF không đổi, không tạo lại." in lines
    assert outputs(project) == before
    (project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.pdf").unlink()
    assert "Đã tạo 1 tệp PDF (một lần chạy LibreOffice)." in build_all(project, "--pdf")


def _append_zip_comment(path) -> None:
    """Change a workbook's or template's bytes, not its content (a save without edits)."""
    with zipfile.ZipFile(path, "a") as z:
        z.comment = b"saved again"


# --- A batch reads each workbook once ---------------------------------------------------------

def test_a_batch_reads_the_profile_and_each_earlier_year_once(project, monkeypatch):
    from ncnsc_reports import batch
    from ncnsc_reports.inputs import shared
    from ncnsc_reports.pipeline import BuildOptions

    reads = []
    real = shared.read_workbook

    def counting(path, specs, problems, ignored=(), label=None):
        reads.append(label or path.name)
        return real(path, specs, problems, ignored, label)

    monkeypatch.setattr(shared, "read_workbook", counting)
    years = batch.discover(project / "inputs")
    items = batch.build_all(years, BuildOptions(out_root=project / "outputs-batch"), jobs=1)
    assert all(item.result for item in items)
    shared_reads = sorted(r for r in reads if r == "ho-so-tinh.xlsx" or "/" in r)
    # two profiles; 2021–2024 read as history by the later years of An Giang, once each
    assert shared_reads == ["2021/bao-cao-2021.xlsx", "2022/bao-cao-2022.xlsx",
                            "2023/bao-cao-2023.xlsx", "2024/bao-cao-2024.xlsx",
                            "ho-so-tinh.xlsx", "ho-so-tinh.xlsx"]
    reads.clear()
    batch.build_all(years, BuildOptions(out_root=project / "again", rebuild=True),
                    jobs=1)
    assert len([r for r in reads if r == "ho-so-tinh.xlsx"]) == 2  # nothing kept after a batch


def test_shared_reads_give_the_same_reports_and_warnings_as_single_builds(project):
    from ncnsc_reports import batch
    from ncnsc_reports.pipeline import BuildOptions, build

    years = batch.discover(project / "inputs")
    items = batch.build_all(years, BuildOptions(out_root=project / "batch"), jobs=1)
    for item in items:
        alone = build(item.year_dir, out_root=project / "alone")
        assert [str(w) for w in item.result.warnings] == [str(w) for w in alone.warnings]
        assert item.result.path.read_bytes() == alone.path.read_bytes()


def test_a_contribution_form_added_later_is_a_change(built_project):
    from ncnsc_reports.pipeline import up_to_date

    project = built_project  # as the first build --all left it
    year = project / "inputs" / "hung-yen" / "2023"
    assert up_to_date(year) is not None
    (year / "don-vi").mkdir()
    shutil.copy(year / "bao-cao-2023.xlsx", year / "don-vi" / "phong-quan-ly.xlsx")
    assert up_to_date(year) is None


# --- Every change seen (issue 25, item 3) -----------------------------------------------------

DAY_NS = 86_400 * 10**9
DOS_EPOCH_NS = 315_532_800 * 10**9  # 1980-01-01, the earliest time a zip can hold


def _padded(path, size: int) -> None:
    """Make the workbook at `path` exactly `size` bytes long with a zip comment."""
    with zipfile.ZipFile(path, "a") as z:
        z.comment = b""
    with zipfile.ZipFile(path, "a") as z:
        z.comment = b"x" * (size - path.stat().st_size)
    assert path.stat().st_size == size


def _year_with_old_times(project, mtime_ns: int):
    """The Hưng Yên 2023 workbook with room for same-size edits and an old time, built once."""
    book = project / "inputs" / "hung-yen" / "2023" / "bao-cao-2023.xlsx"
    _padded(book, book.stat().st_size + 30_000)
    os.utime(book, ns=(mtime_ns, mtime_ns))
    build_all(project)
    return book


def _edited_same_size(book, text: str, replace: bool = False) -> None:
    """Edit the paragraph C2 of “Nội dung” keeping the size and the time of the workbook; with
    `replace`, the edited copy takes its place (a new inode, as unzipping writes it)."""
    size, mtime = book.stat().st_size, book.stat().st_mtime_ns
    edited = book.parent.parent / "chep-tam.xlsx" if replace else book
    if replace:
        shutil.copy(book, edited)
    edit_workbook(edited, "Nội dung", {"C2": text})
    _padded(edited, size)
    if replace:
        os.replace(edited, book)
    os.utime(book, ns=(mtime, mtime))
    assert (book.stat().st_size, book.stat().st_mtime_ns) == (size, mtime)


def _report_lines(project) -> list[str]:
    return docx_lines(project / "outputs" / "hung-yen" / "2023" / "bao-cao-hung-yen-2023.docx")


def test_an_edit_that_keeps_size_and_time_is_seen(project):
    book = _year_with_old_times(project, book_time := 1_700_000_000 * 10**9)
    assert book_time < os.stat(book).st_ctime_ns - DAY_NS
    _edited_same_size(book, "Đoạn sửa giữ nguyên cỡ tệp và giờ sửa.")
    lines = build_all(project)
    assert "Tổng kết: 6 báo cáo — đã tạo 1, không đổi 5, lỗi 0, cảnh báo 2." in lines
    assert "Đoạn sửa giữ nguyên cỡ tệp và giờ sửa." in _report_lines(project)


def test_a_file_with_a_1980_dos_time_replaced_by_another_is_seen(project):
    book = _year_with_old_times(project, DOS_EPOCH_NS)
    _edited_same_size(book, "Đoạn của tệp giải nén từ zip.", replace=True)
    lines = build_all(project)
    assert "Tổng kết: 6 báo cáo — đã tạo 1, không đổi 5, lỗi 0, cảnh báo 2." in lines
    assert "Đoạn của tệp giải nén từ zip." in _report_lines(project)


def test_a_hidden_workbook_is_neither_read_nor_recorded(built_project):
    project = built_project  # as the first build --all left it
    year = project / "inputs" / "hung-yen" / "2023"
    before = outputs(project)
    shutil.copy(year / "bao-cao-2023.xlsx", year / ".bao-cao-2023.xlsx")
    edit_workbook(year / ".bao-cao-2023.xlsx", "Nội dung", {"C2": "Bản ẩn"})
    build_all(project)  # not a second workbook, not a change
    assert outputs(project) == before
    (year / "bao-cao-2023.xlsx").unlink()
    result = CliRunner().invoke(main, ["build", str(year)])
    assert result.exit_code == 1
    assert (f"{year}: không có sổ Excel (.xlsx) nào trong thư mục năm (tệp ẩn "
            "“.bao-cao-2023.xlsx” không được đọc vì tên bắt đầu bằng dấu chấm; nếu đó là sổ của "
            "năm, hãy bỏ dấu chấm ở đầu tên); tạo sổ mới bằng lệnh: ncnsc-report new-year "
            f"{year}") in result.output


def _cut_fingerprint(data):
    path = next(iter(data["inputs"]))
    data["inputs"][path] = data["inputs"][path][:2]


DAMAGES = {
    "invalid JSON": (None, "không phải JSON hợp lệ"),
    "a fingerprint cut short": (_cut_fingerprint, "mục “inputs”"),
    "folders as a list": (lambda d: d.update(folders=list(d["folders"])), "mục “folders”"),
    "an unknown field in a stored warning": (lambda d: d.update(warnings=[
        {"where": {"file": "bao-cao-2023.xlsx", "trang": "Nội dung"}, "message": "m"}]),
        "mục “warnings”"),
    "an output's size as text": (lambda d: d["outputs"].update(
        {n: ["12", 0, 0, 0, "x"] for n in d["outputs"]}), "mục “outputs”"),
    "the program as a number": (lambda d: d.update(program=1), "mục “program”/“template”"),
    "an unknown field": (lambda d: d.update(extra=1), "các mục không đúng"),
    "a list": (lambda d: d.clear() or d.update(x=[]), "các mục không đúng"),
}


@pytest.mark.parametrize("damage", DAMAGES, ids=list(DAMAGES))
def test_a_damaged_record_of_any_shape_means_a_rebuild_said_in_one_line(built_project, damage):
    import json

    project = built_project  # as the first build --all left it
    before = outputs(project)
    record = project / "outputs" / "hung-yen" / ".ncnsc-nguon-2023.json"
    change, what = DAMAGES[damage]
    if change is None:
        record.write_text("{", "utf-8")
    else:
        data = json.loads(record.read_text("utf-8"))
        change(data)
        record.write_text(json.dumps(data), "utf-8")
    lines = build_all(project)
    assert rebuilt(before, outputs(project)) == ["hung-yen/2023"]
    assert (f"      Bản ghi nguồn “{record}” bị hỏng hoặc đã bị sửa tay ({what}) nên không dùng "
            "được; báo cáo được tạo lại và bản ghi được ghi mới.") in lines
    assert not any("Bản ghi nguồn" in line for line in build_all(project))  # written anew
