"""Platform jobs on PgQueuer: the schedule registry, recorded runs, the worker."""
