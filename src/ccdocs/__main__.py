"""`python -m ccdocs`."""

from .cli import main

main()
