from django.db.models import QuerySet

from wagtail.models import Locale


def sample_events_for_api(locale: Locale) -> QuerySet:
    from .models import SampleEventPage

    return SampleEventPage.objects.live().public().filter(locale=locale)
