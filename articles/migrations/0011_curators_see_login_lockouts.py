"""Curators see who is locked out of the admin and can lift a lock-out
(django-axes' access attempts: view and delete), and read the failure log."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
PERMISSIONS = ["view_accessattempt", "delete_accessattempt", "view_accessfailurelog"]


def grant(apps, schema_editor):
    axes = apps.get_app_config("axes")
    axes.models_module = True
    create_permissions(axes, apps=apps, verbosity=0)
    axes.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        permissions = apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="axes", codename__in=PERMISSIONS
        )
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
    if group is not None:
        permissions = apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="axes", codename__in=PERMISSIONS
        )
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_agreement_aliases_and_mention_dates"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
