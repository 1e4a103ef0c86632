"""Real processes for the Celery tests and the task benchmark: redis-server and `celery worker`s.

Each is started in its own process (the worker in its own process group, so SIGKILL takes its pool child
too) and stopped deterministically, logs closed.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.pgcluster import free_port

BIN = Path(sys.executable).parent
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def wait_until(check, timeout, what, poll=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class RedisServer:
    """One redis-server without persistence: a restart loses every message, as a crash would."""

    def __init__(self, folder):
        self.folder, self.port, self.proc, self.log = Path(folder), free_port(), None, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def _ping(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def start(self):
        self.log = (self.folder / "redis.log").open("ab")
        self.proc = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.folder)], stdout=self.log, stderr=subprocess.STDOUT)
        wait_until(self._ping, 10, "redis-server")

    def stop(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait(10)
            self.proc = None
        if self.log is not None:
            self.log.close()
            self.log = None


class Worker:
    """`celery -A hoso.tasks.app worker -Q ocr,light --concurrency 1` in its own process group."""

    def __init__(self, name, env, folder):
        self.name, self.path = name, Path(folder) / f"{name}.log"
        self.log = self.path.open("ab")
        cmd = [str(BIN / "celery"), "-A", "hoso.tasks.app", "worker", "-Q", "ocr,light", "--concurrency", "1",
               "-P", "prefork", "-n", f"{name}@test", "--without-gossip", "--without-mingle", "--without-heartbeat",
               "-l", "INFO"]
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(lambda: b" ready." in self.path.read_bytes() or self.proc.poll() is not None, 60, f"{name} ready")
        assert self.proc.poll() is None, self.path.read_text(errors="replace")

    def kill(self):
        """SIGKILL the whole worker (main process and its pool child) at once, as a crashed host would."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()
