"""Conference pages, their index page and the rows edited inline on them."""

from pages.conferences.models.conference import ConferencePage, ConferencePageForm
from pages.conferences.models.index import ConferenceIndexPage
from pages.conferences.models.rows import (
    ConferenceObjective,
    ConferencePartnerLogo,
    DelegationRole,
)

__all__ = [
    "ConferenceIndexPage",
    "ConferenceObjective",
    "ConferencePage",
    "ConferencePageForm",
    "ConferencePartnerLogo",
    "DelegationRole",
]
