"""The figures every domain prints: rates, growth, time progress, points, ranks and their
changes, period labels, the exact sharing of an amount (`apportion`), and the one way they are
shown (`formatting`).

Plain functions on exact Decimals, with no database or request inside.
"""
