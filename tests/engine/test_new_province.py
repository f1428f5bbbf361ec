"""`new-province`: a province's profile from the packages' data, checked against their data and
Nghị quyết 202/2025/QH15; then the first report of a province started from nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import ROOT, append_row, edit_workbook
from docx_text import docx_lines

from ncnsc_reports.cli import main
from ncnsc_reports.errors import InputError
from ncnsc_reports.inputs.divisions import provinces, slug_of
from ncnsc_reports.inputs.schema import HELP_SHEET, LISTS_SHEET, PROFILE_SHEETS
from ncnsc_reports.inputs.sheets import read_workbook
from ncnsc_reports.new_province import SIGNER_PLACEHOLDER, start_province
from ncnsc_reports.problems import Problems
from ncnsc_reports.report.formation import folder_name, read_formation
from ncnsc_reports.report.localities import read_localities

# Nghị quyết 202/2025/QH15, Điều 1: the 23 provinces formed by merger and what each was formed
# from (typed from the resolution, independently of the packages the product reads).
RESOLUTION_202 = {
    "tuyen-quang": {"Tuyên Quang", "Hà Giang"},
    "lao-cai": {"Lào Cai", "Yên Bái"},
    "thai-nguyen": {"Thái Nguyên", "Bắc Kạn"},
    "phu-tho": {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"},
    "bac-ninh": {"Bắc Ninh", "Bắc Giang"},
    "hung-yen": {"Hưng Yên", "Thái Bình"},
    "hai-phong": {"Hải Phòng", "Hải Dương"},
    "ninh-binh": {"Ninh Bình", "Hà Nam", "Nam Định"},
    "quang-tri": {"Quảng Trị", "Quảng Bình"},
    "da-nang": {"Đà Nẵng", "Quảng Nam"},
    "quang-ngai": {"Quảng Ngãi", "Kon Tum"},
    "gia-lai": {"Gia Lai", "Bình Định"},
    "khanh-hoa": {"Khánh Hòa", "Ninh Thuận"},
    "lam-dong": {"Lâm Đồng", "Đắk Nông", "Bình Thuận"},
    "dak-lak": {"Đắk Lắk", "Phú Yên"},
    "ho-chi-minh": {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"},
    "dong-nai": {"Đồng Nai", "Bình Phước"},
    "tay-ninh": {"Tây Ninh", "Long An"},
    "can-tho": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"},
    "vinh-long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"},
    "dong-thap": {"Đồng Tháp", "Tiền Giang"},
    "ca-mau": {"Cà Mau", "Bạc Liêu"},
    "an-giang": {"An Giang", "Kiên Giang"},
}
# The 6 centrally-run cities from 1/7/2025 (Hà Nội, Huế and the four named above).
CITIES = {"ha-noi", "hai-phong", "hue", "da-nang", "ho-chi-minh", "can-tho"}
JULY_1 = dt.datetime(2025, 7, 1)


def _package_provinces() -> dict[str, dict]:
    """vietnam-provinces' own data, read here without the product's module."""
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    data = json.loads(NESTED_DIVISIONS_JSON_PATH.read_text("utf-8"))
    return {p["codename"].replace("_", "-"): p for p in data}


PACKAGE = _package_provinces()


def _rows(path, sheet: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    rows = [r for r in wb[sheet].iter_rows(min_row=2, values_only=True) if any(r)]
    # “Hình thành” › “Câu khi không có số liệu” (issue 22 item 2) is empty here
    return [r[:3] if sheet == "Hình thành" and not any(r[3:]) else r for r in rows]


def _agency(path) -> dict[str, str]:
    return {label: value for _, label, value in _rows(path, "Cơ quan")}


def test_the_package_data_is_what_the_resolution_says():
    """34 provinces (6 cities), 3,321 communes; the converter's predecessors are the 23
    mergers of the resolution, the 11 others have none."""
    assert len(PACKAGE) == 34 and set(provinces()) == set(PACKAGE)
    assert sum(len(p["wards"]) for p in PACKAGE.values()) == 3321
    assert {s for s, p in PACKAGE.items() if p["division_type"] != "tỉnh"} == CITIES
    merged = {slug: {n.removesuffix(" (trước sắp xếp)") for n in p.predecessors}
              for slug, p in provinces().items() if p.predecessors}
    assert merged == RESOLUTION_202


def test_the_converter_knows_the_same_34_provinces_and_communes():
    from vietnam_address_converter.data import DEFAULT_DATA

    new = {p["slug"]: p["code"] for p in DEFAULT_DATA["newProvinces"].values()}
    assert set(new) == set(PACKAGE)
    wards: dict[str, int] = {}
    for ward in DEFAULT_DATA["newWards"].values():
        wards[ward["parent_code"]] = wards.get(ward["parent_code"], 0) + 1
    assert {slug: wards[code] for slug, code in new.items()} == {
        slug: len(p["wards"]) for slug, p in PACKAGE.items()}


@pytest.mark.parametrize("slug", sorted(PACKAGE))
def test_every_province_gets_the_profile_build_reads(tmp_path, slug):
    package = PACKAGE[slug]
    city = package["division_type"] == "thành phố trung ương"
    name = package["name"].removeprefix("Thành phố ")
    done = start_province(tmp_path / "inputs" / slug)
    profile = tmp_path / "inputs" / slug / "ho-so-tinh.xlsx"
    assert done.profile == profile and folder_name(name) == slug == slug_of(name)
    agency = _agency(profile)
    kind = "THÀNH PHỐ" if city else "TỈNH"
    assert agency["Cơ quan chủ quản"] == f"UBND {kind} {name.upper()}"
    assert agency["Cơ quan ban hành"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert agency["Tên cơ quan (chữ thường)"] == (
        f"Sở Khoa học và Công nghệ {'thành phố' if city else 'tỉnh'} {name}")
    assert agency["Họ tên người ký"] == SIGNER_PLACEHOLDER
    place = "Thành phố Hồ Chí Minh" if slug == "ho-chi-minh" else name
    assert agency["Địa danh"] == place
    problems = Problems()
    sheets = read_workbook(profile, PROFILE_SHEETS, problems, (HELP_SHEET, LISTS_SHEET))
    assert not problems, [str(p) for p in problems]
    lists = read_localities(sheets["Địa bàn"], problems)
    assert [(since, len(names)) for since, names in lists] == [(JULY_1.date(),
                                                              len(package["wards"]))]
    assert set(lists[0][1]) == {" ".join(w["name"].split()) for w in package["wards"]}
    formation = read_formation(tmp_path / "inputs" / slug, problems)
    if slug not in RESOLUTION_202:
        assert formation is None and _rows(profile, "Hình thành") == []
        return
    assert formation.date == JULY_1.date() and not problems
    names = {p.name.removesuffix(" (trước sắp xếp)") for p in formation.predecessors}
    assert names == RESOLUTION_202[slug]
    own = [p for p in formation.predecessors if p.name == f"{name} (trước sắp xếp)"]
    assert [p.folder.name for p in own] == [slug]


def test_dong_thap_lists_tien_giang_and_its_folder_given_by_tu(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inputs" / "tien-giang").mkdir(parents=True)
    done = CliRunner().invoke(main, ["new-province", "inputs/dong-thap", "--tu",
                                     "inputs/tien-giang"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[:3] == [
        "Đã tạo hồ sơ tỉnh: inputs/dong-thap/ho-so-tinh.xlsx (tỉnh Đồng Tháp từ 1/7/2025, "
        "102 xã, phường).",
        "  - hình thành từ: Tiền Giang (số liệu ở inputs/tien-giang)",
        "  - hình thành từ: Đồng Tháp (trước sắp xếp) (số liệu ở inputs/dong-thap)"]
    assert _rows("inputs/dong-thap/ho-so-tinh.xlsx", "Hình thành") == [
        (JULY_1, "Tiền Giang", "tien-giang"), (JULY_1, "Đồng Tháp (trước sắp xếp)", "dong-thap")]
    assert ("Đã tạo: templates/bao-cao-nam.docx" in done.output
            and "Đã tạo: README.txt" in done.output)
    readme = (tmp_path / "README.txt").read_text("utf-8-sig")
    assert "ncnsc-report new-year inputs/dong-thap/" in readme


def test_a_misspelt_province_gets_the_closest_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["new-province", "inputs/dong-thao"])
    assert done.exit_code == 1 and not (tmp_path / "inputs").exists()
    assert done.output.splitlines() == [
        "Lỗi (1):",
        "  - inputs/dong-thao: “dong-thao” không phải tên thư mục của tỉnh, thành phố nào "
        "trong 34 tỉnh, thành phố từ 01/7/2025; có phải ý bạn là: dong-thap, dong-nai, "
        "can-tho? Tên thư mục là tên tỉnh viết thường, không dấu, các chữ nối bằng “-” (ví dụ "
        "dong-thap, ho-chi-minh, ha-noi, hue).",
        "Chưa tạo hồ sơ tỉnh nào. Hãy sửa thư mục, tệp theo hướng dẫn ở từng lỗi rồi chạy lại."]


@pytest.mark.parametrize(("folder", "message"), [
    ("inputs/tien-giang", "inputs/tien-giang: từ 01/7/2025, tỉnh Tiền Giang là một phần của "
     "tỉnh Đồng Tháp (Nghị quyết số 202/2025/QH15); hãy tạo: ncnsc-report new-province "
     "inputs/dong-thap --tu inputs/tien-giang (thư mục tien-giang giữ số liệu các năm của tỉnh "
     "Tiền Giang)"),
    ("inputs/thua-thien-hue", "có phải ý bạn là: hue, ha-tinh?"),
    ("inputs/Hồ Chí Minh", "có phải ý bạn là: ho-chi-minh?"),
    ("hue", "hue: thư mục tỉnh phải nằm trong thư mục “inputs” của dự án; hãy ghi: "
            "ncnsc-report new-province inputs/hue"),
])
def test_other_wrong_names_say_what_to_type(tmp_path, monkeypatch, folder, message):
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["new-province", folder])
    assert done.exit_code == 1 and message in done.output
    assert list(tmp_path.iterdir()) == []


def test_typed_inside_inputs_the_project_is_still_the_folder_above(tmp_path, monkeypatch):
    (tmp_path / "inputs").mkdir()
    monkeypatch.chdir(tmp_path / "inputs")
    done = start_province(Path("ca-mau"))
    assert done.profile == Path("ca-mau") / "ho-so-tinh.xlsx" and done.profile.is_file()
    assert (tmp_path / "templates" / "bao-cao-nam.docx").is_file()
    assert (tmp_path / "README.txt").is_file() and not (tmp_path / "inputs" / "templates").exists()


def test_an_existing_profile_is_refused_and_templates_are_kept(tmp_path):
    province = tmp_path / "inputs" / "hue"
    start_province(province)
    profile = (province / "ho-so-tinh.xlsx").read_bytes()
    (tmp_path / "README.txt").write_text("của tỉnh", encoding="utf-8")
    with pytest.raises(InputError) as err:
        start_province(province)
    assert [str(p) for p in err.value.problems] == [
        f"{province}: đã có hồ sơ tỉnh “ho-so-tinh.xlsx”; không ghi đè. Muốn tạo lại từ đầu, "
        "hãy chuyển tệp đó ra khỏi thư mục rồi chạy lại lệnh"]
    assert (province / "ho-so-tinh.xlsx").read_bytes() == profile
    edited = tmp_path / "templates" / "bao-cao-nam.docx"
    edited.write_bytes(b"mau cua tinh")
    done = start_province(tmp_path / "inputs" / "ha-noi")
    assert edited.read_bytes() == b"mau cua tinh" and edited in done.kept
    assert done.created == () and (tmp_path / "README.txt").read_text("utf-8") == "của tỉnh"


def test_a_wrong_tu_folder_writes_nothing(tmp_path):
    (tmp_path / "inputs" / "tien-giang").mkdir(parents=True)
    with pytest.raises(InputError) as err:
        start_province(tmp_path / "inputs" / "an-giang",
                       (tmp_path / "inputs" / "tien-giang", tmp_path / "kien-giang"))
    assert [p.message for p in err.value.problems] == [
        "không phải thư mục của một tỉnh đã hợp thành tỉnh An Giang (Nghị quyết số "
        "202/2025/QH15); thư mục có thể ghi ở --tu: inputs/kien-giang, inputs/an-giang",
        f"không tìm thấy thư mục này cạnh {tmp_path / 'inputs' / 'an-giang'} (trong "
        f"{tmp_path / 'inputs'}); số liệu các năm của tỉnh Kiên Giang phải nằm trong cùng "
        "thư mục inputs"]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["inputs", "tien-giang"]


def _invoke(*args: str) -> str:
    done = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return done.output


def test_a_province_started_from_nothing_builds_its_first_report(tmp_path, monkeypatch):
    """new-province, new-year, a few rows typed, build: the report of Đồng Tháp after
    1/7/2025; before a plan is written, build says to write it."""
    monkeypatch.chdir(tmp_path)
    _invoke("new-province", "inputs/dong-thap")
    _invoke("new-year", "inputs/dong-thap/2026")
    book = tmp_path / "inputs" / "dong-thap" / "2026" / "bao-cao-2026.xlsx"
    edit_workbook(book, "Thông tin chung", {"B5": 11, "B9": "Có"})  # Tháng ký, minh họa
    for section, text in (("III.1", "Tiếp tục hỗ trợ doanh nghiệp."),
                          ("III.2", "Bố trí đủ kinh phí.")):
        append_row(book, "Nội dung", (section, None, text))
    append_row(book, "Hỗ trợ doanh nghiệp", (
        "Công ty TNHH Minh Họa", "1234567890", "Phường Mỹ Tho", "Hệ thống quản lý", "ISO 9001",
        "Tư vấn áp dụng", 50_000_000, "Ngân sách tỉnh", dt.datetime(2026, 5, 4)))
    refused = CliRunner().invoke(main, ["build", "inputs/dong-thap/2026"])
    assert refused.exit_code == 1 and (
        "  - ho-so-tinh.xlsx › trang “Kế hoạch”: chưa có kế hoạch nào; hãy ghi kế hoạch thực "
        "hiện Chương trình 1322 của tỉnh (Loại văn bản, Số, ký hiệu, Ngày ban hành, Cơ quan "
        "ban hành, Trích yếu, Giai đoạn): báo cáo năm trích dẫn và đối chiếu với kế hoạch "
        "đó\n") in refused.output
    profile = tmp_path / "inputs" / "dong-thap" / "ho-so-tinh.xlsx"
    append_row(profile, "Kế hoạch", (
        "Kế hoạch", "12/KH-UBND", dt.datetime(2026, 2, 10), "UBND tỉnh Đồng Tháp",
        "thực hiện Chương trình 1322 giai đoạn 2026-2030 (văn bản minh họa)", "2026-2030"))
    output = _invoke("build", "inputs/dong-thap/2026")
    assert ("  - ho-so-tinh.xlsx › trang “Cơ quan”: mục “Họ tên người ký” vẫn là chữ giữ chỗ "
            "“(ghi họ tên người ký)” (do lệnh new-province ghi); báo cáo sẽ in nguyên chữ đó — "
            "hãy thay bằng giá trị thật") in output.splitlines()
    report = tmp_path / "outputs" / "dong-thap" / "2026" / "bao-cao-dong-thap-2026.docx"
    assert f"Đã tạo báo cáo: {report}" in output
    lines = docx_lines(report)
    assert lines[1:3] == ["| UBND TỈNH ĐỒNG THÁP", "| SỞ KHOA HỌC VÀ CÔNG NGHỆ"]
    assert "| Đồng Tháp, ngày       tháng 11 năm 2026" in lines
    assert f"| {SIGNER_PLACEHOLDER}" in lines  # printed until the clerk types the name
    formation = read_formation(tmp_path / "inputs" / "dong-thap", Problems())
    assert [(p.name, formation.date) for p in formation.predecessors] == [
        ("Tiền Giang", JULY_1.date()), ("Đồng Tháp (trước sắp xếp)", JULY_1.date())]


def test_the_wheel_carries_what_new_province_copies():
    """The templates it copies are in resources.SHIPPED (the wheel's copies)."""
    from ncnsc_reports.resources import SHIPPED

    shipped = {name for name in SHIPPED if name.startswith("templates/")}
    assert shipped == {f"templates/{p.name}" for p in (ROOT / "templates").glob("*.docx")}


@pytest.mark.parametrize(("args", "line"), [
    (["build"], "Lỗi: cần thư mục năm (hoặc --all để tạo mọi báo cáo); chưa có tỉnh nào trong "
                "inputs/; bắt đầu bằng: ncnsc-report new-province inputs/<tỉnh> (ví dụ "
                "inputs/dong-thap)"),
    (["build", "--all"], "Lỗi: không tìm thấy thư mục dữ liệu “inputs”; chưa có tỉnh nào trong "
                         "inputs/; bắt đầu bằng: ncnsc-report new-province inputs/<tỉnh> (ví dụ "
                         "inputs/dong-thap)."),
    (["build", "inputs/hue/2026"], "  - {cwd}/inputs/hue/2026: không tìm thấy thư mục năm; thư "
     "mục tỉnh chưa có hồ sơ “ho-so-tinh.xlsx”: tạo hồ sơ tỉnh bằng: ncnsc-report new-province "
     "{cwd}/inputs/hue, rồi ncnsc-report new-year {cwd}/inputs/hue/2026"),
    (["new-year", "inputs/hue/2026"], "  - inputs/hue: thiếu hồ sơ tỉnh “ho-so-tinh.xlsx”; tạo "
     "hồ sơ tỉnh bằng: ncnsc-report new-province inputs/hue"),
    (["unit-form", "inputs/hue/2026"], "  - inputs/hue: thiếu hồ sơ tỉnh “ho-so-tinh.xlsx”; tạo "
     "hồ sơ tỉnh bằng: ncnsc-report new-province inputs/hue"),
    (["new-summary", "inputs/hue/tong-ket-2021-2025"], "  - inputs/hue: thiếu hồ sơ tỉnh "
     "“ho-so-tinh.xlsx”; thư mục tổng kết đặt trong thư mục tỉnh, cạnh các thư mục năm; tỉnh "
     "chưa có hồ sơ thì tạo hồ sơ tỉnh bằng: ncnsc-report new-province inputs/hue"),
    (["check-template", "templates/bao-cao-nam.docx"], "Lỗi: không tìm thấy tệp mẫu "
     "“templates/bao-cao-nam.docx” (đã tìm: {cwd}/templates/bao-cao-nam.docx). Thư mục "
     "“{cwd}/templates” cũng không có. Hãy ghi đúng đường dẫn tới tệp Word .docx, ví dụ mẫu đi "
     "kèm chương trình: {shipped} (lệnh ncnsc-report new-province chép các mẫu vào thư mục "
     "templates/ của dự án)."),
])
def test_an_empty_folder_is_told_what_to_create(tmp_path, monkeypatch, args, line):
    """No message sends the clerk to the repository's samples (inputs/hung-yen, templates/):
    each names what exists or the command that creates it."""
    from ncnsc_reports.resources import shipped

    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, args)
    assert done.exit_code in (1, 2) and "hung-yen" not in done.output
    expected = line.format(cwd=tmp_path, shipped=shipped("templates") / "bao-cao-nam.docx")
    assert expected in done.output.splitlines()
    assert list(tmp_path.iterdir()) == []


def test_a_started_province_is_told_the_next_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    start_province(tmp_path / "inputs" / "hue")
    year = dt.date.today().year if 2021 <= dt.date.today().year <= 2030 else 2030
    done = CliRunner().invoke(main, ["build"])
    assert done.output.splitlines()[-1] == (
        "Lỗi: cần thư mục năm (hoặc --all để tạo mọi báo cáo); chưa có thư mục năm nào; tạo sổ "
        f"của năm bằng: ncnsc-report new-year inputs/hue/{year}")
    done = CliRunner().invoke(main, ["build", "inputs/hue/nam-nay"])
    assert (f"  - {tmp_path}/inputs/hue/nam-nay: không tìm thấy thư mục năm; cần dạng "
            f"inputs/<tỉnh>/<năm>, ví dụ {tmp_path}/inputs/hue/{year}") in done.output


@pytest.mark.parametrize("slug", ["dong-thap", "an-giang"])
def test_the_samples_agree_with_the_packages(slug):
    """The merged samples' communes from 1/7/2025 are the package's, their “Hình thành” the
    converter's predecessors (names as the samples write them)."""
    profile = ROOT / "inputs" / slug / "ho-so-tinh.xlsx"
    communes = [r[1] for r in _rows(profile, "Địa bàn") if r[2] == JULY_1]
    assert communes and set(communes) <= set(provinces()[slug].communes)
    assert {r[1] for r in _rows(profile, "Hình thành")} == set(provinces()[slug].predecessors)


def test_an_existing_predecessor_folder_is_filled_in(tmp_path):
    (tmp_path / "inputs" / "kien-giang").mkdir(parents=True)
    done = start_province(tmp_path / "inputs" / "an-giang")
    assert done.folders == {"Kiên Giang": "kien-giang", "An Giang (trước sắp xếp)": "an-giang"}
    assert _rows(done.profile, "Hình thành") == [
        (JULY_1, "Kiên Giang", "kien-giang"), (JULY_1, "An Giang (trước sắp xếp)", "an-giang")]


def test_a_commune_typed_with_the_other_tone_placement_is_in_the_province(tmp_path):
    """The official list writes “Xã Hoà An”; a clerk types “Xã Hòa An”: the same commune (no
    “doanh nghiệp ngoài tỉnh?” warning), while “Xã Hóa An” is another name."""
    from ncnsc_reports.report.localities import locality_key, names_for

    done = start_province(tmp_path / "inputs" / "tuyen-quang")
    assert "Xã Hoà An" in done.province.communes
    problems = Problems()
    sheets = read_workbook(done.profile, PROFILE_SHEETS, problems, (HELP_SHEET, LISTS_SHEET))
    known, _ = names_for(read_localities(sheets["Địa bàn"], problems), 2026, None)
    assert locality_key("Xã Hòa An") in known and locality_key("xã hóa an") not in known


def test_a_centrally_run_city_is_told_thanh_pho(tmp_path, monkeypatch):
    """Hải Phòng's clerk reads “kế hoạch của thành phố”, never “của tỉnh” (issue 22); Hải
    Phòng was formed from a province and a former city: “các tỉnh, thành phố đã hợp thành”."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inputs" / "hai-duong").mkdir(parents=True)
    done = CliRunner().invoke(main, ["new-province", "inputs/hai-phong", "--tu",
                                     "inputs/hai-duong"], catch_exceptions=False)
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Đã tạo hồ sơ thành phố: inputs/hai-phong/ho-so-tinh.xlsx "
                                  "(thành phố Hải Phòng từ 1/7/2025, ")
    assert "kế hoạch của thành phố (trang “Kế hoạch”" in done.output
    readme = (tmp_path / "README.txt").read_text("utf-8-sig")
    assert "(đã làm: tạo hồ sơ thành phố)" in readme and "kế hoạch của\n     thành phố" in readme
    book = openpyxl.load_workbook(tmp_path / "inputs" / "hai-phong" / "ho-so-tinh.xlsx")
    notes = " ".join(str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                     for c in row if c)
    assert "kế hoạch của thành phố ở trang “Kế hoạch”" in notes
    assert "các tỉnh, thành phố đã hợp thành thành phố Hải Phòng" in notes
    # (the help sheet's general notes, for every province, keep saying “tỉnh”)
    said = done.output + readme
    assert "của tỉnh" not in said and "hồ sơ tỉnh:" not in said


def test_a_former_city_s_folder_in_the_wrong_place_is_named_by_its_kind(tmp_path):
    problems_dir = tmp_path / "elsewhere" / "hai-phong"
    problems_dir.mkdir(parents=True)
    with pytest.raises(InputError) as raised:
        start_province(tmp_path / "inputs" / "hai-phong", (problems_dir,))
    assert "số liệu các năm của thành phố Hải Phòng (trước sắp xếp) phải" in str(raised.value)
