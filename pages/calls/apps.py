from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class CallsConfig(ContentPlugin):
    """Calls for applications, e.g. European Solidarity Corps calls, listed under an index page."""

    name = "pages.calls"
    label = "calls"
    verbose_name = _("Calls")
    demo_order = 70

    def ready(self) -> None:
        super().ready()
        import graphene

        from cms.graphql.registry import ContentQuery, register_content_query
        from pages.calls import selectors
        from pages.calls.models.fields import MAX_AGE
        from pages.calls.types import CallStatusEnum, organisation_kind_enum

        register_content_query(
            ContentQuery(
                plural="calls",
                singular="call",
                model="calls.CallPage",
                queryset=selectors.calls_for_api,
                filters={
                    "status": graphene.Argument(
                        CallStatusEnum, description="Status at the moment of the request."
                    ),
                    "programme": graphene.String(description="Slug of the funding programme."),
                    "eligible_country": graphene.String(
                        description=(
                            "ISO 3166-1 alpha-2 code, e.g. SI: calls open to that country "
                            "directly or through one of their country groups."
                        )
                    ),
                    "eligible_organisation_kind": graphene.Argument(
                        organisation_kind_enum(),
                        description="Only calls organisations of this kind may apply to.",
                    ),
                    "age": graphene.Int(
                        description=(
                            f"An applicant's age, 0 to {MAX_AGE}: only calls whose age range "
                            "includes it (calls without an age limit included)."
                        )
                    ),
                    "deadline_after": graphene.Date(
                        description="Only calls whose deadline falls on this day or later."
                    ),
                    "deadline_before": graphene.Date(
                        description="Only calls whose deadline falls on this day or earlier."
                    ),
                },
                apply_filters=selectors.calls_filter,
                orders={"DEADLINE": "deadline", "DEADLINE_DESC": "-deadline", "TITLE": "title"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from pages.calls.demo import load_demo

        load_demo(stdout)
