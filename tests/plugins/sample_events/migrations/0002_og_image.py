import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('sample_events', '0001_initial'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.AddField(
            model_name='sampleeventpage',
            name='og_image',
            field=models.ForeignKey(blank=True, help_text="Shown when the page is shared on social media, cropped to 1200 × 630 pixels. Leave empty to use the page's lead image, if it has one.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='share image'),
        ),
    ]
