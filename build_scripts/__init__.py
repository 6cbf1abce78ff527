"""Build-time code for the guidance site: Markdown extensions, MkDocs hooks, Pyodide packaging."""
