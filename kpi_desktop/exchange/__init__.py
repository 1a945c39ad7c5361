"""Exchange with the province: CMS bundles, keys, the import ledger."""
