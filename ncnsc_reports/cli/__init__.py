"""The `ncnsc-report` command: parse options, call one library function, word the outcome.

The group only lists the commands, one module a noun: `build` (cli/build.py, --all in
cli/batch.py), `new-year` and `new-summary` (cli/year.py), `new-province` (cli/province.py),
`unit-form` (cli/forms.py), `check-template` and `fields` (cli/templates.py), `serve`
(cli/serve.py). `--debug` and the failure's words are declared once (cli/failure.py), click's
own words in Vietnamese in cli/wording.py. No build logic lives here. Library modules are
imported inside the commands so that `ncnsc-report --help` starts without loading docxtpl,
openpyxl or pandas.
"""

from __future__ import annotations

import atexit
import gc

import click

from ncnsc_reports.cli.build import build as build_command  # not `build`: the module's name
from ncnsc_reports.cli.forms import unit_form
from ncnsc_reports.cli.province import new_province
from ncnsc_reports.cli.serve import serve as serve_command
from ncnsc_reports.cli.templates import check_template, fields
from ncnsc_reports.cli.wording import VERSION_TEXT, VietnameseGroup
from ncnsc_reports.cli.year import new_summary, new_year

__all__ = ["main"]

COMMANDS = [build_command, new_year, new_province, unit_form, new_summary, check_template,
            fields, serve_command]


@click.group(cls=VietnameseGroup, context_settings={"help_option_names": ["-h", "--help"]},
             commands=COMMANDS)
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
