"""Reading office sheets: formats, headers, units, totals, and faults that name their place.

The ground floor every domain imports from; each domain keeps only its own columns.
"""
