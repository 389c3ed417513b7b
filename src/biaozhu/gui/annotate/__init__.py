"""The annotation window: one annotator's layer, edited by keyboard through undo commands."""
