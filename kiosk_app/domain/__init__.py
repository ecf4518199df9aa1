"""Pure rules of the comptoir: lifecycle, pricing, validation, search text. No I/O."""
