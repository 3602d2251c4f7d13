"""Editors' previews of detail pages: the page is built from its latest revision
(child objects and many-to-many fields in memory), not loaded by the routing."""

import pytest

from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_groups import (
    FocusAreaFactory,
    KimActivityPageFactory,
    KimGroupOfficerFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import (
    TrainingIndexPageFactory,
    TrainingTopicFactory,
    make_material,
    module,
)

pytestmark = pytest.mark.django_db


def preview(admin_client, page):
    """What Wagtail's preview view renders: the latest revision, as an object
    (its officers, focus areas and topics held in memory)."""
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    draft = page.get_latest_revision_as_object()
    request = RequestFactory().get("/admin/preview/")
    request.user = get_user_model().objects.get(username="admin")
    request.is_preview = True
    request.preview_mode = ""
    response = draft.serve_preview(request, draft.default_preview_mode)
    response.render()
    assert response.status_code == 200
    return response.content.decode()


def test_group_preview_shows_the_draft(directory, admin_client):
    kecamatan = KecamatanFactory(name="Maliku")
    group = KimGroupPageFactory(
        parent=directory,
        title="KIM Garantung",
        desa=DesaFactory(name="Garantung", kecamatan=kecamatan),
        kecamatan=kecamatan,
        logo=ImageFactory(),
    )
    KimGroupOfficerFactory(page=group, name="Budi", photo=ImageFactory())
    KimActivityPageFactory(parent=group, title="Rapat warga")
    group.focus_areas.add(FocusAreaFactory(name="Pertanian", slug="pertanian"))
    group.title = "KIM Garantung (draf)"
    group.save_revision()  # not published
    html = preview(admin_client, group)
    assert "<h1>KIM Garantung (draf)</h1>" in html
    assert "<strong>Budi</strong>" in html
    assert "Pertanian" in html and "Garantung" in html
    assert "Rapat warga" in html


def test_tip_and_training_previews(portal, admin_client):
    tip = make_tip(make_tip_index(portal), "Padi", steps=3, image=ImageFactory())
    tip.title = "Padi (draf)"
    tip.save_revision()
    html = preview(admin_client, tip)
    assert "<h1>Padi (draf)</h1>" in html
    assert html.count('<li id="langkah-') == 3
    material = make_material(
        TrainingIndexPageFactory(parent=portal),
        title="Literasi digital",
        modules=[module("Satu"), module("Dua")],
        topics=[TrainingTopicFactory(name="Hoaks")],
    )
    html = preview(admin_client, material)
    assert html.count('class="kim-module"') == 2
    assert "Hoaks" in html
