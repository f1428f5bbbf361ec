"""Layer 5 — outputs: atomic writes that keep hand edits, and PDFs through LibreOffice."""
