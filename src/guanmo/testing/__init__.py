"""Test support shipped with Guanmo: a throwaway PostgreSQL cluster and the pytest plug-in using it."""
