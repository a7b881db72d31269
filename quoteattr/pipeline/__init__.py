"""quoteattr's spaCy components, their registered functions and their scoring."""
