import graphene

from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class PeopleConfig(ContentPlugin):
    """Contact people of organisations, events, calls and projects."""

    name = "snippets.people"
    label = "people"
    verbose_name = _("People")
    demo_order = 40

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query
        from snippets.people import selectors

        register_content_query(
            ContentQuery(
                plural="people",
                singular="person",
                model="people.Person",
                queryset=selectors.people_for_api,
                filters={
                    "organisation": graphene.String(
                        description="Slug of an organisation: only its people."
                    )
                },
                apply_filters=selectors.people_filter,
                orders={"NAME": "name", "NAME_DESC": "-name"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from snippets.people.demo import load_demo

        load_demo(stdout)
