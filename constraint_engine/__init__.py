"""constraint-engine: legislative constraints on executive action concerning NATO, as rules."""

__version__ = "0.1.0"
