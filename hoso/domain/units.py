"""The organisation tree, any depth: the 2025 reform removed the district tier, so no fixed levels."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hoso.errors import NotFound


@dataclass(frozen=True, slots=True)
class Unit:
    """One node of the organisation tree (Sở Nội vụ → sở / UBND xã → đơn vị sự nghiệp, any depth)."""

    code: str
    name: str
    parent_code: str | None = None


class UnitTree:
    """All units with subtree queries, which is how user scope is checked."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._units = {u.code: u for u in units}
        self._children: dict[str, list[str]] = {}
        for u in self._units.values():
            if u.parent_code is not None:
                self._children.setdefault(u.parent_code, []).append(u.code)

    def __contains__(self, code: object) -> bool:
        return code in self._units

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def get(self, code: str) -> Unit:
        """The unit, or NotFound."""
        try:
            return self._units[code]
        except KeyError:
            raise NotFound(f"unit {code!r} not found") from None

    def roots(self) -> list[str]:
        """Units without a (known) parent, e.g. the Sở Nội vụ of each province."""
        return sorted(u.code for u in self._units.values() if u.parent_code not in self._units)

    def ancestors(self, code: str) -> list[str]:
        """Codes from the unit itself up to the root; stops on a cycle rather than looping forever."""
        path: list[str] = []
        current: str | None = code
        while current is not None and current in self._units and current not in path:
            path.append(current)
            current = self._units[current].parent_code
        return path

    def subtree(self, code: str) -> list[str]:
        """The unit and everything below it, parents before children."""
        self.get(code)
        out, stack = [], [code]
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(sorted(self._children.get(current, []))))
        return out

    def is_within(self, code: str, root: str) -> bool:
        """True when `code` is `root` or lies below it."""
        return root in self.ancestors(code)
