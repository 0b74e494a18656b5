"""The toolkit's own strings (ccdocs.pot, <lang>/LC_MESSAGES/ccdocs.po) as package data; see ccdocs.resources."""
