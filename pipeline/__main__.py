import sys

from gofteman.cli import main

sys.exit(main())
