"""Web logins: argon2 password hashes and lock-out after repeated failures, audited in the hash chain."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, select

from hoso.domain.audit import AuditEvent
from hoso.domain.model import User
from hoso.errors import HosoError, NotFound, ValidationError
from storage.orm import CredentialRow
from storage.repositories import upsert
from storage.uow import SqlStore, SqlUnitOfWork

MIN_PASSWORD = 8
_HASHER = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) defaults
_DUMMY = _HASHER.hash("hoso-timing-equaliser")  # verified for unknown users: same time as a real check


class LoginFailed(HosoError):
    """Wrong name or password, or a locked account; the message is safe to show (names no detail)."""

    code = "login_failed"

    def __init__(self, message: str, locked: bool = False) -> None:
        super().__init__(message)
        self.locked = locked


@dataclass(frozen=True, slots=True)
class LockPolicy:
    """After `after` wrong passwords in a row the account is locked for `minutes` (0: until reset)."""

    after: int = 5
    minutes: int = 15

    def still_locked(self, locked_at: datetime | None, now: datetime) -> bool:
        """True while a lock set at `locked_at` holds."""
        if locked_at is None:
            return False
        return self.minutes == 0 or now < locked_at + timedelta(minutes=self.minutes)


def hash_password(password: str) -> str:
    """An argon2id hash; refuses passwords shorter than MIN_PASSWORD characters."""
    if len(password) < MIN_PASSWORD:
        raise ValidationError(f"password must have at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def _credential(conn: Connection, username: str) -> Any:
    stmt = select(CredentialRow.__table__).where(CredentialRow.username == username)
    return conn.execute(stmt).first()


def _save(
    conn: Connection, username: str, pw_hash: str, failed: int, locked: datetime | None, changed: datetime
) -> None:
    values = {
        "username": username,
        "password_hash": pw_hash,
        "failed_logins": failed,
        "locked_at": locked,
        "changed_at": changed,
    }
    upsert(conn, CredentialRow.__table__, values, ["username"])


def _audit(
    uow: SqlUnitOfWork, at: datetime, user: str, action: Any, after: dict[str, Any] | None = None
) -> None:
    uow.audit.append(AuditEvent(0, at, user, action, "user", user, None, after))


def set_password(store: SqlStore, username: str, password: str, actor: str = "system") -> None:
    """Set (or reset) a user's password; this also lifts a lock-out."""
    pw_hash, now = hash_password(password), datetime.now(UTC)
    with store.uow() as uow:
        uow.users.get(username)  # NotFound names the unknown user
        _save(uow.connection(), username, pw_hash, 0, None, now)
        _audit(uow, now, actor, "update", {"password": "set", "for": username})
        uow.commit()


def authenticate(
    store: SqlStore, username: str, password: str, policy: LockPolicy, now: datetime | None = None
) -> User:
    """The user, or LoginFailed; each failure counts toward the lock-out and is audited."""
    now = now or datetime.now(UTC)
    bad = LoginFailed("Tên đăng nhập hoặc mật khẩu không đúng.")
    with store.uow() as uow:
        conn = uow.connection()
        try:
            user = uow.users.get(username)
        except NotFound:
            user = None
        row = _credential(conn, username) if user is not None else None
        if user is None or row is None or not user.active:
            _verify(_DUMMY, password)
            raise bad
        if policy.still_locked(row.locked_at, now):
            _audit(uow, now, username, "login_failed", {"reason": "locked"})
            uow.commit()
            raise LoginFailed(_locked_message(policy), locked=True)
        failed = 0 if row.locked_at is not None else row.failed_logins  # an expired lock starts afresh
        if not _verify(row.password_hash, password):
            failed += 1
            locked = now if failed >= policy.after else None
            _save(conn, username, row.password_hash, failed, locked, row.changed_at)
            _audit(uow, now, username, "login_failed", {"failed": failed, "locked": locked is not None})
            uow.commit()
            raise LoginFailed(_locked_message(policy), locked=True) if locked else bad
        pw_hash = (
            _HASHER.hash(password) if _HASHER.check_needs_rehash(row.password_hash) else row.password_hash
        )
        _save(conn, username, pw_hash, 0, None, row.changed_at)
        _audit(uow, now, username, "login")
        uow.commit()
        return user


def _verify(pw_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(pw_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _locked_message(policy: LockPolicy) -> str:
    if policy.minutes == 0:
        return "Tài khoản đã bị khóa do nhập sai mật khẩu nhiều lần. Liên hệ quản trị viên để mở khóa."
    return (
        f"Tài khoản đã bị khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {policy.minutes} phút "
        "hoặc liên hệ quản trị viên."
    )


def log_logout(store: SqlStore, username: str) -> None:
    """Audit the end of a session."""
    with store.uow() as uow:
        _audit(uow, datetime.now(UTC), username, "logout")
        uow.commit()
