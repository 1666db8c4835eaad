import sys

from wartally.cli import main

sys.exit(main())
