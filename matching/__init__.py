"""Electronic-record comparison: field comparators, document verification and officer lookup."""

from matching.compare import Flag, compare_document, document_agreement, verify
from matching.comparison import Comparison
from matching.config import FieldRule, MatchConfig
from matching.fields import compare_field
from matching.identify import Identification, OfficerIndex

__all__ = [
    "Comparison",
    "FieldRule",
    "Flag",
    "Identification",
    "MatchConfig",
    "OfficerIndex",
    "compare_document",
    "compare_field",
    "document_agreement",
    "verify",
]
