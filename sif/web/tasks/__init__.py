"""Background work: documents are rendered by `sif worker` (Django's tasks API, database backend),
the page that asked shows the progress and links the file when it is ready."""
