"""Print-ready documents (ReportLab, pypdf) built from plain data; knows the domain only."""
