"""Loading a council's interchange folder (common-data-model.md) into the database."""

from data_access.loader.load import LoadResult, SchemaNotReady, load_folder

__all__ = ["LoadResult", "SchemaNotReady", "load_folder"]
