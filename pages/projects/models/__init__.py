"""Project pages and the rows an editor adds to them: partners, goals, events, links and
attachments."""

from pages.projects.models.pages import ProjectIndexPage, ProjectPage
from pages.projects.models.rows import (
    ProjectAttachment,
    ProjectEvent,
    ProjectGoal,
    ProjectPartner,
    ProjectSocialLink,
)

__all__ = [
    "ProjectAttachment",
    "ProjectEvent",
    "ProjectGoal",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPartner",
    "ProjectSocialLink",
]
