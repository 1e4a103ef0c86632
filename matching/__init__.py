"""Electronic-record comparison (issue 3)."""
