"""A citizen uses the demo portal on a cheap phone (360 px) and on a desktop
(1280 px), in Indonesian and in English: reaches every section by the menu,
searches for a tip, opens the month calendar and an event and downloads it
for the phone's calendar, opens a training material and its print view. And
an accessibility scan (axe-core) of every page type finds nothing serious.

Every page is reached by clicking links, as a reader does: the tests know no
address but the portal's.
"""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, horizontal_overflow

WORDS = {
    "id": {
        "portal": "/",
        "menu": "Menu",
        "search": "Cari",
        "query": "padi",
        "tips": "Tips pertanian",
        "calendar": "Kalender bulanan",
        "next_month": "→",
        "add_to_calendar": "Tambahkan ke kalender saya",
        "print": "Versi cetak",
        "back": "Kembali ke materi",
        "district": "Kabupaten Pulang Pisau",
    },
    "en": {
        "portal": "/en/",
        "menu": "Menu",
        "search": "Search",
        "query": "rice",
        "tips": "Farming tips",
        "calendar": "Month calendar",
        "next_month": "→",
        "add_to_calendar": "Add to my calendar",
        "print": "Print version",
        "back": "Back to the material",
        "district": "Pulang Pisau District",
    },
}

FLOWS = [
    pytest.param(PHONE, "id", id="phone-id"),
    pytest.param(PHONE, "en", id="phone-en"),
    pytest.param(DESKTOP, "id", id="desktop-id"),
    pytest.param(DESKTOP, "en", id="desktop-en"),
]


@pytest.fixture
def snap(shot):
    """``shot`` of the whole page with its lazy images loaded (a reader who
    scrolls sees them)."""

    def take(page, step, full_page=True):
        page.evaluate(
            "() => document.querySelectorAll('img[loading=lazy]')"
            ".forEach(img => { img.loading = 'eager'; })"
        )
        page.wait_for_load_state("networkidle")
        return shot(page, step, full_page=full_page)

    return take


def fits(page):
    assert horizontal_overflow(page) == 0, page.url
    assert page.locator("html").get_attribute("lang") in ("id", "en")


def open_menu(page):
    """On a phone the sections are behind "Menu"; on a desktop they show."""
    toggle = page.locator("summary.kim-menu__toggle")
    closed = page.locator("details.kim-menu").get_attribute("open") is None
    if toggle.is_visible() and closed:
        toggle.click()
    return page.locator("nav.kim-nav")


def menu_links(page):
    nav = open_menu(page)
    return [
        (link.inner_text().strip(), link.get_attribute("href"))
        for link in nav.locator("a").all()
    ]


# What each kind of section page says it is (the class of its content).
SECTION_KINDS = {
    "kim-group-index": "groups",
    "kim-tips": "tips",
    "kim-events": "events",
    "kim-training-index": "training",
    "kim-warnings": "warnings",
    "kim-clarification-index": "clarifications",
    "kim-aspirations": "aspirations",
}


def section_kind(page):
    classes = page.locator("main .kim").first.get_attribute("class").split()
    return next((SECTION_KINDS[c] for c in classes if c in SECTION_KINDS), None)


def click_section(page, href):
    """Open the section the menu links to at ``href``."""
    open_menu(page).locator(f'a[href="{href}"]').click()
    page.wait_for_load_state()


def h1(page):
    return page.locator("h1").first.inner_text().strip()


@pytest.mark.parametrize(("viewport", "language"), FLOWS)
def test_a_citizen_finds_everything_by_links(open_context, snap, viewport, language):
    words = WORDS[language]
    page = open_context(viewport=viewport, language=language).new_page()

    # the portal, in the reader's language, the district's identity below
    assert page.goto(words["portal"]).status == 200
    fits(page)
    assert page.locator("html").get_attribute("lang") == language
    footer = page.locator("footer.kim-site-footer")
    assert words["district"] in footer.inner_text()
    assert footer.locator("img.kim-identity__logo").count() == 1
    snap(page, "portal")

    # every section by the menu, each page marked as the current section
    # (the four sections every portal has, and those the demo adds)
    sections = menu_links(page)
    assert len(sections) >= 5, sections
    if viewport is PHONE:
        snap(page, "menu-open", full_page=False)
    else:  # on a desktop, the sections fit on one line
        tops = page.locator("nav.kim-nav a").evaluate_all(
            "links => links.map(link => link.getBoundingClientRect().top)"
        )
        assert len(set(tops)) == 1, tops
    kinds = {}
    for title, href in sections:
        page.goto(words["portal"])
        click_section(page, href)
        kinds[section_kind(page)] = href
        assert page.url.endswith(href)
        assert h1(page).startswith(title)
        current = page.locator("nav.kim-nav [aria-current='page']")
        assert current.count() == 1 and current.text_content().strip() == title
        crumbs = page.locator("nav.kim-breadcrumbs [aria-current='page']")
        assert crumbs.text_content().strip() == title
        fits(page)
        snap(page, "section")
    assert {"groups", "tips", "events", "training", "warnings", "aspirations"} <= (
        set(kinds)
    )
    assert None not in kinds, "a section of an unknown kind"

    # search for a tip from the header, keep the tips, open one
    page.goto(words["portal"])
    open_menu(page)
    page.locator("form.kim-site-search input[name=q]").fill(words["query"])
    page.locator("form.kim-site-search button").click()
    page.wait_for_load_state()
    assert "/cari/" in page.url
    fits(page)
    snap(page, "search")
    page.locator("nav.kim-search-types").get_by_role(
        "link", name=re.compile("^" + words["tips"])
    ).click()
    results = page.locator("ol.kim-results li.kim-result")
    assert results.count() >= 1
    first = results.first.locator("h2 a")
    title = first.inner_text().strip()
    # the best result names what was searched for, marked
    assert words["query"] in title.lower()
    assert results.first.locator("h2 mark").count() >= 1
    first.click()
    page.wait_for_load_state()
    assert h1(page) == title
    fits(page)
    snap(page, "tip")

    # the month calendar from the event list, an event, its calendar file
    page.goto(words["portal"])
    click_section(page, kinds["events"])
    page.get_by_role("link", name=words["calendar"]).click()
    page.wait_for_load_state()
    calendar = page.locator(".kim-calendar")
    if viewport is PHONE:
        assert not calendar.locator("table").is_visible()
    else:
        assert calendar.locator("table caption").count() == 1
        assert calendar.locator("th[scope=col]").count() == 7
    for _month in range(13):  # to the first month with events
        if calendar.locator(".kim-calendar__event a:visible").count():
            break
        page.locator("nav.kim-month-nav a[rel=next]").click()
        page.wait_for_load_state()
        calendar = page.locator(".kim-calendar")
    fits(page)
    snap(page, "calendar")
    event = calendar.locator(".kim-calendar__event a:visible").first
    event_title = event.inner_text().strip()
    event.click()
    page.wait_for_load_state()
    assert h1(page) == event_title
    fits(page)
    snap(page, "event")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name=re.compile(re.escape(words["add_to_calendar"]))
        ).click()
    path = download.value.path()
    with open(path, encoding="utf-8") as ics:
        text = ics.read()
    assert text.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in text and "BEGIN:VTIMEZONE" in text
    assert download.value.suggested_filename.endswith(".ics")

    # a training material and its print view, with the district and a way back
    page.goto(words["portal"])
    click_section(page, kinds["training"])
    material = page.locator("ul.kim-cards .kim-card__title a").first
    material_title = material.inner_text().strip()
    material.click()
    page.wait_for_load_state()
    assert h1(page) == material_title
    fits(page)
    snap(page, "training")
    material_url = page.url
    page.get_by_role("link", name=words["print"]).click()
    page.wait_for_load_state()
    assert h1(page) == material_title
    header = page.locator("header.kim-print-header")
    assert words["district"] in header.inner_text()
    fits(page)
    snap(page, "print")
    page.get_by_role("link", name=re.compile(re.escape(words["back"]))).click()
    page.wait_for_load_state()
    assert page.url == material_url


def page_types(page, language):
    """``{page type: URL}`` of every kind of page, found by following links
    from the portal."""
    words = WORDS[language]
    urls = {"portal": words["portal"]}
    kinds = {}
    for _title, href in menu_links(page):
        page.goto(href)
        kinds[section_kind(page)] = href
    directory, tips = kinds["groups"], kinds["tips"]
    events, training = kinds["events"], kinds["training"]
    urls["directory"] = directory
    urls["tips"] = tips
    urls["events"] = events
    urls["training"] = training

    def first_card(url):
        page.goto(url)
        return page.locator("ul.kim-cards .kim-card__title a").first.get_attribute(
            "href"
        )

    urls["group"] = first_card(directory)
    page.goto(urls["group"])
    activity = page.locator(
        "section[aria-labelledby=kim-activities] .kim-card__title a"
    )
    if activity.count():
        urls["activity"] = activity.first.get_attribute("href")
    urls["tip"] = first_card(tips)
    urls["event"] = first_card(events)
    urls["training material"] = first_card(training)
    page.goto(urls["training material"])
    urls["print view"] = page.get_by_role("link", name=words["print"]).get_attribute(
        "href"
    )
    page.goto(events)
    urls["calendar"] = page.get_by_role("link", name=words["calendar"]).get_attribute(
        "href"
    )
    # The warnings section: a warning in force (the demo's) and its A4
    # poster, a past one and a guide; the aspirations form, its status lookup
    # and its answers; the clarifications where the portal has them.
    warnings = kinds["warnings"]
    urls["warnings"] = warnings
    page.goto(warnings)
    for kind, selector in (
        ("warning", ".kim-warning-card .kim-card__title a"),
        ("guide", "li.kim-card:not(.kim-warning-card) .kim-card__title a"),
    ):
        urls[kind] = page.locator(selector).first.get_attribute("href")
    page.goto(urls["warning"])
    urls["poster"] = page.locator("a[href*='/poster/']").first.get_attribute("href")
    if "clarifications" in kinds:
        urls["clarifications"] = kinds["clarifications"]
        urls["clarification"] = first_card(kinds["clarifications"])
    urls["aspirations"] = aspirations = kinds["aspirations"]
    page.goto(aspirations)
    for kind, ending in (("aspiration status", "status/"), ("answers", "dijawab/")):
        link = page.locator(f"main a[href$='{ending}']").first
        urls[kind] = link.get_attribute("href")
    urls["search"] = words["portal"] + "cari/?q=" + words["query"]
    urls["not found"] = words["portal"] + "tidak-ada-halaman-ini/"
    return urls


@pytest.mark.parametrize("language", ["id", "en"])
def test_no_page_type_has_a_serious_accessibility_problem(
    open_context, axe, snap, language
):
    """axe-core, on every page type at 360 px and 1280 px: no serious or
    critical violation (contrast, names, landmarks, lists, languages). A
    screenshot of each."""
    page = open_context(viewport=DESKTOP, language=language).new_page()
    page.goto(WORDS[language]["portal"])
    urls = page_types(page, language)
    assert len(urls) >= 17, urls
    problems = {}
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        for kind, url in urls.items():
            response = page.goto(url)
            assert response.status == (404 if kind == "not found" else 200), url
            assert page.locator("html").get_attribute("lang") == language
            found = axe(page)
            if found:
                problems[f"{kind} at {viewport['width']} px ({url})"] = found
            snap(page, f"{kind.replace(' ', '-')}-{viewport['width']}")
    assert problems == {}
