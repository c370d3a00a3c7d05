"""PostgreSQL text-search configuration for Slovenian, which PostgreSQL does not ship.

``slovenian`` folds accents (unaccent: "obcina" finds "občina") and stems with the Serbian
Snowball stemmer, the nearest PostgreSQL has ("prostovoljstva" finds "prostovoljstvo"). An
existing ``slovenian`` configuration (e.g. one built on a Hunspell dictionary) is kept. Where
the unaccent extension cannot be created or the Serbian stemmer is missing (PostgreSQL before
14), the configuration does without them. Nothing happens on other databases.
"""

from django.db import DatabaseError, migrations, transaction

WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def create_slovenian(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = 'slovenian'")
        if cursor.fetchone():
            return
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        except DatabaseError:  # no privilege to create it; accents then count
            pass
        cursor.execute("SELECT dictname FROM pg_ts_dict WHERE dictname IN ('unaccent', 'serbian_stem')")
        found = {row[0] for row in cursor.fetchall()}
        dictionaries = [name for name in ("unaccent", "serbian_stem") if name in found]
        if "serbian_stem" not in found:
            dictionaries.append("simple")
        cursor.execute("CREATE TEXT SEARCH CONFIGURATION slovenian (COPY = simple)")
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION slovenian ALTER MAPPING FOR {WORD_TOKENS} "
            f"WITH {', '.join(dictionaries)}"
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0001_initial")]

    operations = [migrations.RunPython(create_slovenian, migrations.RunPython.noop)]
