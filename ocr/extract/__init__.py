"""Field extraction: turn the lines of a document into canonical, normalized fields."""
