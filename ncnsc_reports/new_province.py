"""`new-province`: start a province's folder, and the project around it, from an installed copy.

Orchestrates: check the folder names one of the 34 provinces of 1/7/2025 (`inputs.divisions`),
write its profile `ho-so-tinh.xlsx` through the schema's workbook writer (so it is exactly what
`build` reads), and lay out the project if absent: `inputs/`, `templates/` (copies of the
templates the program ships, for the province's editors) and a short README.txt. Everything
is checked before anything is written; an existing file is never replaced.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.errors import InputError
from ncnsc_reports.formatting import short_date
from ncnsc_reports.inputs.blank import write_workbook
from ncnsc_reports.inputs.divisions import (
    CITY,
    FORMED,
    PROVINCE,
    SAME_NAME_SUFFIX,
    Province,
    closest,
    former_kind,
    former_province,
    provinces,
    slug_of,
)
from ncnsc_reports.inputs.schema import (
    AGENCY_SETTINGS,
    PLACEHOLDER_START,
    PROFILE_AGENCY,
    PROFILE_FILE,
    PROFILE_FORMATION,
    PROFILE_LOCALITIES,
    PROFILE_PLAN,
    PROFILE_RECIPIENTS,
    PROFILE_SHEETS,
)
from ncnsc_reports.inputs.start import this_year
from ncnsc_reports.problems import Location, Problems
from ncnsc_reports.resources import DEFAULT_TEMPLATES, shipped

INPUTS = "inputs"
README = "README.txt"
SIGNER_PLACEHOLDER = f"{PLACEHOLDER_START}họ tên người ký)"  # the clerk types the name over it
RESOLUTION = "Nghị quyết số 202/2025/QH15"


@dataclass(frozen=True)
class NewProvince:
    """What `start_province` wrote: the profile, and the project files created or kept."""

    profile: Path
    province: Province
    folders: dict[str, str | None]  # predecessor -> its data folder in inputs/ (None: none)
    created: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()


def start_province(province_dir: Path, sources: tuple[Path, ...] = ()) -> NewProvince:
    """Write inputs/<slug>/ho-so-tinh.xlsx for the province `province_dir` names, and the
    project's inputs/, templates/ and README.txt when absent; raise InputError (nothing
    written) when the folder names no province, the profile exists or a --tu folder is wrong."""
    province_dir = Path(province_dir)
    problems = Problems()
    province = _province(province_dir, problems)
    folders = _data_folders(province_dir, province, sources, problems) if province else {}
    if problems.errors:
        raise InputError(problems.errors)
    profile = _write_profile(province_dir, province, folders)
    created, kept = _lay_out(_root(province_dir), province)
    return NewProvince(profile, province, folders, created, kept)


def _root(province_dir: Path) -> Path:
    """The project folder (holding inputs/): as typed when the path names inputs/, else
    absolute (`new-province dong-thap` typed inside inputs/)."""
    if province_dir.parent.name == INPUTS:
        return province_dir.parent.parent
    return Path(os.path.abspath(province_dir)).parent.parent


def _province(province_dir: Path, problems: Problems) -> Province | None:
    """The province the folder names, or None with the reason (and the closest names)."""
    where = Location(str(province_dir))
    if Path(os.path.abspath(province_dir)).parent.name != INPUTS:
        problems.error(where, f"thư mục tỉnh phải nằm trong thư mục “{INPUTS}” của dự án; hãy "
                       f"ghi: ncnsc-report new-province {Path(INPUTS) / province_dir.name}")
        return None
    if (province_dir / PROFILE_FILE).exists():
        problems.error(where, f"đã có hồ sơ tỉnh “{PROFILE_FILE}”; không ghi đè. Muốn tạo lại "
                       "từ đầu, hãy chuyển tệp đó ra khỏi thư mục rồi chạy lại lệnh")
        return None
    slug = province_dir.name
    if slug in provinces():
        return provinces()[slug]
    problems.error(where, _unknown(slug))
    return None


def _unknown(slug: str) -> str:
    """Why `slug` names no province: a former province (and what it became), a slug written
    with accents or capitals, or a misspelling (the closest slugs)."""
    examples = "ví dụ dong-thap, ho-chi-minh, ha-noi, hue"
    typed = slug_of(slug) or slug  # “Đồng Tháp” typed as the folder's name: dong-thap
    former = former_province(typed)
    if former:
        name, into = former
        return (f"từ {short_date(FORMED)}, {_former(name)} là một phần của {into.title} "
                f"({RESOLUTION}); "
                f"hãy tạo: ncnsc-report new-province {Path(INPUTS) / into.slug} --tu "
                f"{Path(INPUTS) / typed} (thư mục {typed} giữ số liệu các năm của "
                f"{_former(name)})")
    near = [typed] if typed in provinces() else closest(typed)
    text = (f"“{slug}” không phải tên thư mục của tỉnh, thành phố nào trong 34 tỉnh, thành phố "
            f"từ {short_date(FORMED)}")
    if near:
        text += f"; có phải ý bạn là: {', '.join(near)}?"
    return (f"{text} Tên thư mục là tên tỉnh viết thường, không dấu, các chữ nối bằng “-” "
            f"({examples}).")


def _data_folders(province_dir: Path, province: Province, sources: tuple[Path, ...],
                  problems: Problems) -> dict[str, str | None]:
    """Each predecessor's data folder: named by --tu, or inputs/<its slug> when it exists (the
    province's own folder for the one that gave it its name, as the samples write it)."""
    inputs = province_dir.parent
    by_slug = {_predecessor_slug(name): name for name in province.predecessors}
    folders = {name: (slug if (inputs / slug).is_dir() or slug == province.slug else None)
               for slug, name in by_slug.items()}
    for source in sources:
        where = Location(str(source))
        if source.name not in by_slug:
            expected = ", ".join(f"{INPUTS}/{s}" for s in by_slug) or "không có"
            problems.error(where, f"không phải thư mục của một {_members(province)} đã hợp "
                           f"thành {province.title} ({RESOLUTION}); thư mục có thể ghi ở --tu: "
                           f"{expected}")
        elif not source.is_dir() or os.path.abspath(source.parent) != os.path.abspath(inputs):
            problems.error(where, f"không tìm thấy thư mục này cạnh {province_dir} (trong "
                           f"{inputs}); số liệu các năm của {_former(by_slug[source.name])} phải "
                           "nằm trong cùng thư mục inputs")
        else:
            folders[by_slug[source.name]] = source.name
    return folders


def _members(province: Province) -> str:
    """“tỉnh”, or “tỉnh, thành phố” when a former centrally-run city is among those merged
    (Hải Phòng: tỉnh Hải Dương and thành phố Hải Phòng, issue 22)."""
    cities = any(former_kind(name) == CITY for name in province.predecessors)
    return f"{PROVINCE}, {CITY}" if cities else PROVINCE


def _former(name: str) -> str:
    """“tỉnh Kiên Giang”, “thành phố Hải Phòng (trước sắp xếp)”: a predecessor by its kind."""
    return f"{former_kind(name)} {name}"


def _predecessor_slug(name: str) -> str:
    return slug_of(name.removesuffix(SAME_NAME_SUFFIX))


def _write_profile(province_dir: Path, province: Province, folders: dict[str, str | None]
                   ) -> Path:
    rows = {
        PROFILE_AGENCY.name: [(FORMED.year, s.label, v) for s, v in _agency(province) if v],
        PROFILE_RECIPIENTS.name: [(FORMED.year, r) for r in _recipients(province)],
        PROFILE_LOCALITIES.name: [(FORMED.year, c, FORMED) for c in province.communes],
        PROFILE_FORMATION.name: [(FORMED, name, folder) for name, folder in folders.items()],
    }
    return write_workbook(province_dir / PROFILE_FILE, PROFILE_SHEETS, rows,
                          f"Hồ sơ {province.title} – Chương trình 1322", _notes(province))


def _agency(province: Province) -> list[tuple]:
    """The values of “Cơ quan” for the province after 1/7/2025 (NĐ 30/2020: the parent agency
    in capitals; the place is the province's name, in full for a city named after a person)."""
    council = f"Ủy ban nhân dân {province.kind}"
    place = f"Thành phố {province.name}" if province.slug == "ho-chi-minh" else province.name
    values = {
        "parent_agency": f"UBND {province.title.upper()}",
        "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "symbol": "BC-SKHCN",
        "place": place,
        "authority": "KT. GIÁM ĐỐC",
        "signer_title": "PHÓ GIÁM ĐỐC",
        "signer_name": SIGNER_PLACEHOLDER,
        "filing": "VT, TĐC",
        "agency_name": f"Sở Khoa học và Công nghệ {province.title}",
        "closing": f"Sở Khoa học và Công nghệ trân trọng báo cáo {council} và Bộ Khoa học và "
                   "Công nghệ./.",
    }
    return [(s, values.get(s.key)) for s in AGENCY_SETTINGS]


def _recipients(province: Province) -> tuple[str, ...]:
    return ("Bộ Khoa học và Công nghệ (để b/c)", f"UBND {province.kind} (để b/c)",
            "Ban Giám đốc Sở")


def _notes(province: Province) -> tuple[str, ...]:
    import vietnam_provinces

    merged = (f"; trang “{PROFILE_FORMATION.name}”: các {_members(province)} đã hợp thành "
              f"{province.title} ({RESOLUTION})" if province.predecessors else "")
    return (
        f"Hồ sơ này do lệnh new-province tạo cho {province.title} từ {short_date(FORMED)}. Hãy "
        f"ghi họ tên, chức vụ người ký ở trang “{PROFILE_AGENCY.name}” (thay "
        f"“{SIGNER_PLACEHOLDER}”), kế hoạch của {province.kind} ở trang “{PROFILE_PLAN.name}” "
        "(và chỉ tiêu, kinh phí, định mức nếu có) — chưa có kế hoạch thì chưa tạo được báo cáo.",
        f"Trang “{PROFILE_LOCALITIES.name}”: {len(province.communes)} xã, phường, đặc khu theo "
        f"gói vietnam-provinces {vietnam_provinces.__version__} (danh mục của Tổng cục Thống "
        f"kê, dữ liệu ngày {vietnam_provinces.__data_version__}){merged}.",
    )


def _lay_out(root: Path, province: Province) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Create templates/ (copies of the shipped templates) and README.txt when absent; return
    the files created and the templates kept as they were."""
    created, kept = [], []
    for source in sorted(shipped(DEFAULT_TEMPLATES).glob("*.docx")):
        target = root / DEFAULT_TEMPLATES / source.name
        if target.exists():
            kept.append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(source, target)
        created.append(target)
    readme = root / README
    if not readme.exists():
        _write_text(readme, _readme(province))
        created.append(readme)
    return tuple(created), tuple(kept)


def _copy(source: Path, target: Path) -> None:
    """Copy whole or not at all (a staged copy moved into place)."""
    staged = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(source, staged)
        os.replace(staged, target)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _write_text(path: Path, text: str) -> None:
    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:  # utf-8 with BOM: Notepad of older Windows shows the accents right
        staged.write_text(text, encoding="utf-8-sig")
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _readme(province: Province) -> str:
    here = Path(INPUTS) / province.slug
    year = here / str(this_year())
    return f"""Báo cáo Chương trình 1322 (năng suất chất lượng) — thư mục dự án của ncnsc-report

Thư mục này:
  {INPUTS}/<tỉnh>/{PROFILE_FILE}   hồ sơ tỉnh, thành phố: cơ quan, người ký, kế hoạch, địa bàn…
  {INPUTS}/<tỉnh>/<năm>/           sổ Excel số liệu của một năm
  {DEFAULT_TEMPLATES}/                      mẫu Word của báo cáo (chép từ chương trình, sửa được)
  outputs/                        báo cáo tạo ra (chương trình tự tạo)

Các bước:
  1. ncnsc-report new-province {here}          (đã làm: tạo hồ sơ {province.kind})
  2. Mở {here / PROFILE_FILE}: ghi người ký (trang “Cơ quan”), kế hoạch của
     {province.kind} (trang “Kế hoạch”, “Chỉ tiêu”, “Chỉ tiêu kế hoạch”…).
     Mỗi sổ có trang “Hướng dẫn”.
  3. ncnsc-report new-year {year}       (tạo sổ Excel của năm), rồi điền sổ
  4. ncnsc-report build {year}          (tạo báo cáo .docx trong outputs/)

Sửa mẫu Word: ncnsc-report check-template {DEFAULT_TEMPLATES}/bao-cao-nam.docx kiểm tra mẫu đã sửa;
ncnsc-report fields liệt kê các trường dùng được. Trợ giúp: ncnsc-report --help
"""
