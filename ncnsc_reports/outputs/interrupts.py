"""Ctrl-C held while a build's files are moved into place, so that it never splits them.

The files of a build are staged in full first (write.py); moving them into place is a few
renames and the manifest. A Ctrl-C that lands between two renames would leave a new report
beside last time's chi-tieu.xlsx. Held here, it takes effect when the renames are done: the
CLI then says that nothing was left half-written, and that is true.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Run the block to its end even if Ctrl-C (SIGINT) comes; raise KeyboardInterrupt after.

    Only the main thread can take signals, and only Python's own handler is replaced: a batch
    worker, which ignores SIGINT (batch.py), or a nested `held` leaves the handler as it is.
    """
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
        yield
        return
    caught: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if caught:
        raise KeyboardInterrupt
