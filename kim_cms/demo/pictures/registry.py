"""The register of scenes: each drawing function under its names, with its descriptions."""

SCENES = {}
ROOF_DARK = (110, 64, 44)


def scene(name, description_id, description_en, **options):
    """Register the decorated function as scene ``name`` (drawn with
    ``options``); more names can be registered for the same function."""

    def register(function):
        SCENES[name] = (function, options, description_id, description_en)
        return function

    return register
