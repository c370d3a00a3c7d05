"""Benchmark URLs: the CMS's own, plus Wagtail's REST API v2 and a trivial JSON view."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as cms_urlpatterns
from pages.calls.models import CallPage

# The product declares no REST API fields (partners use GraphQL); the comparison needs the
# call's own fields, so the benchmark process alone exposes them.
CallPage.api_fields = [APIField("summary"), APIField("deadline"), APIField("opens_at")]

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)


def trivial(request: HttpRequest) -> JsonResponse:
    """A constant answer through the full middleware stack: the floor any view stands on."""
    return JsonResponse({"status": "ok", "items": [1, 2, 3]})


# Before the CMS's patterns: those end with Wagtail's catch-all page serving.
urlpatterns = [
    path("bench/trivial", trivial, name="bench_trivial"),
    path("api/v2/", api_router.urls),
    *cms_urlpatterns,
]
