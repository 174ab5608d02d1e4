"""Validate the guide content and render it into a MkDocs Material site."""
