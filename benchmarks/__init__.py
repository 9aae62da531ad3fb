"""Benchmarks: `python -m benchmarks` (see run.py)."""
