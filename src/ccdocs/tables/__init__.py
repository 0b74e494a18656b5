"""Tables placed from data: specs in document.yaml, sums and checks, cells formatted per language."""

from .place import TablePlacer
from .texts import translatable_texts

__all__ = ["TablePlacer", "translatable_texts"]
