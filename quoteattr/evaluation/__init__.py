"""Scoring against gold, speed and memory benchmarks, and the synthetic articles of the scaling
test."""
