"""Places: the offline gazetteer and the stage that locates place mentions and events."""
