"""The content model: the directory of services, pathways and scenarios, as commissioners
write them.

Nothing here knows about the web, the database or the search index.
"""
