"""Errors a user can fix. The CLI prints their message as one line and exits 2."""


class UserError(Exception):
    """Bad input or a missing tool: the message says what is wrong and how to fix it."""


class ToolMissing(UserError):
    """A program or package a backend needs is not installed."""
