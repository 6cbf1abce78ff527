"""The offline copy: the Workbox service worker that precaches the site."""
