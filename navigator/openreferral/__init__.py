"""Open Referral UK 3.0 (`HSDS-UK-3.0`): the directory as a standard feed, and a draft
directory from one. Pure mapping, no web: `navigator.web.oruk` serves it and
`navigator.cli.oruk` imports it."""
