"""Documents attached to a call: its guide, application form and anything else to download."""

from django.db import models

from modelcluster.fields import ParentalKey

from cms.attachments import BaseAttachment


class CallAttachment(BaseAttachment):
    """A document attached to a call, e.g. the guide for applicants."""

    page = ParentalKey("calls.CallPage", on_delete=models.CASCADE, related_name="attachments")
