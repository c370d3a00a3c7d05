"""Call pages, their index page and the documents attached to calls."""

from pages.calls.models.attachment import CallAttachment
from pages.calls.models.call import CallPage, CallPageForm
from pages.calls.models.index import CallIndexPage

__all__ = ["CallAttachment", "CallIndexPage", "CallPage", "CallPageForm"]
