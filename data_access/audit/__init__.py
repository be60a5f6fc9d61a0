"""The audit trail: four levels of disclosure recorded before anything is shown,
append-only and tamper-evident (product.md, "Governance"; docs/audit.md).

`events` is the contract with the conversation; `store.AuditLog` writes and
reads the trail; `hashing` fixes the chained hash; `verify`, `export` and
`purge` serve `familycontext audit ...` (data_access/audit_command.py). This
package imports nothing on purpose: models.py imports `events`.
"""
