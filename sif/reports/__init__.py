"""Report content and renderers (charts, PDF, DOCX, XLSX) built from what the pages show."""
