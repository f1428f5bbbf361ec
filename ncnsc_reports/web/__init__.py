"""The page: `ncnsc-report serve` over a project folder, for clerks, units and editors.

A thin face over the library (style: Datasette's pages over its library): each view parses a
request, looks up province, year and unit in the project's own lists (never a path from the
request), calls one library function through `library`, and words its typed result.
Starlette, uvicorn and python-multipart are imported only here, never on CLI start-up.
"""
