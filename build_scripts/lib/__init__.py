"""Library modules every layer may use: paths, the build error, file I/O and an HTML reader."""
