"""GraphQL types of the calls plugin beyond what grapple builds from the models."""

import graphene

from django.apps import apps


class CallStatusEnum(graphene.Enum):
    """Where a call stands at the moment of the request, worked out from its dates."""

    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"

    class Meta:
        name = "CallStatus"

    @property
    def description(self) -> str:
        return {
            "upcoming": "Applications have not opened yet.",
            "open": "Applications are open: opened and the deadline has not passed.",
            "closed": "The deadline has passed.",
        }[self.value]


def organisation_kind_enum() -> type[graphene.Enum]:
    """The kinds an organisation can be (the organisations app defines them), as an enum for
    the ``eligibleOrganisationKind`` argument; built when the app registry is ready."""
    kinds = apps.get_model("organisations", "Organisation").Kind

    def describe(member: object) -> str:
        if member is None:
            return "A kind of organisation a call may be open to (Organisation.kind)."
        return f"{kinds(member.value).label}: the kind {member.value}."

    return graphene.Enum(
        "EligibleOrganisationKind",
        [(kind.value.upper(), kind.value) for kind in kinds],
        description=describe,
    )
