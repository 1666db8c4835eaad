"""Figure extraction: numbers, outcomes, victims, dates, places, sources,
actors and weapons, by rules and lexicons (src/wartally/data/lexicons).

The package is also the public function ``wartally.extract(text, ...)``:
importing this subpackage would otherwise replace that attribute of
``wartally``, so the module itself is made callable.
"""
import sys
import types

from wartally.extract.figures import extract_document as extract_whole_document
from wartally.extract.windows import extract_windowed

__all__ = ["extract_document"]


def extract_document(doc, *, gazetteer_hits=None):
    """Every casualty and displacement figure in ``doc`` (long texts in
    windows, so that time grows linearly with length: see ``windows``)."""
    return extract_windowed(extract_whole_document, doc, gazetteer_hits=gazetteer_hits)


class _CallableModule(types.ModuleType):
    def __call__(self, text, **kwargs):
        from wartally.api import extract

        return extract(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
