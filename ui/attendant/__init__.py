"""The attendant's side of the kiosk (the counter screens come with their own issue)."""
