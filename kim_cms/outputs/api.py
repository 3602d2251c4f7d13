"""A ready Wagtail API v2 router (pages, images, documents) for sites that have
none: ``path("api/v2/", api_router.urls)``. Sites with their own router keep
it; kim_cms page types declare their ``api_fields`` either way.

The endpoints registered here are Wagtail's, with their query parameters
checked first: a malformed id, offset, limit, search, filter or site is
answered with 400 and ``{"message": ...}`` before Wagtail's views run, never
with a server error. A site with its own router gets the same by registering
``KimPagesAPIViewSet``, ``KimImagesAPIViewSet`` and ``KimDocumentsAPIViewSet``.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.http import Http404
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

from kim_cms.params import (
    clean_search_query,
    parse_id,
    parse_integer,
    parse_whole_number,
    without_nul,
)

# Page filters whose value is a page id, and whether Wagtail also takes "root".
PAGE_ID_FILTERS = {
    "child_of": True,
    "descendant_of": True,
    "translation_of": True,
    "ancestor_of": False,
}


class ValidatedQueryMixin:
    """Checks an API endpoint's query parameters before its view runs: 400
    with a JSON message for a malformed value, 404 for an id that no row
    can have."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        pk = kwargs.get("pk")
        if pk is not None and parse_id(str(pk), self.model) is None:
            raise Http404("not found")
        params = request._request.GET
        if without_nul(params) is not params:
            raise BadRequestError("null characters are not allowed")
        for name in ("offset", "limit"):
            if name in params and parse_whole_number(params[name]) is None:
                raise BadRequestError(f"{name} must be a positive integer")
        if self.action == "find_view" and "id" in params:
            if parse_whole_number(params["id"], maximum=float("inf")) is None:
                raise BadRequestError("id must be a positive integer")
            if parse_id(params["id"], self.model) is None:
                raise Http404("not found")
        operator = params.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        model = self.get_filter_model(params)
        fields = set(self.get_available_fields(model, db_fields_only=True))
        for name, value in params.items():
            if name in fields and name not in self.known_query_parameters:
                check_field_value(model, name, value)
        if "search" in params:
            request._request.GET = self.clean_search(params)

    def get_filter_model(self, params):
        """The model whose fields the query string may filter by."""
        return self.model

    def clean_search(self, params):
        """``params`` with ``search`` reduced to its words (see
        ``kim_cms.params.clean_search_query``)."""
        words = clean_search_query(params["search"])
        if not words:
            raise BadRequestError("search must contain at least one word")
        cleaned = params.copy()
        cleaned["search"] = words
        cleaned._mutable = False
        return cleaned


def check_field_value(model, name, value):
    """Raise ``BadRequestError`` unless the column ``name`` of ``model`` can
    be compared with ``value``."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if not getattr(field, "concrete", False):
        return  # tags and other relations: compared by name
    target = field.target_field if field.is_relation else field
    if isinstance(target, models.BooleanField):
        return  # Wagtail reads true, false, 1 and 0 itself
    if isinstance(target, models.IntegerField | models.AutoField):
        if parse_integer(value, target) is None:
            raise BadRequestError(f"{name} must be an integer")
        return
    try:
        target.get_db_prep_value(target.to_python(value), connection)
    except (ValidationError, ValueError, TypeError, ArithmeticError) as error:
        raise BadRequestError(f"{name} has an invalid value") from error


def check_site(value):
    """``?site=hostname`` or ``hostname:port``: 400 when malformed, 404 when
    no site has it (as Wagtail 8 answers; Wagtail 7.4 fails)."""
    hostname, colon, port = value.partition(":")
    query = {"hostname": hostname}
    if colon:
        query["port"] = parse_whole_number(port, maximum=65535)
        if query["port"] is None:
            raise BadRequestError("the port of site must be a number")
    if not Site.objects.filter(**query).exists():
        raise Http404("No Site matches the given query.")


class KimPagesAPIViewSet(ValidatedQueryMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, parameters checked first."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request._request.GET
        for name, root_allowed in PAGE_ID_FILTERS.items():
            value = params.get(name)
            if value is None or (root_allowed and value == "root"):
                continue
            if parse_id(value, self.model) is None:
                raise BadRequestError(f"{name} must be a positive integer")
        if "site" in params:
            check_site(params["site"])

    def get_filter_model(self, params):
        """The page type of ``?type=`` when it names one."""
        try:
            models = page_models_from_string(params.get("type") or "")
        except (LookupError, ValueError):
            return self.model
        return models[0] if len(models) == 1 else self.model


class KimImagesAPIViewSet(ValidatedQueryMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, parameters checked first."""


class KimDocumentsAPIViewSet(ValidatedQueryMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, parameters checked first."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KimPagesAPIViewSet)
api_router.register_endpoint("images", KimImagesAPIViewSet)
api_router.register_endpoint("documents", KimDocumentsAPIViewSet)
