"""Layer 4 — render: the template context, the template search path and docxtpl rendering.

The one Jinja environment (sandboxed, StrictUndefined, autoescape) lives here.
"""
