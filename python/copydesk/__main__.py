"""The ``copydesk`` command of the Python package: the same program as the binary."""

import signal
import sys

from ._copydesk import run_cli


def main() -> None:
    # The checker runs outside Python's reach; let Ctrl-C stop it as it stops the binary.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(run_cli(["copydesk", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
