"""The endpoint the aspiration form posts to.

The form page is cached and shared: it sets no session and no CSRF cookie.
So the form cannot carry Django's CSRF token and posts here instead, a view
exempt from the CSRF check. That is safe because the view acts for nobody:
it ignores the session and the logged-in user, stores an anonymous message
and reveals nothing; a forged post can do no more than the forger could do
by sending the form himself. Against floods it has the honeypot, the signed
time token (bound to the page) and the per-client rate limit instead.
"""

from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from kim_cms.queries import public_q


@csrf_exempt
@never_cache
def submit(request, page_id):
    from kim_cms.pages.aspirations import AbstractAspirationPage

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = get_object_or_404(Page.objects.live().filter(public_q()), pk=page_id)
    page = page.specific
    if not isinstance(page, AbstractAspirationPage):
        raise Http404
    with translation.override(page.locale.language_code):
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()
    return response
