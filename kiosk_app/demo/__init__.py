"""Demo data: a month at the Saint-Paul kiosk, shaped like the pilot's first month."""
