"""SIF's pure calculation core: no Django, no database. Used by the web app, the CLI and notebooks."""
