"""What `unit-form` says it did, and the words shared with `build` for hand-edited files.

A form pre-filled by the clerk is kept or replaced exactly as a hand-edited report is, and said
in the same words (issue 25, item 1).
"""

from __future__ import annotations

import click


def echo_kept(written) -> None:
    """Say which hand-edited files were kept as a copy, or replaced (--force): the same words
    for a report and for a unit's form."""
    for edited, copy in written.kept.items():
        click.echo(f"Tệp “{edited.name}” đã được sửa tay sau lần tạo trước nên được giữ lại "
                   f"thành: {copy}")
    for edited in written.replaced:
        click.echo(f"Đã thay tệp đã sửa tay (do --force), không giữ bản sao: {edited}")


def echo_forms(forms) -> None:
    """Say the forms kept, replaced, removed, left alone and written (contributions.Forms)."""
    echo_kept(forms.written)
    for old in forms.written.removed:
        click.echo(f"Đã xóa phiếu “{old.name}” của lần tạo trước (chưa sửa tay): không còn đơn "
                   "vị nào của năm mang tên tệp đó.")
    for old in forms.left:
        click.echo(f"Phiếu “{old.name}” của lần tạo trước đã được sửa tay nên được để nguyên, "
                   "nhưng không còn đơn vị nào của năm mang tên tệp đó (tên phiếu đổi khi có hai "
                   "đơn vị chỉ khác nhau ở dấu): hãy xem trang “Thông tin đơn vị” của phiếu đó "
                   "để biết là của đơn vị nào trước khi gửi.")
    for path in forms.written.paths:
        click.echo(f"Đã tạo phiếu: {path}")
