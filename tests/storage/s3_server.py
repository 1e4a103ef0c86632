"""A real S3-protocol server for the tests: moto's standalone server in its own process (MinIO cannot be
installed here). It can be stopped (connections refused), paused with SIGSTOP (a hung server: connections
accepted, never answered) and started again on the same port.
"""

import itertools
import os
import signal
import socket
import subprocess
import sys
import time

from storage.s3_objects import S3ObjectStore
from storage.s3_settings import S3Settings

ACCESS_KEY = "hoso-test"  # moto accepts any credentials; these are not secrets
SECRET_KEY = "hoso-test-secret"
_buckets = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoS3Server:
    """`python -m moto.server` on 127.0.0.1:<port>, logging to `log_path`."""

    def __init__(self, log_path, port=None):
        self.port = port or free_port()
        self.log_path = log_path
        self._process = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout=20.0):
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONWARNINGS": "ignore"},
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"moto server exited ({self._process.returncode}), see {self.log_path}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"moto server did not listen on {self.endpoint} within {timeout} s")

    def stop(self):
        """Kill the process: every later connection is refused (and its in-memory buckets are gone)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait(timeout=10)
            self._process = None

    def pause(self):
        os.kill(self._process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self._process.pid, signal.SIGCONT)

    def settings(self, **overrides) -> S3Settings:
        values = {
            "endpoint": self.endpoint, "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "secure": False,
            "bucket": f"hoso-test-{os.getpid()}-{next(_buckets)}", "timeout": 5.0, "retries": 1,
        }
        return S3Settings(**{**values, **overrides})

    def store(self, **overrides) -> S3ObjectStore:
        """A store on a bucket of its own (not created yet: the store creates it when first needed)."""
        part_size = overrides.pop("part_size", None)
        settings = self.settings(**overrides)
        return S3ObjectStore(settings, part_size=part_size) if part_size else S3ObjectStore(settings)
