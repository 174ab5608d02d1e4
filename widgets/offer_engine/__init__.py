"""The decision engine: pure, stdlib-only scoring of job offers."""
