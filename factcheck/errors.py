"""User-facing errors: one line, exit status 2, the store left as it was."""


class FactcheckError(Exception):
    """A problem with the user's input or environment (not a bug).

    ``message`` may be an ``i18n.Message``: ``str(exc)`` is English, and
    ``i18n.error_text(exc)`` says it in the language asked for.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)

    def __reduce__(self):
        # pickled with its message and path (a file a worker could not read,
        # ``add --jobs``), not with the one line they make
        return (type(self), (self.message, self.path))
