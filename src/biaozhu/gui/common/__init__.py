"""What every part of the app shares: keys, wording, the action runner, the change bus, undo, storage messages,
languages and the crash report. Imports nothing else of the GUI."""
