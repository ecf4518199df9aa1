"""Sync between a kiosk and the association's central server.

`sync.protocol` is the wire contract shared by both sides (and the one module of the
kiosk side that `server/` may import). It also holds the vocabulary both sides must agree
on: order statuses and the one table of allowed transitions.
"""
