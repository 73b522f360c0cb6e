"""DigiTales: a title or a text in, a narrated, illustrated, scored video tale out."""

from digitales.tale import VERSION as __version__  # noqa: F401


def make_tale(*args, **kwargs):
    """See digitales.pipeline.make_tale (imported lazily: the CLI starts faster)."""
    from digitales.pipeline import make_tale as run

    return run(*args, **kwargs)


def __getattr__(name: str):
    if name == "Tale":
        from digitales.tale import Tale

        return Tale
    if name == "Settings":
        from digitales.settings import Settings

        return Settings
    raise AttributeError(name)
