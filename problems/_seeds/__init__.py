"""One module per seed document; each defines ``PROBLEMS`` in the seed's own order."""
