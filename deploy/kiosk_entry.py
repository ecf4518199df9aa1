"""The bundle's entry point (see kiosk.spec). PyInstaller runs its entry file as a plain
script: `kiosk_app/__main__.py` itself cannot be that file, since its relative imports
need their package."""

import sys

from kiosk_app.__main__ import main

sys.exit(main())
