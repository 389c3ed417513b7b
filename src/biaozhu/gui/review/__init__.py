"""Review mode: annotators' layers compared and adjudicated into gold."""
