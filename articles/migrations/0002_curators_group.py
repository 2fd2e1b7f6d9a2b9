"""The Curators group: staff who fix and tag, with exactly the permissions
curation needs and no more (no user management, no deleting articles)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Curators"
PERMISSIONS = {
    "article": ["view", "change"],
    "revision": ["view"],
    "mention": ["view", "add", "change", "delete"],
    "tag": ["view", "add", "change", "delete"],
    "agreement": ["view", "add", "change", "delete"],
    "agreementkey": ["view"],
    "source": ["view", "add", "change", "delete"],
}


def create_group(apps, schema_editor):
    # Permissions are normally made after migrate; make them now so the group
    # can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="articles", codename__in=codenames)
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
