"""Stage 2: the validated model rendered into Markdown pages, the navigation, the theme markup
fixes and the engine's browser assets."""
