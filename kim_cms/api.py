"""The API router's old import path, for sites whose ``urls.py`` says
``from kim_cms.api import api_router``. It lives in ``kim_cms.outputs.api``
now (CHANGELOG.md); nothing in kim_cms imports this module."""

from kim_cms.outputs.api import (
    KimDocumentsAPIViewSet,
    KimImagesAPIViewSet,
    KimPagesAPIViewSet,
    ValidatedQueryMixin,
    api_router,
)

__all__ = [
    "KimDocumentsAPIViewSet",
    "KimImagesAPIViewSet",
    "KimPagesAPIViewSet",
    "ValidatedQueryMixin",
    "api_router",
]
