"""Developer tools, outside the build: the local test server, the benchmark, the browser-engine
harness, the lock hasher and the shell helpers that install what the tests need."""
