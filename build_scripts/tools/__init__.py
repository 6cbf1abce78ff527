"""Commands around the build: the local server, the benchmark, the shell helpers."""
