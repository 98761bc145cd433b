"""Typed errors raised at the pipeline's boundaries."""


class PipelineError(Exception):
    """Base class of every error the pipeline reports to a user."""


class ArticleError(PipelineError):
    """An input article that cannot be processed; the reason is user-facing."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(PipelineError):
    """The store is missing, incomplete or corrupt; the message says how to fix it."""
