"""Layer 2 — report: the validated model of one report (profile, year, plan in force, history).

Turns sheet rows into `model.Report`, collecting every problem; imports only `inputs` below it.
"""
