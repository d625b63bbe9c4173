"""A share indicator's baseline and target are stored as fractions 0–1, like its measurements.

Earlier versions accepted "40" for 40 % and guessed when showing it (the table said "40 %" while the
chart's axis ran to 4 000 %); values above 1 are percentages and are divided by 100 here.
"""

from decimal import Decimal

from django.db import migrations


def shares_as_fractions(apps, schema_editor):
    Indicator = apps.get_model("projects", "Indicator")
    for indicator in Indicator.objects.filter(unit="share"):
        changed = False
        for name in ("baseline_value", "target_value"):
            value = getattr(indicator, name)
            if value is not None and value > 1:
                setattr(indicator, name, value / Decimal(100))
                changed = True
        if changed:
            indicator.save(update_fields=["baseline_value", "target_value"])


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_project_lessons")]
    operations = [migrations.RunPython(shares_as_fractions, migrations.RunPython.noop)]
