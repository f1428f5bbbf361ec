"""Templates compiled once (render.compiled): a second build compiles nothing, a changed
template compiles again, a damaged cache is ignored, outputs and limits are as without a cache."""

from __future__ import annotations

import os

import docxtpl
import jinja2
import pytest
from conftest import SAMPLE_YEAR
from docx import Document
from hostile import template_paragraph

from ncnsc_reports.errors import TemplateError
from ncnsc_reports.pipeline import build
from ncnsc_reports.render import compiled, limits
from ncnsc_reports.render.docx import render
from ncnsc_reports.render.environment import make_environment

REPORT = ("hung-yen", "2023", "bao-cao-hung-yen-2023.docx")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of this test, nothing in memory; yields the list of the sources
    Jinja compiled and docxtpl cleaned up (`patch_xml`): a cache hit adds nothing."""
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path / "cache"))
    compiled.forget()
    sources = []
    real, patch = jinja2.Environment.compile, docxtpl.DocxTemplate.patch_xml

    def counted(env, source, *args, **kwargs):
        sources.append(source)
        return real(env, source, *args, **kwargs)

    def patched(doc, source):
        sources.append(("patch_xml", source))
        return patch(doc, source)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    monkeypatch.setattr(docxtpl.DocxTemplate, "patch_xml", patched)
    yield sources
    compiled.forget()


def _build(year_dir, out, **changes) -> bytes:
    compiled.forget()  # as a new process: only the folder remembers
    return build(year_dir, out, rebuild=True, **changes).path.read_bytes()


def test_a_second_cold_build_compiles_nothing_and_gives_the_same_bytes(cache, tmp_path):
    first = _build(SAMPLE_YEAR, tmp_path / "a")
    compiles = [s for s in cache if isinstance(s, str)]
    assert len(compiles) >= 3  # the body, the header and the footer at least
    assert len(cache) - len(compiles) >= 3  # and docxtpl's clean-up of each
    assert len(os.listdir(compiled.cache_folder())) >= 6
    cache.clear()
    second = _build(SAMPLE_YEAR, tmp_path / "b")
    assert cache == []
    assert second == first
    build(SAMPLE_YEAR, tmp_path / "c", rebuild=True)  # same process: from memory
    assert cache == []


@pytest.mark.skipif(os.name != "posix", reason="folder permissions are POSIX's")
def test_a_cache_folder_others_can_write_is_not_trusted(cache, tmp_path):
    """Code others could have planted is never run: a group- or world-writable folder (a
    shared NCNSC_CACHE) is read as empty, and compiling goes on as without a cache."""
    first = _build(SAMPLE_YEAR, tmp_path / "a")
    folder = compiled.cache_folder()
    assert oct(folder.stat().st_mode & 0o777) == "0o700"  # made private
    folder.chmod(0o777)
    cache.clear()
    assert _build(SAMPLE_YEAR, tmp_path / "b") == first
    assert [s for s in cache if isinstance(s, str)]  # compiled again: nothing trusted
    folder.chmod(0o700)
    cache.clear()
    _build(SAMPLE_YEAR, tmp_path / "c")
    assert cache == []


def test_outputs_are_byte_identical_without_a_cache(cache, tmp_path, monkeypatch):
    warm = _build(SAMPLE_YEAR, tmp_path / "a") and _build(SAMPLE_YEAR, tmp_path / "b")
    assert cache and cache.count(cache[0]) == 1  # made once, then read back
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(blocked))  # no folder can be made there
    cache.clear()
    assert _build(SAMPLE_YEAR, tmp_path / "c") == warm
    assert cache  # compiled, silently without a cache
    cache.clear()
    assert _build(SAMPLE_YEAR, tmp_path / "d") == warm
    assert cache  # and again: nothing was stored


def test_a_changed_template_compiles_again(cache, province_copy):
    _build(province_copy / "2023", None)
    template = province_copy.parent.parent / "templates" / "bao-cao-nam.docx"
    template_paragraph(template, "Đoạn mới {{ year }}")
    cache.clear()
    report = _build(province_copy / "2023", None)
    compiles = [s for s in cache if isinstance(s, str)]
    assert len(compiles) == 1 and "Đoạn mới" in compiles[0]  # only the body changed
    assert cache[0][0] == "patch_xml" and all("Đoạn mới" in s[1] for s in cache[:-1])
    out = province_copy.parent.parent / "outputs" / "hung-yen" / "2023" / REPORT[2]
    assert out.read_bytes() == report
    assert Document(str(out)).paragraphs[0].text == "Đoạn mới 2023"


def test_a_damaged_cache_file_is_ignored_and_written_again(cache, tmp_path):
    first = _build(SAMPLE_YEAR, tmp_path / "a")
    made = list(cache)
    files = sorted(compiled.cache_folder().iterdir())
    good = {f: f.read_bytes() for f in files}
    entries = {f: compiled._read(f.name) for f in files}
    for n, file in enumerate(files):
        data = good[file]
        file.write_bytes((data[:-50], b"\0" * len(data), data[:40] + b"x" + data[41:])[n % 3])
    cache.clear()
    assert _build(SAMPLE_YEAR, tmp_path / "b") == first
    assert sorted(map(str, cache)) == sorted(map(str, made))  # each made again, as at first
    # and written again, whole (compared as read back: marshal's bytes may differ with
    # reference counts, the values do not)
    assert {f: compiled._read(f.name) for f in files} == entries
    assert None not in entries.values()
    assert not [f for f in compiled.cache_folder().iterdir() if f.name.startswith(".")]


def test_another_environment_setting_is_another_entry(cache):
    env = make_environment()
    compiled.template(env, "{{ a }}")
    compiled.forget()
    plain = make_environment()
    plain.autoescape = False
    assert compiled.template(plain, "{{ a }}").render(a="<b>") == "<b>"
    assert compiled.template(env, "{{ a }}").render(a="<b>") == "&lt;b&gt;"
    assert cache == ["{{ a }}", "{{ a }}"]  # the second environment compiled its own


@pytest.mark.parametrize("tags, limit", [
    ("{{ (9**(9**9))|string|length }}",
     "phép lũy thừa 9**387420489 cho một số quá lớn; hãy viết số cần in"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
     "vòng lặp range(…) chạy quá 2.000.000 lần; hãy giảm số lần lặp"),
    ("{{ 'x' * 10**9 }}",
     "phép nhân chuỗi tạo ra quá 1.000.000 ký tự hay phần tử; hãy viết nội dung cần in"),
    ("{{ 'x'|center(10**9) }}",
     "độ rộng của bộ lọc “center” = 1000000000 quá lớn (giới hạn 1.000.000)"),
    ('{% include "/etc/passwd" %}', "thẻ include/import/extends (“/etc/passwd”) không dùng được"),
    ("{{ year.__class__ }}", "thẻ mẫu truy cập phần nội bộ của chương trình, không được phép"),
], ids=["huge-power", "nested-ranges", "string-times-billion", "center-billion", "include",
        "sandbox"])
def test_template_limits_hold_with_the_cache_warm(cache, tmp_path, tags, limit):
    template = tmp_path / "mau.docx"
    doc = Document()
    doc.add_paragraph(tags)
    doc.save(template)
    messages = []
    for _ in range(2):
        compiled.forget()
        with pytest.raises(TemplateError) as caught:
            render(template, {"year": 2023})
        messages.append(str(caught.value))
    assert len([s for s in cache if isinstance(s, str)]) == 1  # the second used the cache
    assert messages[0] == messages[1] and limit in messages[1], messages


def test_output_folded_at_compile_time_counts_with_the_cache_warm(cache, tmp_path, monkeypatch):
    """Jinja prints a constant ({{ 'x'|center(600) }}) when it compiles; the printed budget
    (render.limits) counts it on a render from the cache too."""
    monkeypatch.setattr(limits, "MAX_PRINTED", 1000)
    source = "{{ 'x'|center(600) }}{{ 'y'|center(600) }}"
    for _ in range(2):
        compiled.forget()
        with pytest.raises(limits.TemplateLimit, match="mẫu in ra quá nhiều chữ"):
            compiled.template(make_environment(), source).render()
    assert cache == [source]
    compiled.forget()
    short = "{{ 'x'|center(600) }}"
    assert len(compiled.template(make_environment(), short).render()) == 600
    env = make_environment()
    assert compiled.template(env, short).render() and env.budget.printed == 600


def test_the_cache_folder_follows_the_platform_and_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(compiled.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.cache_folder() == tmp_path / "ncnsc-reports" / compiled.FOLDER
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored (XDG spec)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert compiled.cache_folder() == tmp_path / "home" / ".cache" / "ncnsc-reports" / \
        compiled.FOLDER
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path / "mine"))
    assert compiled.cache_folder() == tmp_path / "mine" / compiled.FOLDER
