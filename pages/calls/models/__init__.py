"""Call pages and their index page."""

from pages.calls.models.call import CallPage, CallPageForm
from pages.calls.models.index import CallIndexPage

__all__ = ["CallIndexPage", "CallPage", "CallPageForm"]
