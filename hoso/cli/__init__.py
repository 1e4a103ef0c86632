"""The `hoso` command line: one small module per command group."""

from __future__ import annotations

import typer

from hoso.cli import admin, ingest, records, review, serve, tasks
from hoso.cli.common import HosoGroup
from hoso.cli.extract import extract_command
from hoso.cli.verify import verify_command

app = typer.Typer(
    name="hoso",
    help="Số hóa hồ sơ CBCCVC: read paper dossiers and prove the e-record equals the paper.",
    no_args_is_help=True,
    add_completion=False,
    cls=HosoGroup,
)
app.command("extract")(extract_command)
app.command("verify")(verify_command)
admin.register(app)
records.register(app)
ingest.register(app)
review.register(app)
serve.register(app)
tasks.register(app)


@app.command("version")
def version() -> None:
    """Print the hoso version."""
    from hoso import __version__

    typer.echo(__version__)


def main() -> None:
    """Console-script entry point."""
    app()
