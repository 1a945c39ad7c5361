from kpi_desktop.cli import main

raise SystemExit(main())
