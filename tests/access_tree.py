"""A portal with every kim_cms section, public pages and secrets, for the
access tests (``tests/test_access.py``).

Every secret carries a marker that must never reach an anonymous visitor:
``xloginx`` (login restriction), ``xpasswordx`` (password restriction),
``xdraftx`` (never published), ``xnewdraftx`` (unpublished changes of a live
page), ``xprivparentx`` (live page below a private index), ``xprivdocx``
(document in a private collection), ``xnoconsentx`` (officer without consent).
"""

import datetime
from types import SimpleNamespace

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import KecamatanFactory
from tests.factories_events import (
    CulturalEventIndexPageFactory,
    CulturalEventPageFactory,
)
from tests.factories_groups import (
    KimActivityPageFactory,
    KimGroupIndexPageFactory,
    KimGroupOfficerFactory,
    KimGroupPageFactory,
)
from tests.factories_tips import make_tip, make_tip_index
from tests.factories_training import (
    DocumentFactory,
    TrainingIndexPageFactory,
    make_material,
    module,
)
from tests.factories_warnings import make_guide, make_warning, make_warning_index

MARKERS = (
    "xloginx",
    "xpasswordx",
    "xdraftx",
    "xnewdraftx",
    "xprivparentx",
    "xprivdocx",
    "xnoconsentx",
)
PASSWORD = "sandi-rahasia"
TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def restrict(page, kind):
    """A login or password restriction on ``page``."""
    if kind == "password":
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
        )
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )


def make_secrets(build, name):
    """``build(title, slug)`` three times: a login-restricted page, a
    password-restricted page and a draft; returns them."""
    login = build(f"{name} Xloginx", f"{name.lower()}-xloginx")
    restrict(login, "login")
    password = build(f"{name} Xpasswordx", f"{name.lower()}-xpasswordx")
    restrict(password, "password")
    draft = build(f"{name} Xdraftx", f"{name.lower()}-xdraftx")
    draft.unpublish()
    return [login, password, draft]


def add_unpublished_changes(page, **fields):
    """Save a draft revision of the live ``page`` whose title (and
    ``fields``) carry ``xnewdraftx``; the published content stays."""
    page = page.specific_class.objects.get(pk=page.pk)
    page.title = f"{page.title} Xnewdraftx"
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision()
    return page


def build_tree(portal):
    t = SimpleNamespace(portal=portal, secrets=[])

    # Documents: one public, one in a private collection.
    t.public_doc = DocumentFactory(title="Modul terbuka")
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    t.private_doc = DocumentFactory(title="Daftar Xprivdocx", collection=private)

    # Groups -----------------------------------------------------------------
    t.directory = KimGroupIndexPageFactory(parent=portal)
    t.group = KimGroupPageFactory(
        parent=t.directory, title="KIM Terbuka", slug="kim-terbuka"
    )
    KimGroupOfficerFactory(page=t.group, name="Ketua Terbuka", role="ketua")
    KimGroupOfficerFactory(
        page=t.group, name="Bendahara Xnoconsentx", consent_to_publish=False
    )
    t.activity = KimActivityPageFactory(
        parent=t.group, title="Kegiatan terbuka", slug="kegiatan-terbuka"
    )
    t.secret_groups = make_secrets(
        lambda title, slug: KimGroupPageFactory(
            parent=t.directory, title=title, slug=slug
        ),
        "KIM",
    )
    t.private_group, _password_group, t.draft_group = t.secret_groups
    t.secrets += t.secret_groups
    t.secrets += make_secrets(
        lambda title, slug: KimActivityPageFactory(
            parent=t.group, title=title, slug=slug, date=TODAY
        ),
        "Kegiatan",
    )
    add_unpublished_changes(t.group, vision="Visi Xnewdraftx")
    add_unpublished_changes(t.activity, summary="Ringkasan Xnewdraftx")

    # Tips -------------------------------------------------------------------
    # a private index first: it must not be taken for the section index of
    # the tips a group publishes under its profile
    t.private_tip_index = make_tip_index(
        portal, title="Tips Xprivparentx", slug="tips-xprivparentx"
    )
    restrict(t.private_tip_index, "login")
    t.secrets.append(t.private_tip_index)
    t.tip_index = make_tip_index(portal)
    t.tip = make_tip(
        t.tip_index,
        "Tip terbuka",
        kim_group=t.group,
        factsheet=t.public_doc,
        body=[("document", {"document": t.public_doc, "title": "", "description": ""})],
    )
    # public tips pointing at secrets: a draft or private group, a private
    # document
    t.tip_by_draft_group = make_tip(
        t.tip_index, "Tip kelompok draf", kim_group=t.draft_group
    )
    t.tip_by_private_group = make_tip(
        t.tip_index, "Tip kelompok khusus", kim_group=t.private_group
    )
    t.tip_with_private_docs = make_tip(
        t.tip_index,
        "Tip dokumen khusus",
        factsheet=t.private_doc,
        body=[
            ("document", {"document": t.private_doc, "title": "", "description": ""})
        ],
    )
    t.secrets += make_secrets(
        lambda title, slug: make_tip(t.tip_index, title, slug=slug, kim_group=t.group),
        "Tip",
    )
    add_unpublished_changes(t.tip, summary="Ringkasan Xnewdraftx")
    t.secrets += [
        make_tip(t.private_tip_index, "Tip anak Xprivparentx", kim_group=t.group),
    ]

    # Events -----------------------------------------------------------------
    t.event_index = CulturalEventIndexPageFactory(parent=portal)
    t.event = CulturalEventPageFactory(
        parent=t.event_index,
        title="Festival terbuka",
        slug="festival-terbuka",
        kim_group=t.group,
        start_date=days(30),
    )
    t.past_event = CulturalEventPageFactory(
        parent=t.event_index,
        title="Festival lalu",
        slug="festival-lalu",
        start_date=days(-30),
    )
    t.event_by_private_group = CulturalEventPageFactory(
        parent=t.event_index,
        title="Festival kelompok khusus",
        slug="festival-kelompok-khusus",
        kim_group=t.private_group,
        start_date=days(31),
    )
    t.event_by_draft_group = CulturalEventPageFactory(
        parent=t.event_index,
        title="Festival kelompok draf",
        slug="festival-kelompok-draf",
        kim_group=t.draft_group,
        start_date=days(32),
    )
    for when, start in (("Akan", days(30)), ("Lalu", days(-30))):
        events = make_secrets(
            lambda title, slug, start=start: CulturalEventPageFactory(
                parent=t.event_index,
                title=title,
                slug=slug,
                start_date=start,
                kim_group=t.group,
            ),
            f"Acara{when}",
        )
        t.secrets += events
    t.private_event = events[0]
    add_unpublished_changes(t.event, summary="Ringkasan Xnewdraftx")

    # Training ---------------------------------------------------------------
    t.training_index = TrainingIndexPageFactory(parent=portal)
    t.material = make_material(
        t.training_index,
        title="Pelatihan terbuka",
        slug="pelatihan-terbuka",
        documents=[t.public_doc, t.private_doc],
        modules=[module("Modul satu", documents=[t.public_doc, t.private_doc])],
        kim_group=t.group,
    )
    t.material_with_secrets = make_material(
        t.training_index,
        title="Pelatihan tautan khusus",
        slug="pelatihan-tautan-khusus",
        kim_group=t.private_group,
        sessions=[("session_page", {"page": t.private_event, "note": ""})],
    )
    t.material_by_draft_group = make_material(
        t.training_index,
        title="Pelatihan kelompok draf",
        slug="pelatihan-kelompok-draf",
        kim_group=t.draft_group,
    )
    t.secrets += make_secrets(
        lambda title, slug: make_material(
            t.training_index, title=title, slug=slug, kim_group=t.group
        ),
        "Pelatihan",
    )
    add_unpublished_changes(t.material, summary="Ringkasan Xnewdraftx")

    # Published by the group under its profile ------------------------------
    t.profile_tip = make_tip(t.group, "Tip profil", kim_group=t.group)
    t.profile_event = CulturalEventPageFactory(
        parent=t.group, title="Festival profil", slug="festival-profil"
    )
    t.profile_material = make_material(
        t.group, title="Pelatihan profil", slug="pelatihan-profil"
    )
    t.secrets += make_secrets(
        lambda title, slug: make_tip(t.group, title, slug=slug), "TipProfil"
    )
    t.secrets += make_secrets(
        lambda title, slug: CulturalEventPageFactory(
            parent=t.group, title=title, slug=slug, start_date=days(30)
        ),
        "AcaraProfil",
    )
    t.secrets += make_secrets(
        lambda title, slug: make_material(t.group, title=title, slug=slug),
        "PelatihanProfil",
    )

    # Warnings and guides -----------------------------------------------------
    # in force now, so that the banner on every page, the list and the feeds
    # would show them if they leaked
    t.private_warning_index = make_warning_index(
        portal, title="Peringatan Xprivparentx", slug="peringatan-xprivparentx"
    )
    restrict(t.private_warning_index, "login")
    t.secrets.append(t.private_warning_index)
    t.warning_index = make_warning_index(portal)
    kecamatan = [KecamatanFactory(name="Jabiren Raya")]
    t.warning = make_warning(
        t.warning_index, "Siaga karhutla terbuka", kecamatan=kecamatan
    )
    t.guide = make_guide(t.warning_index, "Panduan karhutla terbuka")
    t.secrets += make_secrets(
        lambda title, slug: make_warning(
            t.warning_index, title, slug=slug, kecamatan=kecamatan
        ),
        "Peringatan",
    )
    t.secrets += make_secrets(
        lambda title, slug: make_guide(t.warning_index, title, slug=slug),
        "Panduan",
    )
    add_unpublished_changes(t.warning, description="Uraian Xnewdraftx")
    add_unpublished_changes(t.guide, summary="Ringkasan Xnewdraftx")
    t.secrets += [
        make_warning(
            t.private_warning_index, "Peringatan anak Xprivparentx", kecamatan=kecamatan
        ),
        make_guide(t.private_warning_index, "Panduan anak Xprivparentx"),
    ]

    t.public_pages = [
        portal,
        t.directory,
        t.group,
        t.activity,
        t.tip_index,
        t.tip,
        t.tip_by_draft_group,
        t.tip_by_private_group,
        t.tip_with_private_docs,
        t.event_index,
        t.event,
        t.past_event,
        t.event_by_private_group,
        t.event_by_draft_group,
        t.training_index,
        t.material,
        t.material_with_secrets,
        t.material_by_draft_group,
        t.profile_tip,
        t.profile_event,
        t.profile_material,
        t.warning_index,
        t.warning,
        t.guide,
    ]
    return t
