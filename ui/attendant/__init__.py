"""The attendant's side of the kiosk: the PIN pad, then the counter (queue, an order's
detail and steps, the counter order form)."""
