"""The counter's settings section and the first-run wizard's pieces: the printer's
set-up form and the attendants' page (managers only; the section decides who enters)."""
