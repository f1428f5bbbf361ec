"""Developer scripts (not shipped in the wheel): run them from the repository's root as modules,
`python -m tools.NAME` — e.g. `python -m tools.samples`, `python -m tools.make_template`.

A package so that a script imports its neighbours as `tools.x`, with no `sys.path` edit, and
imports run one way, without a cycle (issue 21, item 6; tests/project/test_tools.py holds both).
"""
