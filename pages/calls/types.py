"""GraphQL types of the calls plugin beyond what grapple builds from the models."""

import graphene


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
