"""The browser side of the scoring widget: ES modules and CSS, shipped as package data.

Nothing here is Python but this file: it makes the folder a package, so the generator reads
the files through ``importlib.resources`` both from a checkout and from an installed wheel.
"""
