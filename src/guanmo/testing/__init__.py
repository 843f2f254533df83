"""Test support shipped with Guanmo: a throwaway PostgreSQL cluster and its pytest plug-in."""
