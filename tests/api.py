from kim_cms.api import api_router

__all__ = ["api_router"]
