"""Dates read off a dossier, held to what a dossier can say."""

from __future__ import annotations

import re

_NINETEEN_READ_AS_EIGHTEEN = re.compile(r"^18(\d\d)(?=$|-)")


def settle_year(value: str) -> str:
    """A year read 18xx is 19xx: no officer's birth, decision or career step predates 1900.

    On a fax the 9 of "19" loses its tail and reads as 8 ("12/12/1871" for 1971).
    """
    return _NINETEEN_READ_AS_EIGHTEEN.sub(r"19\1", value)
