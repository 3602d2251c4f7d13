"""``manage.py kim_cms_demo``: fill a site with a realistic Pulang Pisau KIM portal."""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from kim_cms.demo import DEMO_MODULES
from kim_cms.demo.base import DemoContext
from kim_cms.locales import create_locales, translation_of
from kim_cms.pages import KimPortalPage


def verify_demo_pages(portal):
    """Demo pages count as approved by Diskominfo: they show "Verified by",
    with the office's name in the page's language (its portal's)."""
    from django.apps import apps
    from django.utils import timezone
    from wagtail.models import Page

    from kim_cms.pages.base import KimVerifiedPageMixin
    from kim_cms.wagtail_admin.roles import verifier_name

    roots = Page.objects.filter(translation_key=portal.translation_key)
    names = {root.pk: verifier_name(root) for root in roots}
    for model in apps.get_models():
        if not (issubclass(model, KimVerifiedPageMixin) and issubclass(model, Page)):
            continue
        for root in roots:
            name = names[root.pk]
            model.objects.filter(
                path__startswith=root.path, live=True, kim_verified_at__isnull=True
            ).update(kim_verified_at=timezone.now(), kim_verified_by_name=name)


class Command(BaseCommand):
    help = _(
        "Fill the site with a demo KIM portal of Kabupaten Pulang Pisau, in "
        "Indonesian with English translations. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            type=int,
            help=_(
                "ID of the page under which the portal is created (default: the "
                "default site's home page)."
            ),
        )
        parser.add_argument(
            "--as-home",
            action="store_true",
            help=_("Make the portal the home page of the default site."),
        )
        parser.add_argument(
            "--address",
            metavar="HOST:PORT",
            help=_(
                "Where the site is served, e.g. 127.0.0.1:8000: the default site "
                "gets this hostname and port, so that canonical links, language "
                "alternates, structured data and e-mails point there. Only a site "
                "still at Wagtail's first localhost:80 is changed."
            ),
        )
        parser.add_argument(
            "--accounts-password",
            metavar="PASSWORD",
            help=_(
                "Also create the accounts editor, moderator and translator with "
                "this password, to try the review workflow. Only for a demo or "
                "training site: never on a public one."
            ),
        )

    def check_prerequisites(self):
        if not apps.is_installed("wagtail_localize"):
            raise CommandError(
                _("wagtail_localize is not in INSTALLED_APPS: add it, then migrate.")
            )
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            raise CommandError(_("Set WAGTAIL_I18N_ENABLED = True in your settings."))
        codes = {
            code.split("-")[0]
            for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])
        }
        missing = sorted({"id", "en"} - codes)
        if missing:
            raise CommandError(
                _("Add %(codes)s to WAGTAIL_CONTENT_LANGUAGES.")
                % {"codes": ", ".join(missing)}
            )
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(
                _("There is no default site: create one in Settings > Sites first.")
            )
        return site

    def find_portal(self, site, options, locale_id, user):
        portal = KimPortalPage.objects.filter(locale=locale_id).first()
        if portal is not None:
            return portal, 0
        from kim_cms.demo.portal import portal_fields

        ctx = DemoContext(portal=None, stdout=None)
        fields = portal_fields(ctx)
        made = 0
        if options["as_home"]:
            parent = Page.get_first_root_node()
            slug = "portal-kim"
        else:
            if options["parent"]:
                parent = Page.objects.filter(pk=options["parent"]).first()
                if parent is None:
                    raise CommandError(
                        _("There is no page with ID %(id)s.")
                        % {"id": options["parent"]}
                    )
            else:
                parent = site.root_page
            # The demo is written in Indonesian: it goes under the Indonesian
            # translation of the parent, made here when the site has none.
            parent, created = translation_of(parent, locale_id, user)
            for page in created:
                self.stdout.write(
                    _(
                        "Created the Indonesian translation of '%(title)s' (%(url)s), "
                        "a published copy to translate later."
                    )
                    % {"title": page.title, "url": page.get_url() or page.url_path}
                )
            made = len(created)
            slug = "kim"
        portal = ctx.page(parent, KimPortalPage, slug, locale=locale_id, **fields)
        if options["as_home"]:
            site.root_page = portal
            site.save()
        return portal, made + 1

    def set_address(self, site, address):
        """Give the untouched default site (``localhost:80``) the address the
        demo is served at."""
        host, _colon, port = address.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise CommandError(
                _("Write the address as HOST:PORT, e.g. 127.0.0.1:8000.")
            )
        if (site.hostname, site.port) != ("localhost", 80):
            return
        site.hostname, site.port = host, int(port)
        site.save()
        self.stdout.write(
            _("The default site is now served at %(address)s.") % {"address": address}
        )

    def handle(self, *args, **options):
        site = self.check_prerequisites()
        if options.get("address"):
            self.set_address(site, options["address"])
        for code in create_locales():
            self.stdout.write(_("Created the locale '%(code)s'.") % {"code": code})
        locale_id = Locale.objects.get(language_code="id")
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        with transaction.atomic():
            portal, created = self.find_portal(site, options, locale_id, user)
            ctx = DemoContext(portal=portal, user=user, stdout=self.stdout)
            ctx.created += created
            for dotted in DEMO_MODULES:
                try:
                    module = importlib.import_module(dotted)
                except ModuleNotFoundError as error:
                    if error.name == dotted:
                        continue
                    raise
                module.load(ctx)
            from kim_cms.demo.portal import load_identity

            load_identity(ctx, site)
            if ctx.created:
                verify_demo_pages(portal)
        if ctx.created:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo content ready: %(count)s items created. Portal: %(url)s")
                    % {"count": ctx.created, "url": portal.get_url() or portal.url_path}
                )
            )
        else:
            self.stdout.write(_("Demo content already present: nothing changed."))
        if options["accounts_password"]:
            from kim_cms.demo.accounts import create_accounts

            for person, group in create_accounts(options["accounts_password"]):
                self.stdout.write(
                    _("Account '%(username)s' (%(name)s): %(group)s")
                    % {
                        "username": person.get_username(),
                        "name": person.get_full_name(),
                        "group": group.name,
                    }
                )
