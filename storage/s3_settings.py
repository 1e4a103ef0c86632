"""Settings of the S3/MinIO object store, read from HOSO_S3_* so endpoints and secrets stay out of code."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hoso.errors import ConfigError

PREFIX = "HOSO_S3_"
REQUIRED = ("ENDPOINT", "ACCESS_KEY", "SECRET_KEY")
OPTIONAL = ("BUCKET", "SECURE", "REGION", "TIMEOUT", "RETRIES", "PUBLIC_URL")
ENV_NAMES = tuple(PREFIX + key for key in REQUIRED + OPTIONAL)  # every setting, for docs and .env.example
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
DEFAULT_BUCKET = "hoso"
DEFAULT_REGION = "us-east-1"  # MinIO's default; always set, so presigning never asks the server for it
DEFAULT_TIMEOUT = 30.0  # seconds to connect, and between two reads of a response
DEFAULT_RETRIES = 3  # attempts after the first on connection errors and 5xx answers


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in _TRUE + _FALSE:
        raise ConfigError(f"{name}: expected true or false, got {raw!r}")
    return value in _TRUE


def _number(name: str, raw: str, kind: type[int] | type[float]) -> float:
    try:
        value = kind(raw)
    except ValueError:
        raise ConfigError(f"{name}: expected a number, got {raw!r}") from None
    if value < 0:
        raise ConfigError(f"{name}: must not be negative, got {raw!r}")
    return value


def _endpoint(name: str, raw: str) -> tuple[str, bool | None]:
    """`host:port` as the minio SDK wants it, and the TLS choice a `http(s)://` prefix implies."""
    if "://" not in raw:
        return raw.strip().rstrip("/"), None
    url = urlsplit(raw.strip())
    if url.scheme not in ("http", "https") or not url.netloc or url.path.strip("/"):
        raise ConfigError(f"{name}: expected host:port or http(s)://host:port, got {raw!r}")
    return url.netloc, url.scheme == "https"


@dataclass(frozen=True, slots=True)
class S3Settings:
    """Where the bucket is and how hard to try; `secret_key` is kept out of repr() and logs."""

    endpoint: str
    access_key: str
    secret_key: str = field(repr=False)
    bucket: str = DEFAULT_BUCKET
    secure: bool = True
    region: str = DEFAULT_REGION
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES
    public_endpoint: str | None = None  # host:port browsers reach for presigned URLs (default: endpoint)
    public_secure: bool | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> S3Settings:
        """HOSO_S3_{ENDPOINT, ACCESS_KEY, SECRET_KEY}, required; ConfigError names a missing or bad one.

        Optional: _BUCKET, _SECURE, _REGION, _TIMEOUT, _RETRIES, _PUBLIC_URL.
        """
        env = os.environ if env is None else env

        def get(key: str) -> str:
            return env.get(PREFIX + key, "").strip()

        missing = [PREFIX + key for key in REQUIRED if not get(key)]
        if missing:
            raise ConfigError(f"HOSO_OBJECT_STORE=s3 needs {', '.join(missing)}")
        endpoint, scheme_secure = _endpoint(PREFIX + "ENDPOINT", get("ENDPOINT"))
        secure = _flag(PREFIX + "SECURE", get("SECURE")) if get("SECURE") else scheme_secure
        public, public_secure = (
            _endpoint(PREFIX + "PUBLIC_URL", get("PUBLIC_URL")) if get("PUBLIC_URL") else (None, None)
        )
        return cls(
            endpoint=endpoint,
            access_key=get("ACCESS_KEY"),
            secret_key=get("SECRET_KEY"),
            bucket=get("BUCKET") or DEFAULT_BUCKET,
            secure=True if secure is None else secure,
            region=get("REGION") or DEFAULT_REGION,
            timeout=_number(PREFIX + "TIMEOUT", get("TIMEOUT") or str(DEFAULT_TIMEOUT), float),
            retries=int(_number(PREFIX + "RETRIES", get("RETRIES") or str(DEFAULT_RETRIES), int)),
            public_endpoint=public,
            public_secure=public_secure,
        )
