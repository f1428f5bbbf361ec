"""`python -m ncnsc_reports` does what the `ncnsc-report` command does."""

from ncnsc_reports.cli import main

main()
