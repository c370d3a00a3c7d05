"""Factories for site settings and menus, used by tests and the demo loader."""

import factory
from factory.django import DjangoModelFactory

from cms.factories import OrderableFactory
from snippets.navigation.models import Menu, MenuItem, SiteSettings, SiteSocialLink


class SiteSettingsFactory(DjangoModelFactory):
    network_name = "Solidarity CMS demo"

    class Meta:
        model = SiteSettings


class SiteSocialLinkFactory(OrderableFactory):
    network = SiteSocialLink.Network.FACEBOOK
    url = "https://www.facebook.com/example/"

    class Meta:
        model = SiteSocialLink


class MenuFactory(DjangoModelFactory):
    name = Menu.Location.MAIN

    class Meta:
        model = Menu


class MenuItemFactory(OrderableFactory):
    label = factory.Sequence(lambda n: f"Link {n}")

    class Meta:
        model = MenuItem
