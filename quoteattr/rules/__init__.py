"""The rules, by stage: a per-document context, cues, direct quotes, colons, clauses, source chains
and speaker resolution, over the lexicons in `quoteattr/lexicons/`."""
