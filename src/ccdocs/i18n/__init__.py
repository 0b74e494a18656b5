"""Translation of document content by segments, through gettext catalogs (babel.messages)."""
