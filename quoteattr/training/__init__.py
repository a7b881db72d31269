"""Training the attribution model from gold attributions."""
