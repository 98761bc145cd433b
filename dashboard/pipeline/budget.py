"""A CPU-time budget per article: a page that would hold the build for minutes is reported
by name and skipped, and the other articles go on.

The guards in `html_view.py` and `clean.py` keep every stage linear in the size of an
article; the budget is the backstop for whatever they miss. In the main thread a CPU-time
timer (SIGPROF) interrupts the stage that overruns as soon as Python code runs again; in
other threads (the dashboard's uploads), where signals cannot be used, the budget is checked
between stages, so an overrun is reported once the stage in progress ends.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time

from .errors import ArticleError


class ArticleTimeout(ArticleError):
    """An article that used up its CPU budget."""


def _reason(seconds: float, stage: str) -> str:
    return f"took more than its {seconds:g} s CPU budget while {stage}; skipped (a hostile or pathological input?)"


class Budget:
    """The CPU time one article may still use."""

    def __init__(self, path: str, seconds: float):
        self.path, self.seconds = path, seconds
        self.started = time.process_time()

    def check(self, stage: str) -> None:
        """Raise ArticleTimeout when the article has used more than its budget."""
        if self.seconds and time.process_time() - self.started > self.seconds:
            raise ArticleTimeout(self.path, _reason(self.seconds, stage))


@contextlib.contextmanager
def cpu_budget(path: str, seconds: float, stage: str):
    """Run a block under a CPU-time budget; ArticleTimeout when it runs over.

    `seconds` 0 or less means no budget. Nested budgets are not supported: the inner one
    runs without a timer (and is checked when it ends)."""
    budget = Budget(path, seconds)
    use_timer = (
        seconds > 0
        and threading.current_thread() is threading.main_thread()
        and hasattr(signal, "setitimer")
        and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    )
    if not use_timer:
        yield budget
        budget.check(stage)
        return

    def overrun(signum, frame):
        raise ArticleTimeout(path, _reason(seconds, stage))

    previous = signal.signal(signal.SIGPROF, overrun)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    budget.check(stage)  # in case a library swallowed the timer's exception
