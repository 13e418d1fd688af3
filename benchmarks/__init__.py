"""Benchmarks: `python -m benchmarks` prints the table (see README, Performance)."""
