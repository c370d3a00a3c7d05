"""The CMS's URLs plus the example partner site, as ``make run`` serves them in development."""

from django.conf import settings

from cms.partner_site import partner_site_urls
from cms.urls import urlpatterns as cms_urlpatterns

PARTNER_SITE_DIR = settings.BASE_DIR / "examples" / "partner-site"

urlpatterns = [*partner_site_urls(PARTNER_SITE_DIR), *cms_urlpatterns]
