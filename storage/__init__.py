"""Database and object storage (issue 3/5)."""
