"""Figure extraction: numbers, outcomes, victims, dates, places, sources,
actors and weapons, by rules and lexicons (src/wartally/data/lexicons).

The package is also the public function ``wartally.extract(text, ...)``
(``wartally.extract.document.extract_text``): importing this subpackage
binds the module to that name in ``wartally``, so the module itself is made
callable.
"""
import sys
import types

from wartally.extract.document import extract_document, extract_text, process_document
from wartally.extract.figures import extract_document as extract_whole_document

__all__ = ["extract_document", "extract_text", "extract_whole_document", "process_document"]


class _CallableModule(types.ModuleType):
    def __call__(self, text, **kwargs):
        return extract_text(text, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
