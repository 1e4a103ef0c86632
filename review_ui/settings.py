"""Web settings from the environment (HOSO_*); the session secret is generated once per data dir if unset."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from hoso.errors import ConfigError

SECRET_ENV = "HOSO_SECRET_KEY"
SECRET_FILE = "secret_key"  # under HOSO_DATA_DIR, mode 0600, for the embedded default
MB = 1024 * 1024


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ConfigError(f"{name} must be a whole number, got {raw!r}")
    return int(raw)


def _bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    return raw in ("1", "true", "yes", "on")


def load_secret(data_dir: Path) -> str:
    """HOSO_SECRET_KEY, else the key kept in the data dir (made on first start), so restarts keep sessions."""
    key = os.environ.get(SECRET_ENV, "").strip()
    if key:
        if len(key) < 32:
            raise ConfigError(f"{SECRET_ENV} must be at least 32 characters")
        return key
    path = data_dir / SECRET_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text(encoding="ascii").strip()


@dataclass(frozen=True, slots=True)
class UiSettings:
    """How the review UI behaves; every value can be set from the environment (see README)."""

    secret_key: str
    cookie_secure: bool = True  # Secure cookies: off only for plain-HTTP use on the loopback interface
    session_hours: int = 8
    max_upload_bytes: int = 150 * MB  # one request; a 200 MB file is refused with a clear message
    lockout_after: int = 5  # wrong passwords in a row
    lockout_minutes: int = 15  # 0: locked until an administrator sets a new password
    page_size: int = 50
    staging_dir: Path = Path("var/uploads")

    @classmethod
    def from_env(cls, data_dir: Path, *, cookie_secure_default: bool = True) -> UiSettings:
        """Settings of `hoso serve`: HOSO_SECRET_KEY, HOSO_COOKIE_SECURE, HOSO_UPLOAD_MAX_MB, …"""
        return cls(
            secret_key=load_secret(data_dir),
            cookie_secure=_bool("HOSO_COOKIE_SECURE", cookie_secure_default),
            session_hours=_int("HOSO_SESSION_HOURS", 8),
            max_upload_bytes=_int("HOSO_UPLOAD_MAX_MB", 150) * MB,
            lockout_after=_int("HOSO_LOCKOUT_AFTER", 5),
            lockout_minutes=_int("HOSO_LOCKOUT_MINUTES", 15),
            staging_dir=data_dir / "uploads",
        )
