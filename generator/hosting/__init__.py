"""Stage 3: what a host serves beside the built pages: the CSP, ``_headers``, the nginx snippet."""
