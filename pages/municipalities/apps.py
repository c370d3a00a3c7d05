from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class MunicipalitiesConfig(ContentPlugin):
    """Municipalities of the network: one page each, listed under an index page."""

    name = "pages.municipalities"
    label = "municipalities"
    verbose_name = _("Municipalities")
    demo_order = 50

    def ready(self) -> None:
        super().ready()
        import graphene

        from cms.graphql.registry import ContentQuery, register_content_query
        from pages.municipalities import selectors

        register_content_query(
            ContentQuery(
                plural="municipalities",
                singular="municipality",
                model="municipalities.MunicipalityPage",
                queryset=selectors.municipalities_for_api,
                filters={
                    "country": graphene.String(description="ISO 3166-1 alpha-2 code, e.g. SI."),
                    "project": graphene.String(description="Slug of a project it takes part in."),
                },
                apply_filters=selectors.municipalities_filter,
                orders={"TITLE": "title", "COUNTRY": "country"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from pages.municipalities.demo import load_demo

        load_demo(stdout)
