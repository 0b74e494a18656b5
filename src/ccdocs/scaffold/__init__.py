"""Starting document folders: `ccdocs new` (a fresh, buildable folder) and `ccdocs next` (next year's from this year's)."""
