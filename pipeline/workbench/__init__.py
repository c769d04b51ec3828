"""Reading the built corpus: tables, SQL, concordances, statistics, a report, CWB export."""
