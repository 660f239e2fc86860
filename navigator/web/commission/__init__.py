"""The commissioners' workbench under `/commission`: sign-in, sessions, CSRF, and the pages.

Every path under `/commission/` except the sign-in page is guarded in one place,
`guard.CommissionGuard` (a middleware by path prefix), so a router added under `/commission`
is protected without any change to it."""
