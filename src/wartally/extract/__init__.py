"""Figure extraction: numbers, outcomes, victims, dates, places, sources,
actors and weapons, by rules and lexicons (src/wartally/data/lexicons).

The package is also the public function ``wartally.extract(text, ...)``:
importing this subpackage would otherwise replace that attribute of
``wartally``, so the module itself is made callable.
"""
import sys
import types

from wartally.extract.figures import extract_document

__all__ = ["extract_document"]


class _CallableModule(types.ModuleType):
    def __call__(self, text, **kwargs):
        from wartally.api import extract

        return extract(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
