"""Demo site settings and menus, in English with Slovenian and Swedish translations.

The seeds name no network, contact or social media address of the network itself (only the
people and organisations in them), so the demo settings carry the CMS's own name and no
contact or social links; the menus link to the demo's sections and the European Youth
Portal, where the seeds' calls are applied for.
"""

from typing import Any

from wagtail.models import Locale, Page

from cms.demo import english_home
from cms.translation import translate
from snippets.navigation.models import Menu, MenuItem, SiteSettings

NAME = "Solidarity CMS demo"
TAGLINE = "Calls, conferences and projects of towns and organisations that work with volunteers"
PORTAL = ("European Youth Portal", "https://youth.europa.eu/solidarity_en")
SECTIONS = ["calls", "conferences", "projects", "municipalities", "news"]
TRANSLATIONS = {
    "sl": {
        TAGLINE: "Razpisi, konference in projekti mest in organizacij, ki delajo s prostovoljci",
        PORTAL[0]: "Evropski mladinski portal",
    },
    "sv": {
        TAGLINE: "Utlysningar, konferenser och projekt från städer och organisationer som "
        "arbetar med volontärer",
        PORTAL[0]: "Europeiska ungdomsportalen",
    },
}


def load_demo(stdout: Any) -> None:
    """Create the settings and the two menus once; a second run refreshes the translations."""
    english = Locale.get_default()
    settings = SiteSettings.objects.filter(locale=english).first()
    if settings is None:
        settings = SiteSettings.objects.create(locale=english, network_name=NAME, tagline=TAGLINE)
    main = Menu.objects.filter(locale=english, name=Menu.Location.MAIN).first()
    if main is None:
        main = Menu.objects.create(locale=english, name=Menu.Location.MAIN)
        home = english_home()
        for order, slug in enumerate(SECTIONS):
            section = Page.objects.child_of(home).filter(slug=slug).first()
            if section is not None:
                MenuItem.objects.create(menu=main, page=section, sort_order=order, locale=english)
    footer = Menu.objects.filter(locale=english, name=Menu.Location.FOOTER).first()
    if footer is None:
        footer = Menu.objects.create(locale=english, name=Menu.Location.FOOTER)
        MenuItem.objects.create(
            menu=footer, label=PORTAL[0], url=PORTAL[1], sort_order=0, locale=english
        )
    for language, texts in TRANSLATIONS.items():
        for item in (settings, main, footer):
            translate(item, language, texts)
    stdout.write("Site settings and menus: in English, Slovenian and Swedish.")
