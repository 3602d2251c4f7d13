from kim_cms.outputs.api import api_router

__all__ = ["api_router"]
