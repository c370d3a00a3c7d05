"""Queries for organisations; the GraphQL fields call these."""

from graphql import GraphQLError

from django.db.models import Prefetch, QuerySet

from wagtail.models import Locale

from snippets.organisations.models import Organisation, QualityLabel


def organisations_for_api(locale: Locale) -> QuerySet[Organisation]:
    """The organisations of one language, with every row their profile shows prefetched."""
    return (
        Organisation.objects.public()
        .filter(locale=locale)
        .select_related("locale", "logo")
        .prefetch_related(
            "social_links",
            "opening_hours",
            Prefetch(
                "quality_labels",
                queryset=QualityLabel.objects.select_related("programme__locale"),
            ),
        )
    )


def organisations_filter(
    queryset: QuerySet[Organisation], *, kind: str | None = None, country: str | None = None
) -> QuerySet[Organisation]:
    """Narrow ``queryset`` to the GraphQL arguments given: a kind value, an ISO country code."""
    if kind:
        if kind not in Organisation.Kind.values:
            raise GraphQLError(
                f"Argument 'kind': unknown kind {kind!r}; use one of "
                f"{', '.join(Organisation.Kind.values)}."
            )
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country=country.strip().upper())
    return queryset
