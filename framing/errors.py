"""One family of errors: everything the library raises on purpose is a ``FramingError``.

The message is written for the user (what went wrong and, where there is one, the fix); the
dashboard shows it as it is and the CLI prints it on one line. Anything else that escapes a
public function is a bug.
"""

from __future__ import annotations


class FramingError(Exception):
    """Base of every error the framing library raises on purpose."""


class InputError(FramingError):
    """An input (file, record, pasted text, page) cannot become an article; the message says why."""


class LexiconError(FramingError):
    """A packaged lexicon is malformed or missing; the message names the file, the line and the fix."""


class StoreError(FramingError):
    """A request the collection store cannot carry out, with the reason (a name already taken, …)."""


class FetchError(FramingError):
    """A URL was refused or could not be fetched; the message says why."""


class UsageError(FramingError):
    """A function was called with an argument it does not accept (an unknown format, …)."""
