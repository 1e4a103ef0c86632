"""Strip leader dots Tesseract glued to a value ("NGUYỄN……" → "NGUYỄN"), keeping dates intact."""

from __future__ import annotations

import re

# Two or more dots/ellipses (or a lone "…") at either end; one "." may be a date or sentence end.
_EDGE = re.compile(r"^(?:[.…·]{2,}|…)+|(?:[.…·]{2,}|…)+$")


def strip_leader_dots(token: str) -> str:
    """The token without leader dots at its ends; "15.06.1985" and "A." are left alone."""
    return _EDGE.sub("", token)
