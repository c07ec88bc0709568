"""The kiosk of the 37° space: its device tokens and what a device may read and do."""
