"""Run in a subprocess by test_plugin_discovery: a project with the sample plugin installed."""

import json
import os
import sys

import django

os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Site  # noqa: E402

call_command("migrate", verbosity=0)
home = Site.objects.get(is_default_site=True).root_page
user = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
client = Client()
client.force_login(user)
# With one allowed type Wagtail goes straight to its form; either way the add URL shows.
choices = client.get(f"/admin/pages/{home.pk}/add_subpage/", follow=True).content.decode()
query = '{ __type(name: "SampleEventPage") { fields { name } } sampleEvents { items { title } } }'
response = client.post("/graphql/", {"query": query}, content_type="application/json")
json.dump(
    {
        "installed": "tests.plugins.sample_events" in settings.INSTALLED_APPS,
        "grapple_apps": settings.GRAPPLE["APPS"],
        "admin_choices": choices,
        "graphql": response.json(),
    },
    sys.stdout,
)
