"""The browser harness: Playwright driving the system's Chromium against a live
server with the demo loaded.

Chromium is Debian's (``apt-get install chromium``; Playwright cannot download
its own browser everywhere): ``KIM_CMS_CHROMIUM`` names another binary. The
accessibility scan injects axe-core, installed from the npm registry by
``npm ci --prefix tests/browser``. Without either, the browser tests are
skipped with the reason, unless ``KIM_CMS_BROWSER_TESTS=required`` (as in
``.ci/run``), which makes a missing browser a failure.

Screenshots go to ``KIM_CMS_SCREENSHOTS`` (default ``screenshots/`` at the
project root), one PNG per step, named by test.

The demo is loaded once per test module in a transaction rolled back at its
end; the live server's threads share the test's in-memory SQLite connection,
so they see it (on other databases the browser tests are skipped). Tests here
talk to the site through the browser;
a test may also read and change the database (its changes are rolled back).
"""

import os
import re
from io import StringIO
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KIM_CMS_CHROMIUM", "/usr/bin/chromium")
HERE = Path(__file__).resolve().parent
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(
    os.environ.get("KIM_CMS_SCREENSHOTS", HERE.parent.parent / "screenshots")
)
REQUIRED = os.environ.get("KIM_CMS_BROWSER_TESTS") == "required"

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def _missing():
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    browser_items = [
        item for item in items if "tests/browser/" in item.nodeid.replace(os.sep, "/")
    ]
    reason = _missing() if browser_items else None
    if reason and REQUIRED:
        raise pytest.UsageError(f"browser tests are required, but {reason}")
    for item in browser_items:
        # Each test runs in a transaction nested in the module's (live_site).
        item.add_marker(pytest.mark.django_db)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="module")
def browser():
    """Chromium, for the tests of one module.

    Playwright's synchronous API runs an event loop in this thread; Django
    refuses database calls from a thread with a running loop unless told that
    this is safe (it is: the loop only waits for the browser). The permission
    lasts only as long as the browser: later tests on this worker, and the
    processes they start, see the environment as it was."""
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                ],
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module")
def live_site(browser, django_db_setup, django_db_blocker, tmp_path_factory):
    """A live server of the test settings, with the demo loaded.

    Returns the server's base URL (``http://127.0.0.1:PORT``). The demo is
    loaded inside a transaction that is rolled back when the module is done
    (each test's own transaction nests in it), and the server's threads share
    the test's connection to the in-memory SQLite database, so they see it."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import DEFAULT_DB_ALIAS, connections, transaction
    from django.test.testcases import LiveServerThread
    from django.test.utils import override_settings
    from django.utils.translation import deactivate

    connection = connections[DEFAULT_DB_ALIAS]  # the wrapper, not the proxy
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        pytest.skip(
            "the browser tests run on SQLite: the live server shares the test's "
            "connection, so it sees the demo that the test never commits"
        )
    overrides = override_settings(
        MEDIA_ROOT=str(tmp_path_factory.mktemp("browser-media")),
        ALLOWED_HOSTS=["*"],
        KIM_CMS_INLINE_STYLESHEETS=True,  # what readers get (off in tests/settings.py)
        # Wagtail 8 saves a draft while the editor types; the flows here save
        # and submit by their buttons, and a background save racing the submit
        # could leave the older draft as the latest revision.
        WAGTAIL_AUTOSAVE_INTERVAL=0,
    )
    overrides.enable()
    with django_db_blocker.unblock():
        atomic = transaction.atomic(using=connection.alias)
        atomic._from_testcase = True  # like TestCase: durable blocks may nest
        atomic.__enter__()
        connection.inc_thread_sharing()
        server = None
        try:
            cache.clear()
            call_command("kim_cms_demo", "--as-home", stdout=StringIO())
            deactivate()
            server = LiveServerThread(
                "127.0.0.1",
                _one_request_at_a_time(StaticFilesHandler),
                connections_override={connection.alias: connection},
                port=0,
            )
            server.daemon = True
            server.start()
            server.is_ready.wait()
            if server.error:
                raise server.error
            yield f"http://127.0.0.1:{server.port}"
        finally:
            if server is not None:
                server.terminate()
            connection.dec_thread_sharing()
            transaction.set_rollback(True, using=connection.alias)
            atomic.__exit__(None, None, None)
            cache.clear()
            overrides.disable()


def _one_request_at_a_time(handler_class):
    """The live server's threads share the test's one database connection,
    which cannot serve two requests at once (a savepoint of one would be
    released by the other): each request waits for the one before."""
    import threading

    lock = threading.Lock()

    class OneAtATime(handler_class):
        def __call__(self, environ, start_response):
            with lock:
                return super().__call__(environ, start_response)

    return OneAtATime


def _context(browser, live_site, viewport, language, **kwargs):
    return browser.new_context(
        base_url=live_site,
        viewport=viewport,
        locale={"id": "id-ID", "en": "en-GB"}[language],
        timezone_id="Asia/Jakarta",
        **kwargs,
    )


@pytest.fixture(autouse=True)
def _isolated():
    """Replaces the suite's: the demo's media folder stays that of live_site."""
    from django.core.cache import cache
    from django.utils import translation

    cache.clear()
    yield
    translation.deactivate()


@pytest.fixture
def open_context(browser, live_site):
    """``open_context(viewport=PHONE, language="id")``: a fresh browser
    context (its own cookies), closed after the test."""
    contexts = []

    def make(viewport=PHONE, language="id", **kwargs):
        context = _context(browser, live_site, viewport, language, **kwargs)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def shot(request):
    """``shot(page, "step")`` saves ``screenshots/<test>/<n>-<step>.png``."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    folder = SCREENSHOTS / request.node.module.__name__.rsplit(".", 1)[-1] / name
    counter = iter(range(1, 1000))

    def take(page, step, full_page=True):
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{next(counter):02d}-{step}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture
def axe():
    """``axe(page)``: run axe-core in the page; return its serious and critical
    violations as ``[(rule id, help, [target, ...]), ...]``."""
    if not AXE.exists():
        message = f"axe-core is not installed ({AXE}): npm ci --prefix tests/browser"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)

    def run(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        return [
            (v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return run


def english_on_screen(page, phrases):
    """The phrases of ``phrases`` that the page shows (visible text, and the
    labels a screen reader reads), compared whole-word and case-sensitively."""
    text = page.evaluate(
        """() => {
            const parts = [document.body.innerText];
            for (const el of document.querySelectorAll(
                    '[aria-label],[title],[placeholder],input[type=submit][value]')) {
                if (el.offsetParent === null && el.getClientRects().length === 0) continue;
                for (const attr of ['aria-label', 'title', 'placeholder', 'value']) {
                    if (el.getAttribute(attr)) parts.push(el.getAttribute(attr));
                }
            }
            return parts.join('\\n');
        }"""
    )
    return sorted(
        phrase
        for phrase in phrases
        if re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text)
    )


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than its viewport (0 is right)."""
    return page.evaluate(
        "() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"
    )


def log_in(page, username, password):
    """Log in through the admin's login form, as a person does, and wait for
    the dashboard."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
