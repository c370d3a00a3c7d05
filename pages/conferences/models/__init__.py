"""Conference pages, their index page and the rows edited inline on them."""

from pages.conferences.models.conference import ConferencePage, ConferencePageForm
from pages.conferences.models.index import ConferenceIndexPage
from pages.conferences.models.rows import (
    ConferenceAttachment,
    ConferenceObjective,
    ConferencePartnerLogo,
    DelegationRole,
)

__all__ = [
    "ConferenceAttachment",
    "ConferenceIndexPage",
    "ConferenceObjective",
    "ConferencePage",
    "ConferencePageForm",
    "ConferencePartnerLogo",
    "DelegationRole",
]
