"""The trained attribution model: open-class candidate frames, their features and the scorer."""
