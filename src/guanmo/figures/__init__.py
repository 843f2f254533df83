"""The figures every domain prints: rates, time progress, points, ranks, period labels, and
the one way they are shown (`formatting`).

Plain functions on exact Decimals, with no database or request inside.
"""
