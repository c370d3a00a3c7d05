"""An organisation and what its profile lists: social links, opening hours, quality labels."""

from snippets.organisations.models.details import OpeningHours, OrganisationSocialLink, QualityLabel
from snippets.organisations.models.organisation import Organisation

__all__ = ["OpeningHours", "Organisation", "OrganisationSocialLink", "QualityLabel"]
