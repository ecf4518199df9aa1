"""Touch widgets shared by the resident's screens and the counter."""
