"""The figures every domain prints: rates, time progress, points, ranks, period labels.

Plain functions on exact Decimals, with no database or request inside.
"""
