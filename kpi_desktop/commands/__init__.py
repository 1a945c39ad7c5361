"""Sub-commands of the `kpi` CLI: each module defines `register(subparsers)`."""
