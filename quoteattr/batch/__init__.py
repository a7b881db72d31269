"""Batch runs: reading documents, isolating failures, writing results, and Dask."""
