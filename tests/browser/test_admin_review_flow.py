"""An activity report's way from a village to English, on phones, with the
admin in Indonesian: a KIM group's editor writes it (a photo, a question and
answer) and submits it; a Diskominfo moderator approves it and the public
page says "Diverifikasi oleh ..."; a translator translates it into English
in wagtail-localize, and the moderator publishes the translation.

Every screen on the way is checked for English interface words an
Indonesian user should not meet, and saved as a screenshot.
"""

import re

from PIL import Image

from kim_cms.demo.accounts import create_accounts
from tests.browser.conftest import PHONE, english_on_screen, log_in

PASSWORD = "coba-alur-kim"

# Interface words of Wagtail and wagtail-localize that are English only: none
# may reach a screen of an Indonesian user. ("Status" is also Indonesian; a
# language's own name, "English", is how the site names it.)
ENGLISH = [
    "Save draft",
    "Save",
    "Saved",
    "Publish",
    "Unpublish",
    "Submit to",
    "Submit",
    "Search",
    "Reports",
    "More actions",
    "Actions",
    "Insert a block",
    "Duplicate",
    "Delete",
    "Cancel",
    "Translate",
    "Translations",
    "Sync",
    "Edit",
    "Preview",
    "History",
    "Comments",
    "Checks",
    "Live",
    "Draft",
    "In moderation",
    "Approve",
    "Request changes",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Settings",
    "Help",
    "Account",
    "Log out",
    "Choose",
    "Upload",
    "Username",
    "Password",
    "Workflow",
    "Awaiting",
    "Privacy",
    "Usage",
    "Locked",
    "Unlocked",
    "Title",
    "Required",
    "Close",
    "Next",
    "Previous",
    "Filter",
    "Sort",
    "Root",
    "ago",
    "minutes",
    "translation",
    "January",
    "February",
    "March",
    "June",
    "July",
    "August",
    "October",
    "December",
    # the names kim-cms gives its workflow, task and groups
    "KIM review",
    "Diskominfo review",
    "editors",
    "moderators",
    "Translators",
]

TITLE = "Kelas cek fakta untuk warga Pulang Pisau"
ENGLISH_CONTENT = {
    TITLE: "Fact-checking class for Pulang Pisau residents",
    "Balai Desa Pulang Pisau": "Pulang Pisau village hall",
    "Warga belajar memeriksa kabar sebelum membagikannya.": (
        "Residents learn to check news before passing it on."
    ),
    "Warga memeriksa kabar di ponsel": "Residents checking news on a phone",
    "Bagaimana cara memeriksa kabar?": "How do I check a piece of news?",
    "Cari sumber resminya dulu.": "Look for the official source first.",
    "kelas-cek-fakta-untuk-warga-pulang-pisau": "fact-checking-class",
}


def settle(page):
    """Wait for the admin's menus, panels and messages to finish sliding in,
    so that the screenshot shows them (at most two seconds)."""
    page.evaluate(
        """() => new Promise((resolve) => requestAnimationFrame(() =>
            requestAnimationFrame(() => Promise.race([
                Promise.all(document.getAnimations().map(
                    (animation) => animation.finished.catch(() => null))),
                new Promise((done) => setTimeout(done, 2000)),
            ]).then(resolve))))"""
    )


def indonesian_only(page, step, shot):
    """The screen in Indonesian: saved, and no English interface word."""
    settle(page)
    shot(page, step)
    assert english_on_screen(page, ENGLISH) == [], step


def test_an_activity_report_goes_from_a_village_to_english(
    open_context,
    shot,
    live_site,
    tmp_path,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    from wagtail.models import Page, WorkflowState

    from kim_cms.pages import KimActivityPage

    accounts = {user.username: user for user, _group in create_accounts(PASSWORD)}
    photo = tmp_path / "kelas-cek-fakta.jpg"
    Image.new("RGB", (1200, 800), (24, 110, 79)).save(photo, quality=80)

    # -- the group's editor, on a phone -------------------------------------
    editor = open_context(viewport=PHONE, language="id").new_page()
    editor.goto("/admin/login/")
    indonesian_only(editor, "editor-login", shot)
    log_in(editor, "editor", PASSWORD)
    assert editor.get_by_text("Ajukan ke Tinjauan KIM").count() == 1
    indonesian_only(editor, "editor-dashboard", shot)

    with editor.expect_navigation():
        editor.get_by_role("link", name="Tambah: Laporan kegiatan").click()
    indonesian_only(editor, "editor-new-report", shot)
    editor.fill("#id_title", TITLE)
    editor.fill("#id_date", "2026-11-20")
    editor.keyboard.press("Escape")  # the date picker
    editor.fill("#id_place", "Balai Desa Pulang Pisau")
    editor.fill("#id_summary", "Warga belajar memeriksa kabar sebelum membagikannya.")

    body = editor.locator("#body-root")
    body.locator(".c-sf-add-button").first.click()
    editor.get_by_role("option", name="Tanya jawab", exact=True).wait_for()
    indonesian_only(editor, "editor-block-picker", shot)
    editor.get_by_role("option", name="Gambar", exact=True).click()
    body.get_by_role("button", name="Pilih gambar").click()
    chooser = editor.locator(".modal")
    chooser.get_by_role("tab", name="Unggah").click()
    chooser.locator("input[type=file]").set_input_files(str(photo))
    chooser.locator("#id_image-chooser-upload-title").fill("Kelas cek fakta")
    chooser.locator("#id_image-chooser-upload-description").fill(
        "Warga memeriksa kabar di ponsel"
    )
    indonesian_only(editor, "editor-image-upload", shot)
    chooser.get_by_role("button", name="Unggah").click()
    editor.wait_for_selector(".modal", state="detached")

    body.locator(".c-sf-add-button").last.click()
    editor.get_by_role("option", name="Tanya jawab", exact=True).click()
    editor.fill("#body-1-value-question", "Bagaimana cara memeriksa kabar?")
    body.locator("[data-contentpath=answer] [contenteditable=true]").click()
    editor.keyboard.type("Cari sumber resminya dulu.")
    # Draftail writes the answer into its form field as it changes.
    editor.wait_for_function(
        "() => document.getElementById('body-1-value-answer').value"
        ".includes('resminya')"
    )
    indonesian_only(editor, "editor-report-written", shot)

    editor.get_by_role("button", name="Tindakan lain").click()
    submit = editor.get_by_role("button", name="Ajukan ke Tinjauan KIM")
    assert submit.is_visible()
    indonesian_only(editor, "editor-submit-menu", shot)
    with editor.expect_navigation():
        submit.click()
    assert editor.get_by_text(f"Halaman '{TITLE}' telah diajukan untuk moderasi.")
    indonesian_only(editor, "editor-submitted", shot)

    report = KimActivityPage.objects.get(title=TITLE)
    assert not report.live
    assert [
        block.block_type for block in report.get_latest_revision_as_object().body
    ] == [
        "image",
        "faq",
    ]
    state = WorkflowState.objects.for_instance(report).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    to_moderator = [m for m in mailoutbox if accounts["moderator"].email in m.to]
    assert to_moderator, [m.to for m in mailoutbox]
    assert "Tinjauan Diskominfo" in to_moderator[0].subject
    assert english_on_screen_text(to_moderator[0].body) == []

    # -- the moderator approves ----------------------------------------------
    moderator = open_context(viewport=PHONE, language="id").new_page()
    log_in(moderator, "moderator", PASSWORD)
    assert moderator.get_by_text("Menunggu tinjauan Anda").count()
    indonesian_only(moderator, "moderator-dashboard", shot)
    moderator.goto(f"/admin/pages/{report.pk}/edit/")
    moderator.wait_for_load_state("networkidle")
    moderator.get_by_role("button", name="Buka/tutup status").click()
    assert moderator.get_by_text(re.compile("Dikirim ke Tinjauan Diskominfo")).count()
    indonesian_only(moderator, "moderator-status-panel", shot)
    # Closed again, and the page drawn afresh (Wagtail remembers the panel).
    moderator.get_by_role("button", name="Buka/tutup status").click()
    moderator.reload()
    moderator.get_by_role("button", name="Tindakan lain").click()
    indonesian_only(moderator, "moderator-decision-menu", shot)
    with moderator.expect_navigation():
        moderator.get_by_role("button", name="Setujui", exact=True).click()
    office = "Dinas Komunikasi dan Informatika, Persandian dan Statistik"
    confirmation = moderator.get_by_text(
        re.compile(f"“{TITLE}” disetujui dan diterbitkan: kini menampilkan")
    )
    assert confirmation.count() == 1
    assert office in confirmation.inner_text()
    indonesian_only(moderator, "moderator-approved", shot)

    report.refresh_from_db()
    assert report.live and report.kim_verified_by == accounts["moderator"]
    reader = open_context(viewport=PHONE, language="id").new_page()
    assert reader.goto(report.url).status == 200
    verified = reader.locator(".kim-verified").inner_text()
    assert verified.startswith(f"Diverifikasi oleh {office}")
    assert reader.locator("img[alt='Warga memeriksa kabar di ponsel']").count() == 1
    assert reader.get_by_text("Bagaimana cara memeriksa kabar?").count() == 1
    shot(reader, "public-report-verified")

    # -- the translator translates it into English ---------------------------
    translator = open_context(viewport=PHONE, language="id").new_page()
    log_in(translator, "translator", PASSWORD)
    waiting = translator.locator("#kim-translations-content, #kim-translations")
    assert re.search(
        r"\d+ halaman belum punya terjemahan English", waiting.inner_text()
    )
    indonesian_only(translator, "translator-dashboard", shot)
    with translator.expect_navigation():
        translator.get_by_role("link", name="Status terjemahan").last.click()
    row = translator.locator("tr", has_text=TITLE)
    assert "di bawah KIM Pulang Pisau Bersinar" in row.inner_text()
    assert "Belum ada" in row.inner_text()
    indonesian_only(translator, "translator-status-report", shot)
    with translator.expect_navigation():
        row.get_by_role("link", name="Terjemahkan").click()
    translator.get_by_label("English").check()
    indonesian_only(translator, "translator-choose-language", shot)
    with translator.expect_navigation():
        translator.get_by_role("button", name="Ajukan").click()
    assert translator.get_by_text("Terjemahan Bahasa Indonesia ke English").count()
    indonesian_only(translator, "translator-editor", shot)

    for tab in ("Konten", "Promosikan"):
        translator.get_by_role("tab", name=tab).click()
        pending = translator.get_by_role("button", name="Terjemahkan", exact=True)
        while pending.count():
            segment = pending.first.locator(
                "xpath=ancestor::li[contains(concat(' ', @class, ' '), ' incomplete ')]"
            )
            source = segment.locator("p").first.inner_text().strip()
            pending.first.click()
            translator.locator("textarea").first.fill(
                ENGLISH_CONTENT.get(source, source)
            )
            translator.get_by_role("button", name="Simpan", exact=True).first.click()
            translator.wait_for_timeout(300)
    assert translator.get_by_text(
        re.compile("Diterjemahkan secara manual pada")
    ).count()
    indonesian_only(translator, "translator-translated", shot)
    english = Page.objects.get(
        translation_key=report.translation_key, locale__language_code="en"
    )
    assert not english.live  # a translator cannot publish

    # -- the moderator publishes the translation -----------------------------
    moderator.goto(f"/admin/pages/{english.pk}/edit/")
    moderator.wait_for_load_state("networkidle")
    indonesian_only(moderator, "moderator-translation", shot)
    # wagtail-localize publishes once the request's transaction commits; the
    # test's transaction never does, so its callbacks run here.
    with (
        django_capture_on_commit_callbacks(execute=True),
        moderator.expect_navigation(),
    ):
        moderator.get_by_role("button", name="Terbitkan dalam English").click()
    assert moderator.get_by_text(
        f"'{ENGLISH_CONTENT[TITLE]}' diterbitkan dalam English."
    ).count()
    indonesian_only(moderator, "moderator-translation-published", shot)

    english.refresh_from_db()
    assert english.live
    reader = open_context(viewport=PHONE, language="en").new_page()
    assert reader.goto(english.url).status == 200
    assert reader.locator("h1").inner_text() == ENGLISH_CONTENT[TITLE]
    assert reader.locator("img[alt='Residents checking news on a phone']").count() == 1
    assert reader.get_by_text("How do I check a piece of news?").count() == 1
    shot(reader, "public-report-english")


def english_on_screen_text(text):
    return sorted(
        phrase
        for phrase in ENGLISH
        if re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text)
    )
