"""``migrate kim_cms zero`` (the README's uninstall) refuses while kim-cms
pages exist: their rows would stay in the page tree without their tables."""

import importlib
from types import SimpleNamespace

import pytest
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Page

pytestmark = pytest.mark.django_db

GUARD = "0003_keep_pages_on_removal"


def unapply_guard():
    """Run what ``migrate kim_cms 0002`` runs first: the guard's reverse, on
    the historical models of that point."""
    module = importlib.import_module(f"kim_cms.migrations.{GUARD}")
    state = MigrationLoader(connection).project_state(("kim_cms", GUARD))
    module.refuse_while_pages_exist(state.apps, SimpleNamespace(connection=connection))


def test_removal_is_refused_while_kim_pages_exist(portal):
    with pytest.raises(CommandError) as refused:
        unapply_guard()
    message = str(refused.value)
    assert "“Portal KIM Pulang Pisau”" in message
    assert f" {portal.pk})" in message


def test_removal_goes_ahead_once_the_pages_are_deleted(portal, root_page):
    home = root_page.add_child(instance=Page(title="Home", slug="home"))
    site = portal.get_site()
    site.root_page = home
    site.save()
    portal.delete()
    assert not Page.objects.filter(content_type__app_label="kim_cms").exists()
    unapply_guard()
