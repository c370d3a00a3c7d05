"""The CMS's URLs plus one view whose statement outlasts any statement timeout under test."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns


def slow(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("the statement was not cancelled")


urlpatterns = [path("slow/", slow), *cms_urlpatterns]
