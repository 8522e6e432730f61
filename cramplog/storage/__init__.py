"""Storage of the diary in one SQLite file: schema, engine, migrations and repository."""
