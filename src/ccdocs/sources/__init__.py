"""Reading a document folder: document.yaml, Markdown content and data files, with positions."""
