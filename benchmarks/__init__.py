"""Benchmarks: `python -m benchmarks` (or `make bench`) runs every module here that has a
`main()`. They print figures; they are not timed tests and never fail a build."""
