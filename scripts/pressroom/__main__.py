import sys

from pressroom.cli import main

sys.exit(main())
