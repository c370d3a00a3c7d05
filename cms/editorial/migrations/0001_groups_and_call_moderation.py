"""The editorial groups and the "Call moderation" workflow, so a fresh install has them.

Rights that depend on what exists only after migrate (snippet permissions, each language's home
page) are granted by cms.editorial.groups.provision on post_migrate. Call index pages that
already exist get the workflow here; new ones get it when they are created.
"""

from django.conf import settings
from django.db import migrations

EDITORS = "Editors"
CALL_MODERATORS = "Call moderators"
CALL_WORKFLOW = "Call moderation"
CALL_TASK = "Call moderators approval"
MODERATOR_PAGE_RIGHTS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def create_groups_and_workflow(apps, schema_editor):
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    Group.objects.using(db).get_or_create(name=EDITORS)
    moderators, _ = Group.objects.using(db).get_or_create(name=CALL_MODERATORS)
    for code in settings.CMS_LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            Group.objects.using(db).get_or_create(name=f"Translators ({code})")

    # Historical models do not fill in the polymorphic content type as the real ones do.
    task_type, _ = ContentType.objects.using(db).get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, created = GroupApprovalTask.objects.using(db).get_or_create(
        name=CALL_TASK, defaults={"content_type": task_type, "active": True}
    )
    if created:
        task.groups.set([moderators])
    workflow, created = Workflow.objects.using(db).get_or_create(
        name=CALL_WORKFLOW, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.using(db).create(workflow=workflow, task=task, sort_order=0)

    # By content type, not by model: the core must not depend on the calls plugin's migrations.
    index_type = ContentType.objects.using(db).filter(app_label="calls", model="callindexpage")
    index_pages = Page.objects.using(db).filter(content_type__in=index_type)
    rights = Permission.objects.using(db).filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=MODERATOR_PAGE_RIGHTS,
    )
    for page in index_pages:
        if not WorkflowPage.objects.using(db).filter(page=page).exists():
            WorkflowPage.objects.using(db).create(page=page, workflow=workflow)
        for permission in rights:
            GroupPagePermission.objects.using(db).get_or_create(
                group=moderators, page=page, permission=permission
            )


def deactivate_workflow(apps, schema_editor):
    # Groups stay (users may be in them) and so does the workflow's history; it stops applying.
    db = schema_editor.connection.alias
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.using(db).filter(workflow__name=CALL_WORKFLOW).delete()
    Workflow.objects.using(db).filter(name=CALL_WORKFLOW).update(active=False)
    Task.objects.using(db).filter(name=CALL_TASK).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, deactivate_workflow)]
