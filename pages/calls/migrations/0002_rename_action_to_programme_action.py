from django.db import migrations


class Migration(migrations.Migration):
    """A field named "action" hid the admin form's `action` property (Wagtail autosave)."""

    dependencies = [
        ("calls", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="callpage",
            old_name="action",
            new_name="programme_action",
        ),
    ]
