"""What may be shown about a person: the display rules of common-data-model.md, applied
where the data is read (reader.py), so that nothing downstream can show more.

`records.py` holds the disclosed records: plain dataclasses, no SQLAlchemy.
They are the one part of data_access that cards/ may import, since they are
exactly what a card is allowed to show.
"""
