"""`python -m ccdocs`."""

from .cli import console

console()
