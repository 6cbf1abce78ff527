"""The site's search: an entry per paragraph, and exact paragraph numbers in the theme's worker."""
