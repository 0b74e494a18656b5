"""ccdocs: assemble WIPO governing-body papers in English and Chinese, as DOCX and PDF."""

__version__ = "0.1.0"
