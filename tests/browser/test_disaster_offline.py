"""Disaster readiness on a phone: a resident's preparedness guide stays
readable when the network drops, and a KIM group's editor files a disaster
report from the dashboard in Indonesian."""

import pytest
from PIL import Image
from playwright.sync_api import Error as PlaywrightError

from kim_cms.demo.accounts import create_accounts
from tests.browser.conftest import PHONE, horizontal_overflow, log_in

PASSWORD = "coba-laporan-kim"


def test_guide_stays_readable_offline_after_one_visit(open_context, shot):
    from kim_cms.pages import PreparednessGuidePage

    guide = PreparednessGuidePage.objects.get(
        locale__language_code="id", hazard__slug="karhutla"
    )
    context = open_context(viewport=PHONE, language="id")
    page = context.new_page()
    page.goto(guide.url)
    note = page.locator("[data-kim-offline-note]")
    assert note.is_hidden()
    # The worker keeps the page it was registered from, once it is active.
    for _attempt in range(300):
        if page.evaluate("async () => Boolean(await caches.match(location.href))"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the guide was not kept for offline reading")

    context.set_offline(True)
    page.reload()
    assert page.get_by_role("heading", level=1).inner_text() == guide.title
    contacts = page.locator(".kim-guide__contacts")
    assert contacts.get_by_text("Damkar Pulang Pisau").is_visible()
    assert page.locator('a[href="tel:113"]').count() >= 1
    assert note.is_visible()
    assert "Salinan luring dari" in note.inner_text()
    assert note.locator("time[datetime]").inner_text().strip()
    # The stylesheet came from the cache too: the note has its frame.
    assert note.evaluate("(el) => getComputedStyle(el).borderTopStyle") == "solid"
    assert horizontal_overflow(page) == 0
    shot(page, "guide-offline")
    context.set_offline(False)


def test_one_visit_to_the_portal_keeps_the_warnings_and_guides(open_context, shot):
    """A resident opens only the landing page; when the network drops, the
    warning in force, the warning list and the guides open from the copies
    the worker fetched ahead."""
    from kim_cms.pages import KimPortalPage, PreparednessGuidePage, WarningPage

    portal = KimPortalPage.objects.get(locale__language_code="id")
    warning = WarningPage.objects.live().get(locale__language_code="id", level="siaga")
    guide = PreparednessGuidePage.objects.get(
        locale__language_code="id", hazard__slug="banjir"
    )
    context = open_context(viewport=PHONE, language="id")
    page = context.new_page()
    page.goto(portal.url)
    kept = (
        "async (urls) => (await Promise.all(urls.map("
        "(url) => caches.match(new URL(url, location.href).href)))).every(Boolean)"
    )
    urls = [warning.url, warning.get_parent().url, guide.url]
    for _attempt in range(300):
        if page.evaluate(kept, urls):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the warnings and guides were not kept ahead")

    context.set_offline(True)
    for url, title in (
        (warning.url, warning.title),
        (guide.url, guide.title),
        (warning.get_parent().url, warning.get_parent().title),
    ):
        page.goto(url)
        assert page.get_by_role("heading", level=1).inner_text() == title
        note = page.locator("[data-kim-offline-note]")
        assert note.is_visible()
        assert "Salinan luring dari" in note.inner_text()
        assert horizontal_overflow(page) == 0
    shot(page, "warnings-offline")
    # a page that was never visited nor kept ahead is not there
    with pytest.raises(PlaywrightError):
        page.goto(portal.url + "agenda-budaya/")
    context.set_offline(False)


def test_editor_files_a_disaster_report_on_a_phone(open_context, shot, tmp_path):
    from wagtail.models import WorkflowState

    from kim_cms.pages import KimActivityPage

    create_accounts(PASSWORD)
    photo = tmp_path / "asap.jpg"
    Image.new("RGB", (800, 600), (120, 120, 110)).save(photo, quality=80)
    editor = open_context(viewport=PHONE, language="id").new_page()
    log_in(editor, "editor", PASSWORD)
    with editor.expect_navigation():
        editor.get_by_role("link", name="Laporkan bencana").click()
    shot(editor, "form")

    # Sent empty: clear errors in Indonesian, nothing written.
    editor.get_by_role("button", name="Kirim untuk diperiksa").click()
    editor.wait_for_load_state()
    assert editor.get_by_text("Pilih bahaya.").is_visible()
    assert editor.get_by_text("Tulis apa yang terjadi.").is_visible()
    assert not KimActivityPage.objects.filter(hazard__isnull=False, live=False).exists()

    editor.get_by_label("Bahaya").select_option(label="Kebakaran hutan dan lahan")
    editor.get_by_label("Desa").select_option(label="Pulang Pisau (Kahayan Hilir)")
    editor.get_by_label("Apa yang terjadi").fill(
        "Api terlihat di lahan gambut belakang pasar, asap menebal."
    )
    editor.locator("input[type=file]").set_input_files(str(photo))
    assert horizontal_overflow(editor) == 0
    shot(editor, "filled")
    with editor.expect_navigation():
        editor.get_by_role("button", name="Kirim untuk diperiksa").click()
    assert editor.get_by_text("Laporan Anda sudah dikirim ke Diskominfo").is_visible()
    shot(editor, "sent")

    report = KimActivityPage.objects.get(
        title="Kebakaran hutan dan lahan di Desa Pulang Pisau"
    )
    assert not report.live
    assert report.cover_image is not None
    assert report.get_parent().slug == "kim-pulang-pisau"
    state = WorkflowState.objects.get(object_id=str(report.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
