"""File formats in and out: scenario JSON, LEDES, CSV, Excel. Plain domain objects only."""
