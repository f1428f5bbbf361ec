"""ncnsc_reports: the yearly BC-SKHCN report on Chương trình 1322, built from a year's workbook.

The public entry point is :func:`ncnsc_reports.engine.build` (any folder, a typed result);
the CLI, `build --all` and the web page only call it.
"""

__version__ = "0.1.0"
