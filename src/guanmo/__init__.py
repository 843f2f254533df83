"""Guanmo (观摩): key-project work for Chinese cities and counties."""
