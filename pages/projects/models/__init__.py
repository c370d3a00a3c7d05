"""Project pages and the rows an editor adds to them: partners, goals, events, links."""

from pages.projects.models.pages import ProjectIndexPage, ProjectPage
from pages.projects.models.rows import (
    ProjectEvent,
    ProjectGoal,
    ProjectPartner,
    ProjectSocialLink,
)

__all__ = [
    "ProjectEvent",
    "ProjectGoal",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectSocialLink",
]
