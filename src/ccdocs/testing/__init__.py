"""Helpers for regression tests of document folders: synthetic documents, snapshots, comparisons."""
