"""Default templates of digest (Jinja2 and CSS), shipped as the package digest.templates."""
