"""Aspirations (aspirasi dan pengaduan): a form page built on
``wagtail.contrib.forms`` where citizens write to Diskominfo, and a status
lookup by tracking code."""

import html

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractForm
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from kim_cms.aspirations import abuse
from kim_cms.aspirations.forms import RATE_LIMITED, AspirationForm
from kim_cms.aspirations.models import (
    CODE_LENGTH,
    STATUS_ANSWERED,
    STATUS_DONE,
    Aspiration,
    aspiration_submitted,
)
from kim_cms.blocks import RICH_TEXT_FEATURES
from kim_cms.conf import kim_settings
from kim_cms.pages.base import KimPageMixin
from kim_cms.params import paginate

# How many answers the form page shows above the link to all of them.
LATEST_ANSWERS = 3


class AbstractAspirationPage(RoutablePageMixin, KimPageMixin, AbstractForm):
    """The form citizens send aspirations, questions, complaints and hoax
    reports with.

    The form is fixed (``get_form_class()``: ``AspirationForm``); submissions
    are ``Aspiration`` rows (``get_submission_class()``), listed in the admin
    for Diskominfo moderators only. The page sets no cookie when shown, so
    it can be cached: the form posts to ``kim_cms.aspirations.urls`` (see
    ``kim_cms.aspirations.views`` for why that is safe). Routes:
    ``status/?kode=...``, the status of one message, without personal data;
    ``dijawab/``, the answered messages a moderator made public (question
    and answer only).

    Extension contract: override ``get_form_class()`` (a subclass of
    ``AspirationForm``), ``get_submission_class()`` (a subclass of
    ``Aspiration``), ``process_form_submission(form)``.
    """

    introduction = RichTextField(
        _("introduction"), features=RICH_TEXT_FEATURES, blank=True
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown with the tracking code after a message is sent."),
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = AbstractForm.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = [
        TranslatableField("introduction"),
        TranslatableField("thank_you_text"),
    ]

    # Directly under a portal, the page is one of the sections of its menu.
    show_in_menus_default = True

    kim_cms_template = "kim_cms/pages/aspiration_page.html"
    kim_cms_landing_template = "kim_cms/pages/aspiration_page_landing.html"
    kim_cms_status_template = "kim_cms/pages/aspiration_status.html"
    kim_cms_answers_template = "kim_cms/pages/aspiration_answers.html"

    class Meta:
        abstract = True

    def get_form_fields(self):
        return []

    def get_data_fields(self):
        return [
            ("submit_time", _("Submission date")),
            ("tracking_code", _("tracking code")),
            ("category", _("category")),
            ("status", _("status")),
        ]

    def get_social_description(self):
        """The search description, else the introduction's first 200
        characters as plain text, else a sentence saying what the page is
        for: the page always has a meta description."""
        if self.search_description:
            return self.search_description
        text = " ".join(html.unescape(strip_tags(self.introduction or "")).split())
        if text:
            return Truncator(text).chars(200)
        return _(
            "%(title)s: send a question, a complaint or a suggestion to the "
            "district government."
        ) % {"title": self.title}

    def get_form_class(self):
        return AspirationForm

    def get_submission_class(self):
        return Aspiration

    def get_landing_page_template(self, request, *args, **kwargs):
        return self.kim_cms_landing_template

    def get_submit_url(self):
        """Where the form posts; the page itself when the site has not
        included ``kim_cms.aspirations.urls`` (then the form carries a CSRF
        token and the page sets a cookie)."""
        try:
            return reverse("kim_cms_aspirations:submit", args=[self.pk])
        except NoReverseMatch:
            return None

    def process_form_submission(self, form):
        data = form.cleaned_data
        return self.get_submission_class().objects.create(
            page=self,
            form_data={"category": data["category"]},
            category=data["category"],
            kecamatan=data.get("kecamatan"),
            desa=data.get("desa"),
            message=data["message"],
            name=data.get("name", ""),
            contact=data.get("contact", ""),
            attachment=data.get("attachment"),
            consent_at=timezone.now(),
        )

    def serve(self, request, view=None, args=None, kwargs=None):
        if request.method == "POST" and view is not None and view != self.form_view:
            return HttpResponseNotAllowed(["GET"])
        if request.method == "POST":
            return self.serve_post(request)
        return super().serve(request, view, args, kwargs)

    def serve_post(self, request):
        """A citizen's message: stored (the thank-you page), refused with
        what was wrong (400), or refused for the client's rate limit (429).
        Only accepted messages count toward the rate limit; refused posts
        count toward their own, higher bound (``abuse``). A refused form is
        shown again with what the citizen typed and a token that can be
        sent."""
        if abuse.is_blocked(request, self.pk):
            return self.rate_limited(request)
        form = self.get_form(request.POST, request.FILES, page=self)
        if not form.is_valid():
            abuse.refused(request, self.pk)
            form.renew_token()
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(
                request, self.get_template(request), context, status=400
            )
        if not abuse.hit(request, self.pk):
            return self.rate_limited(request)
        submission = self.process_form_submission(form)
        aspiration_submitted.send(
            sender=type(self), aspiration=submission, request=request
        )
        response = self.render_landing_page(request, submission)
        response["Cache-Control"] = "private, no-store"
        return response

    def rate_limited(self, request):
        """429: the form again, filled in as it was posted, and why."""
        form_class = self.get_form_class()
        initial = form_class.refill_initial(request.POST, self)
        context = self.get_context(request)
        context["form"] = self.get_form(initial=initial, page=self)
        context["refusal"] = RATE_LIMITED
        return TemplateResponse(
            request, self.get_template(request), context, status=429
        )

    @path("")
    def form_view(self, request):
        """The form (Wagtail's form page view)."""
        return AbstractForm.serve(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["submit_url"] = self.get_submit_url()
        return context

    def get_public_answers(self):
        """The answered messages of this page a moderator made public,
        newest answer first, with only what the public list shows."""
        return (
            self.get_submission_class()
            .objects.filter(
                page=self,
                is_public=True,
                status__in=[STATUS_ANSWERED, STATUS_DONE],
            )
            .exclude(reply="")
            .only(
                "pk",
                "category",
                "message",
                "name",
                "contact",
                "public_question",
                "opd",
                "reply",
                "replied_at",
                "submit_time",
            )
            .order_by("-replied_at", "-submit_time", "-pk")
        )

    def get_latest_answers(self):
        return list(self.get_public_answers()[:LATEST_ANSWERS])

    @path("dijawab/", name="answers")
    def answers_view(self, request):
        """The answered messages made public: the question (without who
        asked) and the answer, paginated."""
        context = self.get_context(request)
        context["page_obj"] = paginate(
            request, self.get_public_answers(), kim_settings.PAGE_SIZE
        )
        context["answers"] = context["page_obj"].object_list
        context["kim_subpage_title"] = _("Answered questions")
        return TemplateResponse(request, self.kim_cms_answers_template, context)

    def get_answers_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("answers")

    @path("status/", name="status")
    def status_view(self, request):
        """The status of one message by its tracking code: category, status,
        OPD and reply, never who sent it or what it says."""
        code = (request.GET.get("kode") or "").strip().upper()
        context = self.get_context(request)
        context["code"] = code
        context["kim_subpage_title"] = _("Status of a message")
        status = 200
        if code:
            if len(code) != CODE_LENGTH or not code.isalnum():
                context["error"] = _("A tracking code has 10 letters and digits.")
                status = 400
            else:
                found = (
                    self.get_submission_class()
                    .objects.filter(page=self, tracking_code=code)
                    .first()
                )
                if found is None:
                    context["error"] = _("No message has this tracking code.")
                    status = 404
                else:
                    context["result"] = found.get_public_status()
        response = TemplateResponse(
            request, self.kim_cms_status_template, context, status=status
        )
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_status_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("status")


class AspirationPage(AbstractAspirationPage):
    """The default aspirations page."""

    template = "kim_cms/pages/aspiration_page.html"
    landing_page_template = "kim_cms/pages/aspiration_page_landing.html"
    subpage_types = []

    class Meta:
        verbose_name = _("aspirations page")
        verbose_name_plural = _("aspirations pages")


__all__ = ["AbstractAspirationPage", "AspirationPage"]
