"""Quotations and reported speech: who said what (the cue lexicon, the finder and the stage)."""
