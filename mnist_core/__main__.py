"""`python -m mnist_core ...`: see mnist_core/cli.py."""

import sys

from mnist_core.tuning import quiet_tensorflow

quiet_tensorflow()

from mnist_core.cli import main  # noqa: E402  (TensorFlow's log level must be set before any import of it)

sys.exit(main())
