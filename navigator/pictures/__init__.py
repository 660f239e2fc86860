"""Pictures of the system for commissioners, drawn as SVG on the server: the pathway as a flow
diagram, the system map, the coverage heatmap, the services' ages and a chart over time.

Pure: content, the engine's coverage map or counts in, a `Picture` out (the SVG, its text
alternative and an equivalent table). Nothing here knows the web or the database."""
