"""The kiosk's touchscreen: PySide6 widgets over the core's services (no SQLAlchemy
here: `kiosk_app` services return dataclasses)."""
