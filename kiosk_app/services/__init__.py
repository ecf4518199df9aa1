"""The services layer: what the touchscreen, the counter, printing, sync and the command
line call. Every function takes plain values and returns plain dataclasses, never ORM
objects, so callers cannot touch the store behind the rules' back."""
