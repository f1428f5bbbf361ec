"""Layer 1 — inputs: files to cells to sheet rows, and the blank workbooks a clerk fills in.

Knows the .xlsx format, the shape of every sheet (`schema`) and what a cell may hold; nothing about
plans, indicators or Word.
"""
