"""Which template file a build uses, year by year: the files `check-template` and `fields` are
about when given a folder rather than a .docx (issue 21, item 7).

A template may apply from a year on (`render.templates`: <thư mục mẫu>/<năm>/<tên>.docx); a
build finds it on the search path for its folder's year. Given a year's or a phase's folder,
this says the file each of its kind's templates resolves to, as that build would; given a
province's folder, the file for `year` on its builds' search path, or, with no year, every
variant with the years it applies to — so an editor checks the 2026 template and the older one
the signed reports keep, not only the one named first. A folder holding templates itself
(bao-cao-nam.docx, 2026/bao-cao-nam.docx…) stands for those files alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ncnsc_reports.errors import NcnscError, TemplateError
from ncnsc_reports.inputs.schema import PROFILE_FILE
from ncnsc_reports.kinds import KINDS, Kind, Template, templates
from ncnsc_reports.outputs.place import named, project_root
from ncnsc_reports.render.templates import find_template, template_folders
from ncnsc_reports.template_check.parts import readable


@dataclass(frozen=True)
class Variant:
    """One template file and the years whose documents a build fills from it."""

    template: Template  # its kind of template (--mau name, title, file name)
    path: Path
    first: int | None  # first year it applies to; None: every year before `last`
    last: int | None  # last year; None: every later year

    def years(self) -> str:
        """The years in words, after “dùng”: “cho năm 2026”, “từ năm 2026 trở đi”…"""
        if self.first is not None and self.first == self.last:
            return f"cho năm {self.first}"
        if self.first is None:
            return "cho mọi năm" if self.last is None else f"cho các năm đến {self.last}"
        return f"từ năm {self.first} trở đi" if self.last is None else \
            f"cho các năm {self.first}–{self.last}"


def variants(folder: Path, year: int | None = None, name: str | None = None) -> list[Variant]:
    """The template files a build under `folder` uses, for every template (or the one whose
    --mau name is `name`): a year's or a phase's folder gives its own year; a province's folder
    (or a folder of templates) uses `year`, or lists every variant when no year is given. Any
    other folder is a mistake, said with the .docx files it holds."""
    folder = named(folder)
    if not folder.is_dir():
        raise NcnscError(f"không tìm thấy thư mục “{folder}”")
    kind = _kind_of_folder(folder)
    if kind is not None:
        if year is not None:
            raise NcnscError(f"“{folder.name}” đã cho biết năm của mẫu; bỏ --nam, hoặc chỉ "
                             "thư mục tỉnh rồi thêm --nam")
        search = template_folders(folder.parent, project_root(folder))
        year, chosen = _year(kind, folder), list(kind.templates)
        if name not in (None, *(t.name for t in chosen)):
            raise NcnscError(f"thư mục “{folder.name}” tạo {kind.title}, chỉ dùng mẫu "
                             f"{', '.join(t.name for t in chosen)}; bỏ --mau {name}")
    elif _holds_templates(folder):
        search, chosen = [folder], list(templates().values())
    elif _is_province(folder):
        search = template_folders(folder, folder.parent.parent)  # inputs/<tỉnh>: its builds'
        chosen = list(templates().values())
    else:
        readable(folder)  # raises: a folder of neither sort is said with the .docx it holds
    return [v for t in chosen if name in (None, t.name) for v in _of_template(t, search, year)]


def _kind_of_folder(folder: Path) -> Kind | None:
    """The kind whose folder this is (inputs/<tỉnh>/2026, …/tong-ket-2021-2025), None otherwise."""
    return next((k for k in KINDS if k.recognises(folder.name)), None)


def _year(kind: Kind, folder: Path) -> int | None:
    """The year whose templates apply to the folder's documents, as the engine takes it."""
    year = getattr(kind.work(), "year", None)
    return year(folder) if year is not None else None


def _is_province(folder: Path) -> bool:
    """A province's folder (or the project's): its profile, templates/ or a document folder."""
    return (folder / PROFILE_FILE).is_file() or (folder / "templates").is_dir() or any(
        d.is_dir() and _kind_of_folder(d) is not None for d in folder.iterdir())


def _holds_templates(folder: Path) -> bool:
    """A folder of templates: one of ours in it, or in a year folder of it."""
    names = {t.file for t in templates().values()}
    return any((folder / n).is_file() for n in names) or any(
        (d / n).is_file() for d in folder.iterdir() if _is_year(d.name) for n in names)


def _of_template(template: Template, search: list[Path], year: int | None) -> list[Variant]:
    """The file for `year`; with no year, one variant per change of file over the years."""
    if year is not None:
        path = _found(template, search, year)
        return [Variant(template, path, year, year)] if path else []
    starts = [None, *sorted({int(d.name) for f in search if f.is_dir() for d in f.iterdir()
                             if _is_year(d.name) and (d / template.file).is_file()})]
    found: list[Variant] = []
    for start, after in zip(starts, [*starts[1:], None], strict=True):
        path = _found(template, search, start)
        last = after - 1 if after is not None else None
        if path is None:  # a folder of templates without one for these years
            continue
        if found and found[-1].path == path:  # the same file on: one variant, longer
            found[-1] = Variant(template, path, found[-1].first, last)
        else:
            found.append(Variant(template, path, start, last))
    return found


def _found(template: Template, search: list[Path], year: int | None) -> Path | None:
    """The file a build of `year` fills for `template`, None when no folder searched has one."""
    try:
        return find_template(template.file, search, year)
    except TemplateError:
        return None


def _is_year(name: str) -> bool:
    """A year folder's name, as `render.templates` reads one: four ASCII digits."""
    return name.isascii() and name.isdigit() and len(name) == 4
