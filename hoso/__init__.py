"""hoso core: domain model, configuration, pipeline orchestration and the CLI."""

__version__ = "0.1.0"
