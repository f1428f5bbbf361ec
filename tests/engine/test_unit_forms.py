"""Unit forms are outputs like reports, and their file names never collide (issue 25, 1–2).

A clerk may pre-fill a form in outputs/<tỉnh>/<năm>/phieu-don-vi/ before sending it: running
`unit-form` again (after adding a unit to the profile) keeps the edited form as a “-sua-tay-”
copy and says so, exactly as a build does for a report. Two units whose names differ only in
accents (“UBND huyện Ân Thi” / “UBND huyện An Thi”) get two files, each read back as its unit.
"""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner
from conftest import append_row
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ncnsc_reports.cli import main
from ncnsc_reports.inputs.unit_form import form_file_names
from ncnsc_reports.names import distinct_slugs, name_key, slug
from ncnsc_reports.outputs.fingerprint import is_unchanged
from ncnsc_reports.outputs.write import KEPT_MARK

TRADE = "Sở Công Thương"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def forms_folder(province):
    return province.parent.parent / "outputs" / "hung-yen" / "2024" / "phieu-don-vi"


def pre_fill(path, contact: str = "Nguyễn Văn A, 0221 3xxx xxx") -> None:
    """What a clerk does before sending a form: fills the contact row, saves in Excel."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Thông tin đơn vị"]
    next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Người điền, điện thoại")[1].value \
        = contact
    wb.save(path)


def contact_of(path) -> str | None:
    ws = openpyxl.load_workbook(path)["Thông tin đơn vị"]
    return next(r[1].value for r in ws.iter_rows(min_row=2)
                if r[0].value == "Người điền, điện thoại")


def add_unit(province, name: str, groups: str = "2.2") -> None:
    append_row(province / "ho-so-tinh.xlsx", "Đơn vị phối hợp", (2021, name, groups, None))


def test_rerunning_after_adding_a_unit_keeps_the_edited_form_and_says_so(province_copy):
    year_dir, folder = province_copy / "2024", forms_folder(province_copy)
    assert run("unit-form", str(year_dir)).exit_code == 0
    trade = folder / "phieu-so-cong-thuong-2024.xlsx"
    assert is_unchanged(trade.read_bytes())  # fingerprinted, as a report is
    pre_fill(trade)
    add_unit(province_copy, "Sở Xây dựng")

    result = run("unit-form", str(year_dir))
    assert result.exit_code == 0, result.output
    (copy,) = folder.glob(f"phieu-so-cong-thuong-2024{KEPT_MARK}*.xlsx")
    lines = result.output.splitlines()
    assert lines[0] == ("Tệp “phieu-so-cong-thuong-2024.xlsx” đã được sửa tay sau lần tạo trước "
                        f"nên được giữ lại thành: {copy}")
    assert f"Đã tạo phiếu: {folder / 'phieu-so-xay-dung-2024.xlsx'}" in lines
    assert contact_of(copy) == "Nguyễn Văn A, 0221 3xxx xxx"
    assert contact_of(trade) is None  # the new form, as written
    assert len(list(folder.glob("*.xlsx"))) == 20 + 1  # one form a unit, and the kept copy

    again = run("unit-form", str(year_dir))  # nothing edited since: nothing kept
    assert again.exit_code == 0 and "sửa tay" not in again.output
    assert len(list(folder.glob(f"*{KEPT_MARK}*"))) == 1


def test_force_replaces_an_edited_form_without_a_copy(province_copy):
    year_dir, folder = province_copy / "2024", forms_folder(province_copy)
    assert run("unit-form", str(year_dir), TRADE).exit_code == 0
    trade = folder / "phieu-so-cong-thuong-2024.xlsx"
    pre_fill(trade)
    result = run("unit-form", str(year_dir), TRADE, "--force")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == ("Đã thay tệp đã sửa tay (do --force), không giữ "
                                             f"bản sao: {trade}")
    assert contact_of(trade) is None
    assert not list(folder.glob(f"*{KEPT_MARK}*"))


def test_forms_for_some_units_leave_the_others_and_a_removed_unit_loses_its_form(
        province_copy):
    year_dir, folder = province_copy / "2024", forms_folder(province_copy)
    add_unit(province_copy, "Sở Xây dựng")
    assert run("unit-form", str(year_dir)).exit_code == 0
    assert run("unit-form", str(year_dir), TRADE).exit_code == 0
    assert len(list(folder.glob("*.xlsx"))) == 20  # asked for one: the others stay

    wb = openpyxl.load_workbook(province_copy / "ho-so-tinh.xlsx")
    wb["Đơn vị phối hợp"].delete_rows(wb["Đơn vị phối hợp"].max_row)
    wb.save(province_copy / "ho-so-tinh.xlsx")
    result = run("unit-form", str(year_dir))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Đã xóa phiếu “phieu-so-xay-dung-2024.xlsx” của lần tạo trước (chưa sửa tay): không "
        "còn đơn vị nào của năm mang tên tệp đó.")
    assert len(list(folder.glob("*.xlsx"))) == 19


def test_building_the_year_leaves_its_forms_folder_alone(province_copy):
    """outputs/<tỉnh>/<năm>/phieu-don-vi/ lies inside the year's output folder: however a build
    commits its files (file by file, or a whole folder switched), the forms, pre-filled ones
    included, stay as they are."""
    year_dir = province_copy / "2023"
    folder = forms_folder(province_copy).parent.parent / "2023" / "phieu-don-vi"
    assert run("unit-form", str(year_dir), TRADE).exit_code == 0
    pre_fill(folder / "phieu-so-cong-thuong-2023.xlsx")
    for _ in range(2):
        built = run("build", str(year_dir), "--rebuild")
        assert built.exit_code == 0, built.output
    assert [p.name for p in folder.iterdir()] == ["phieu-so-cong-thuong-2023.xlsx"]
    assert contact_of(folder / "phieu-so-cong-thuong-2023.xlsx") == "Nguyễn Văn A, 0221 3xxx xxx"
    again = run("unit-form", str(year_dir), TRADE)  # the edit is still kept, never lost
    assert again.output.splitlines()[0].startswith("Tệp “phieu-so-cong-thuong-2023.xlsx” đã được "
                                                   "sửa tay sau lần tạo trước")


def test_units_differing_only_in_accents_get_two_forms_read_back_as_theirs(province_copy):
    """The sample lists “UBND huyện Ân Thi”; adding “UBND huyện An Thi” used to give both the
    file phieu-ubnd-huyen-an-thi-2024.xlsx, the second overwriting the first."""
    year_dir, folder = province_copy / "2023", forms_folder(province_copy).parent.parent / "2023"
    assert run("unit-form", str(year_dir)).exit_code == 0
    old = folder / "phieu-don-vi" / "phieu-ubnd-huyen-an-thi-2023.xlsx"
    pre_fill(old)  # Ân Thi's form, pre-filled under its name before An Thi was added
    add_unit(province_copy, "UBND huyện An Thi")
    result = run("unit-form", str(year_dir), "--out", str(year_dir / "don-vi"))
    assert result.exit_code == 0, result.output
    forms = sorted(p.name for p in (year_dir / "don-vi").glob("*.xlsx"))
    assert len(forms) == 20
    assert {"phieu-ubnd-huyện-ân-thi-2023.xlsx", "phieu-ubnd-huyện-an-thi-2023.xlsx",
            "phieu-so-cong-thuong-2023.xlsx"} <= set(forms)

    build = run("build", str(year_dir))
    assert build.exit_code == 0, build.output
    assert "Phiếu đơn vị phối hợp: đã nhận 20/20." in build.output
    assert ("  - Đã gửi: UBND huyện Ân Thi (don-vi/phieu-ubnd-huyện-ân-thi-2023.xlsx)"
            in build.output.splitlines())
    assert ("  - Đã gửi: UBND huyện An Thi (don-vi/phieu-ubnd-huyện-an-thi-2023.xlsx)"
            in build.output.splitlines())

    rerun = run("unit-form", str(year_dir))  # into phieu-don-vi, where the edited form is
    assert rerun.exit_code == 0, rerun.output
    assert (f"Phiếu “{old.name}” của lần tạo trước đã được sửa tay nên được để nguyên, nhưng "
            "không còn đơn vị nào của năm mang tên tệp đó (tên phiếu đổi khi có hai đơn vị chỉ "
            "khác nhau ở dấu): hãy xem trang “Thông tin đơn vị” của phiếu đó để biết là của đơn "
            "vị nào trước khi gửi.") in rerun.output.splitlines()
    assert contact_of(old) == "Nguyễn Văn A, 0221 3xxx xxx"


def test_a_unit_listed_twice_in_other_letters_is_refused_naming_both_rows(province_copy):
    add_unit(province_copy, "Sở công  thương")
    result = run("unit-form", str(province_copy / "2024"))
    assert result.exit_code == 1
    assert ("  - ho-so-tinh.xlsx › trang “Đơn vị phối hợp” › dòng 21 › cột “Đơn vị”: đơn vị "
            "“Sở công  thương” trùng với “Sở Công Thương” ở dòng 2 (chữ hoa, chữ thường, dấu "
            "cách khác nhau vẫn là một đơn vị); mỗi đơn vị một dòng: hãy xóa một trong hai "
            "dòng") in result.output.splitlines()
    assert not forms_folder(province_copy).exists()


def test_the_provinces_folder_names_never_collide():
    """Province folders are siblings in inputs/: the 34 provinces of 1/7/2025 and the 63 before
    it (predecessors' folders) each get their own plain name."""
    from ncnsc_reports.inputs.divisions import provinces, slug_of

    now = provinces()
    names = [p.name for p in now.values()]
    names += sorted({n.removesuffix(" (trước sắp xếp)") for p in now.values()
                     for n in p.predecessors} - set(names))
    assert distinct_slugs(names) == {n: slug(n) for n in names}
    assert {slug_of(p.name) for p in now.values()} == set(now)


# --- Generated Vietnamese names ---------------------------------------------------------------

_VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]  # sắc, huyền, hỏi, ngã, nặng


@st.composite
def syllables(draw):
    start = draw(st.sampled_from(["", "b", "c", "ch", "d", "đ", "gi", "h", "kh", "l", "m",
                                  "ng", "nh", "ph", "qu", "th", "tr", "v", "x"]))
    vowel = draw(st.sampled_from(_VOWELS)) + draw(st.sampled_from(_TONES))
    end = draw(st.sampled_from(["", "c", "m", "n", "ng", "nh", "t", "i", "o"]))
    word = start + vowel + end
    word = word.capitalize() if draw(st.booleans()) else word
    form = draw(st.sampled_from(["NFC", "NFD"]))  # as typed on Windows, as pasted from a Mac
    import unicodedata
    return unicodedata.normalize(form, word)


@st.composite
def unit_names(draw):
    """Names of one year's units, many of them equal once accents are stripped."""
    kind = draw(st.sampled_from(["UBND huyện", "UBND xã", "UBND phường", "Sở", "Phòng"]))
    bases = draw(st.lists(st.lists(syllables(), min_size=1, max_size=3), min_size=1, max_size=4))
    names = []
    for base in bases:  # each base with a few variants: other accents, other case, a hyphen
        for _ in range(draw(st.integers(1, 4))):
            words = [draw(st.sampled_from([w, w.upper(), _retoned(w, draw)])) for w in base]
            joiner = draw(st.sampled_from([" ", " ", "-"]))
            names.append(f"{kind} {joiner.join(words)}")
    unique = {}
    for name in names:  # the profile refuses names equal but for case and spaces
        unique.setdefault(name_key(name), name)
    return list(unique.values())


def _retoned(word: str, draw) -> str:
    import unicodedata
    plain = "".join(c for c in unicodedata.normalize("NFD", word)
                    if not unicodedata.combining(c))
    return plain[:-1] + draw(st.sampled_from(_VOWELS)) if plain[-1:] in "aeiouy" else plain


@given(unit_names())
@settings(max_examples=120, deadline=None)
def test_n_units_always_get_n_files(names):
    files, slugs = form_file_names(names, 2025), distinct_slugs(names)
    assert len(set(files.values())) == len(names)
    # distinct on a file system that ignores case (Windows, macOS) too
    assert len({f.casefold() for f in files.values()}) == len(names)
    for name, file in files.items():
        assert "/" not in file and "\\" not in file and len(file.encode()) < 200
        assert file == f"phieu-{slugs[name]}-2025.xlsx"
        # a name no sibling shares keeps the plain, accent-free form
        if sum(slug(n) == slug(name) for n in names) == 1 and slug(name):
            assert file == f"phieu-{slug(name)}-2025.xlsx"
    # each name depends on its siblings' collisions only, never on their order
    assert form_file_names(list(reversed(names)), 2025) == files


@given(unit_names())
@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_each_generated_form_is_read_back_as_its_unit(tmp_path_factory, names):
    """n units in a profile → n files written by unit-form, and the build's reading side maps
    each file back to the unit it was written for."""
    import shutil

    from conftest import SAMPLE_PROVINCE

    from ncnsc_reports.problems import Problems
    from ncnsc_reports.report.units import Unit, read_replies

    province = tmp_path_factory.mktemp("p") / "inputs" / "hung-yen"
    province.mkdir(parents=True)
    shutil.copy(SAMPLE_PROVINCE / "ho-so-tinh.xlsx", province)
    wb = openpyxl.load_workbook(province / "ho-so-tinh.xlsx")
    ws = wb["Đơn vị phối hợp"]
    ws.delete_rows(2, ws.max_row)
    for name in names[:5]:
        ws.append([2021, name, "2.2", None])
    wb.save(province / "ho-so-tinh.xlsx")
    year_dir = province / "2024"
    result = run("unit-form", str(year_dir), "--out", str(year_dir / "don-vi"))
    assert result.exit_code == 0, result.output
    units = tuple(Unit(_as_read(n), ("I.2.2",)) for n in names[:5])
    problems = Problems()
    replies, summary = read_replies(year_dir, 2024, "Hưng Yên", units, problems)
    assert not problems.errors, problems
    files = form_file_names([u.name for u in units], 2024)
    assert {r.unit: r.file for r in replies} == {u: f"don-vi/{f}" for u, f in files.items()}
    assert not summary.missing


def _as_read(name: str) -> str:
    """A cell's text as the reader gives it: NFC, outer spaces stripped."""
    import unicodedata
    return unicodedata.normalize("NFC", name).strip()
