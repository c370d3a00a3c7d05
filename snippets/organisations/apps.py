import graphene

from django.utils.translation import gettext_lazy as _

from cms.plugins import ContentPlugin


class OrganisationsConfig(ContentPlugin):
    """Municipalities, NGOs, national agencies, youth centres and other bodies in the network."""

    name = "snippets.organisations"
    label = "organisations"
    verbose_name = _("Organisations")
    demo_order = 30

    def ready(self) -> None:
        super().ready()
        from cms.graphql.registry import ContentQuery, register_content_query
        from snippets.organisations import selectors

        register_content_query(
            ContentQuery(
                plural="organisations",
                singular="organisation",
                model="organisations.Organisation",
                queryset=selectors.organisations_for_api,
                filters={
                    "kind": graphene.String(
                        description="One kind, e.g. municipality, ngo or youth_centre."
                    ),
                    "country": graphene.String(description="ISO 3166-1 alpha-2 code, e.g. SI."),
                },
                apply_filters=selectors.organisations_filter,
                orders={"NAME": "name", "NAME_DESC": "-name", "CITY": "city"},
            )
        )

    def load_demo(self, stdout: object) -> None:
        from snippets.organisations.demo import load_demo

        load_demo(stdout)
