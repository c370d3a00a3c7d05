import graphene

from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class CountriesConfig(ContentPlugin):
    """Named groups of countries that calls and events are open to."""

    name = "snippets.countries"
    label = "countries"
    verbose_name = _("Country groups")
    demo_order = 10

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query
        from snippets.countries import selectors

        register_content_query(
            ContentQuery(
                plural="country_groups",
                singular="country_group",
                model="countries.CountryGroup",
                queryset=selectors.country_groups_for_api,
                filters={
                    "country": graphene.String(
                        description="ISO 3166-1 alpha-2 code: only groups listing this country."
                    )
                },
                apply_filters=selectors.country_groups_filter,
                orders={"NAME": "name", "NAME_DESC": "-name"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from snippets.countries.demo import load_demo

        load_demo(stdout)
