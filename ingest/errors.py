"""The one intake exception, so page and file problems can be turned into strings at the edge."""


class IntakeError(Exception):
    """A file or page cannot be read; the message is shown to the user as is."""
