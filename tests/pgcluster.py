"""A throwaway PostgreSQL cluster from Debian's `postgresql` package, started and stopped by the tests.

initdb and pg_ctl run as user `postgres` when the tests run as root (pg_ctl refuses root), in a fresh
directory under /tmp, on a free port, with fsync off. stop()/start() keep the data, so a test can take the
database away and bring it back.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_GLOB = "/usr/lib/postgresql/*/bin"


def pg_bindir() -> Path | None:
    """The newest installed PostgreSQL server binaries, if any."""
    found = [Path(p) for p in sorted(Path("/").glob(PG_GLOB.lstrip("/"))) if (Path(p) / "pg_ctl").exists()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """initdb once, then start()/stop() at will; close() stops it and removes every file."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.as_postgres = os.geteuid() == 0
        self.base = Path(tempfile.mkdtemp(prefix="hoso-pg-", dir="/tmp"))
        if self.as_postgres:
            shutil.chown(self.base, "postgres", "postgres")
        self.data, self.port = self.base / "data", free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}"
        try:
            self._run("initdb", "--no-sync", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--locale=C")
        except BaseException:
            shutil.rmtree(self.base, ignore_errors=True)
            raise

    def _run(self, tool, *args):
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        done = subprocess.run(prefix + [str(self.bindir / tool), *args], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")

    def start(self):
        opts = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.base / "log"), "-w", "start")

    def stop(self):
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def close(self):
        try:
            self.stop()
        except RuntimeError:
            pass  # already stopped
        finally:
            shutil.rmtree(self.base, ignore_errors=True)
