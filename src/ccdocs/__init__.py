"""ccdocs: assemble WIPO governing-body papers, as DOCX and PDF, in any language with a profile (docs/languages.md)."""

__version__ = "0.1.0"
