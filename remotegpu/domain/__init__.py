"""The rules of the platform, free of any transport: raises DomainError on expected failures."""
