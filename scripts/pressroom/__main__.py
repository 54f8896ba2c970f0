import sys

from pressroom.cli.main import main

sys.exit(main())
