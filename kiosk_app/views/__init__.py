"""The plain values the core's services return (dataclasses, constants and pure
functions over them). No SQLAlchemy: the screens import these, never the store."""
