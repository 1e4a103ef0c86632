"""One error tree for hoso, so every edge (CLI exit code, HTTP status) translates errors in one place.

HosoError (code, exit_code, retryable)
 ├── ValidationError        bad input: a 13-digit CCCD, a date 31/02, an empty note
 ├── NotFound               an unknown flag, dossier, officer, unit or user
 ├── AlreadyExists          a second object under a key that must be unique
 ├── PermissionDenied       the user's role or unit scope does not allow the action
 ├── InvalidTransition      a dossier or flag state change the state machine forbids
 ├── ApprovalRefused        approval while cảnh báo are open (names them)
 ├── Conflict               a concurrent change won the race; retrying may succeed
 ├── IntegrityError         stored data contradicts itself (a broken audit chain)
 ├── ConfigError            a settings file or calendar table that cannot be used
 └── StorageUnavailable     the database or object store cannot be reached

Discrepancies between paper and record are data (flags), never exceptions.
"""

from __future__ import annotations

from enum import IntEnum
from typing import ClassVar


class ExitCode(IntEnum):
    """Process exit statuses; 1 stays the generic failure, 2 is the CLI's own usage error."""

    OK = 0
    ERROR = 1
    USAGE = 2
    VALIDATION = 3
    NOT_FOUND = 4
    PERMISSION = 5
    INVALID_STATE = 6
    APPROVAL_REFUSED = 7
    CONFLICT = 8
    INTEGRITY = 9
    CONFIG = 10
    UNAVAILABLE = 11


class HosoError(Exception):
    """Base of every hoso error: a stable machine code, an exit code and whether a retry may help."""

    code: ClassVar[str] = "error"
    exit_code: ClassVar[ExitCode] = ExitCode.ERROR
    retryable: ClassVar[bool] = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict[str, object]:
        """The form a `--json` CLI or an HTTP API returns."""
        return {"code": self.code, "message": self.message, "retryable": self.retryable}


class ValidationError(HosoError):
    code, exit_code = "validation_error", ExitCode.VALIDATION


class NotFound(HosoError):
    code, exit_code = "not_found", ExitCode.NOT_FOUND


class AlreadyExists(HosoError):
    code, exit_code = "already_exists", ExitCode.CONFLICT


class PermissionDenied(HosoError):
    code, exit_code = "permission_denied", ExitCode.PERMISSION


class InvalidTransition(HosoError):
    code, exit_code = "invalid_transition", ExitCode.INVALID_STATE


class ApprovalRefused(HosoError):
    """Raised by approve() while cảnh báo are open; `open_flags` names them for the refusal message."""

    code, exit_code = "approval_refused", ExitCode.APPROVAL_REFUSED

    def __init__(self, message: str, open_flags: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.open_flags = open_flags

    def to_json(self) -> dict[str, object]:
        """Adds the open flag ids, so a UI can link to them."""
        return {**super().to_json(), "open_flags": list(self.open_flags)}


class Conflict(HosoError):
    code, exit_code, retryable = "conflict", ExitCode.CONFLICT, True


class IntegrityError(HosoError):
    code, exit_code = "integrity_error", ExitCode.INTEGRITY


class ConfigError(HosoError):
    code, exit_code = "config_error", ExitCode.CONFIG


class StorageUnavailable(HosoError):
    code, exit_code, retryable = "storage_unavailable", ExitCode.UNAVAILABLE, True
