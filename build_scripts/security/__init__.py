"""What the browser enforces: the Content Security Policy, the hosting headers, no other hosts."""
