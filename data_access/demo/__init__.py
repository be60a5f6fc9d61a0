"""Synthetic demo data for a fictional council, in the interchange format.

`write_interchange` writes a folder that `familycontext data load` accepts:
realistic families, names and service involvement covering every display
state, with no real person, address, phone number or email in it.
"""

from data_access.demo.generator import write_interchange

__all__ = ["write_interchange"]
