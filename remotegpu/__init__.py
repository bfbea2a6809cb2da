"""RemoteGPU API: a GraphQL API over the RemoteGPU platform's PostgreSQL model."""

__version__ = "1.0.0"
