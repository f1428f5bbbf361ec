"""Click's own words in Vietnamese: usage errors, the help page's headings and the --help option.

Click writes "Error: Missing argument 'PATH'.", "No such command …", "Show this message and
exit." in English; a clerk reads none of that. The command classes here word every usage error
from the error's fields (not from click's English text) and suggest the closest command for a
misspelt one. Only click and the standard library are imported: `--help` must start fast.
"""

from __future__ import annotations

import difflib
import re
from contextlib import contextmanager

import click

HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
# True because every file is staged whole and moved into place with Ctrl-C held
# (outputs/write.py, outputs/interrupts.py); workbooks and PDFs are written beside, then renamed.
INTERRUPTED = "Đã dừng theo yêu cầu (Ctrl+C); không tệp nào bị ghi dở."
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command ended by Ctrl-C
VERSION_TEXT = "Hiện số phiên bản rồi thoát."
QUOTE_HINT = "đường dẫn, tên có dấu cách thì đặt trong ngoặc kép"


class IntBetween(click.ParamType):
    """A whole number in [low, high], refused in Vietnamese (click.IntRange words it in English)."""

    name = "số"

    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not self.low <= number <= self.high:
            self.fail(f"phải là một số nguyên từ {self.low} đến {self.high}, nhận được "
                      f"“{value}”", param, ctx)
        return number


class VietnameseUsageError(click.UsageError):
    """A usage error already worded in Vietnamese; shown with the Vietnamese usage line."""

    def show(self, file=None) -> None:
        lines = []
        if self.ctx is not None:
            lines += [self.ctx.get_usage(),
                      f"Xem hướng dẫn: {self.ctx.command_path} --help", ""]
        lines.append(f"Lỗi: {self.format_message()}")
        click.echo("\n".join(lines), file=file, err=file is None)


# click's own notes after an option's help (“[default: 8765]”, “[required]”), in Vietnamese.
_EXTRA_WORDS = {"default:": "mặc định:", "required": "bắt buộc"}
_EXTRA = re.compile(r"\[(default:|required)")


def _in_vietnamese(record: tuple[str, str]) -> tuple[str, str]:
    name, text = record
    return name, _EXTRA.sub(lambda m: "[" + _EXTRA_WORDS[m[1]], text)


def _hint(param) -> str:
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return param.human_readable_name if param is not None else "giá trị"


def _suggestion(name: str, choices) -> str:
    """'Có phải ý bạn là …?' for the closest choice, else the list of choices."""
    choices = sorted(choices)
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.5)
    if close:
        return f" Có phải ý bạn là “{close[0]}”?"
    return f" Dùng được: {', '.join(choices)}." if choices else ""


def vietnamese(err: click.UsageError) -> str:
    """Word a click usage error in Vietnamese from its fields."""
    if isinstance(err, click.NoSuchCommand):
        commands = err.ctx.command.commands if err.ctx else err.possibilities
        return f"không có lệnh “{err.command_name}”." + _suggestion(err.command_name, commands)
    if isinstance(err, click.MissingParameter):
        kind = "tùy chọn" if isinstance(err.param, click.Option) else "đối số"
        return f"thiếu {kind} {_hint(err.param)}."
    if isinstance(err, click.BadParameter):
        return f"giá trị của {_hint(err.param)} {err.message}."
    if isinstance(err, click.NoSuchOption):
        return f"không có tùy chọn “{err.option_name}”." + _suggestion(err.option_name,
                                                                     err.possibilities)
    if isinstance(err, click.BadOptionUsage):
        if "does not take" in err.message:
            return f"tùy chọn “{err.option_name}” không nhận giá trị."
        return f"tùy chọn “{err.option_name}” cần một giá trị ngay sau nó."
    return err.message  # raised by our own commands, already in Vietnamese


@contextmanager
def _worded():
    try:
        yield
    except (VietnameseUsageError, click.exceptions.NoArgsIsHelpError):
        raise
    except click.UsageError as err:
        raise VietnameseUsageError(vietnamese(err), err.ctx) from err


class _Wording:
    """Vietnamese headings, usage line, --help text and extra-argument error."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    def format_usage(self, ctx, formatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, "Cách dùng: ")

    def format_options(self, ctx, formatter) -> None:
        records = [_in_vietnamese(r) for p in self.get_params(ctx)
                   if isinstance(p, click.Option) and (r := p.get_help_record(ctx))]
        if records:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def parse_args(self, ctx, args):
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            ctx.fail(f"thừa đối số: {' '.join(rest)} ({QUOTE_HINT}).")
        return rest


class VietnameseCommand(_Wording, click.Command):
    """A command whose help page and usage errors are Vietnamese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        super().__init__(*args, **kwargs)


class VietnameseGroup(_Wording, click.Group):
    """The `ncnsc-report` group: Vietnamese help; every usage error of it or of its commands is
    re-worded in Vietnamese before click shows it."""

    command_class = VietnameseCommand

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [ĐỐI SỐ]...")
        super().__init__(*args, **kwargs)

    def make_context(self, *args, **kwargs):
        with _worded():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx):
        """Run the command; Ctrl-C ends it with a Vietnamese line (not click's "Aborted!")."""
        try:
            with _worded():
                return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            ctx.exit(EXIT_INTERRUPTED)

    def format_commands(self, ctx, formatter) -> None:
        rows = [(name, self.get_command(ctx, name).get_short_help_str(formatter.width - 20))
                for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Lệnh"):
                formatter.write_dl(rows)


def marked_lines(paths, warnings: bool = False) -> list[str]:
    """The lines naming the marked copies of the workbooks (outputs.marked), one a copy."""
    what = "cảnh báo" if warnings else "lỗi"
    return [f"Các ô có {what} được tô màu, ghi chú ngay trên bản sao của sổ: {path}"
            for path in paths]
