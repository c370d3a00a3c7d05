from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class ConferencesConfig(ContentPlugin):
    """Conferences that municipalities and organisations apply to, listed under an index page."""

    name = "pages.conferences"
    label = "conferences"
    verbose_name = _("Conferences")
    demo_order = 60

    def ready(self) -> None:
        super().ready()
        import graphene

        from cms.graphql.registry import ContentQuery, register_content_query
        from pages.conferences import selectors

        register_content_query(
            ContentQuery(
                plural="conferences",
                singular="conference",
                model="conferences.ConferencePage",
                queryset=selectors.conferences_for_api,
                filters={
                    "upcoming": graphene.Boolean(
                        description="True: not over yet (including running ones); false: over."
                    ),
                    "starts_after": graphene.Date(
                        description="Only conferences starting on this day or later."
                    ),
                    "starts_before": graphene.Date(
                        description="Only conferences starting on this day or earlier."
                    ),
                    "eligible_country": graphene.String(
                        description=(
                            "ISO 3166-1 alpha-2 code, e.g. SI: conferences open to that country "
                            "directly or through one of their country groups."
                        )
                    ),
                },
                apply_filters=selectors.conferences_filter,
                orders={"START": "starts_at", "START_DESC": "-starts_at", "TITLE": "title"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from pages.conferences.demo import load_demo

        load_demo(stdout)
