"""Factories for hoax clarifications."""

import datetime

import factory
import wagtail_factories

from kim_cms.pages import HoaxClarificationIndexPage, HoaxClarificationPage


class HoaxClarificationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HoaxClarificationIndexPage

    title = "Klarifikasi Hoaks"
    slug = "klarifikasi"


class HoaxClarificationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HoaxClarificationPage

    title = factory.Sequence(lambda n: f"Klarifikasi {n}")
    claim = "Pesan berantai menyebut vaksin mengandung chip pelacak."
    verdict = "hoaks"
    summary = "Tidak benar. Vaksin tidak mengandung chip."
    checked_by_name = "Dinas Komunikasi dan Informatika"
    review_date = datetime.date(2026, 3, 2)


def make_clarification(parent, sources=(), topics=None, **kw):
    """A published clarification under ``parent``."""
    page = HoaxClarificationPageFactory.build(**kw)
    page.sources = [("source", source) for source in sources]
    if topics:
        page.topics = topics
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
