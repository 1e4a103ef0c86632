"""Web review UI (issue 4)."""
