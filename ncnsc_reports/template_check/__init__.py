"""Beside `render`: checking a Word template before use, and the reference of its fields."""
