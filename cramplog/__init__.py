"""cramplog: a private desktop diary for muscle cramps and spasms."""

__version__ = "0.1.0"
