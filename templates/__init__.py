"""The toolkit's themes and cover-note frames, installed as package data; see ccdocs.resources."""
