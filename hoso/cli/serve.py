"""`hoso serve`: the review web UI (FastAPI + uvicorn), loaded only when this command runs."""

from __future__ import annotations

from typing import Annotated

import typer

from hoso.cli.common import open_store


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port")] = 8000,
) -> None:
    """Start the web UI (giao diện đối chiếu) on http://HOST:PORT; Ctrl-C stops it."""
    with open_store():  # a clear error before `hoso init`, as for the other commands
        pass
    from review_ui.server import run

    typer.echo(f"hoso: giao diện web tại http://{host}:{port}/ (Ctrl-C để dừng)")
    run(host, port)


def register(app: typer.Typer) -> None:
    """Add `hoso serve` to the app."""
    app.command("serve")(serve_command)
