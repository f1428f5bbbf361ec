"""Layer 3 — compute: indicators and record warnings, computed with pandas from the model.

No I/O and no Word: records in, numbers and problems out.
"""
