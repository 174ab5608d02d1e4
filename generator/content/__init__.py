"""Stage 1 of the pipeline: read content YAML with positions, validate it into the model, check
cross-references and the engine's view of it, and project what the engine needs."""
