"""Run a consilience command in a real process that dies on its first network connection.

A Python audit hook sees every `socket.connect` (and name lookup) the process makes, from any
library; the first one to anything but a Unix socket ends the process with exit code 97 and
names the address, so a test can prove a command stays offline.
"""

import os
import socket
import sys

NETWORK_USED = 97


def _hook(event: str, args: tuple) -> None:
    if event == "socket.connect":
        sock, address = args
        if sock.family != socket.AF_UNIX:
            sys.stderr.write(f"network connection attempted: {address!r}\n")
            sys.stderr.flush()
            os._exit(NETWORK_USED)
    elif event == "socket.getaddrinfo":
        host = args[0]
        if host not in (None, "localhost", "127.0.0.1", "::1", b"localhost", b"127.0.0.1"):
            sys.stderr.write(f"name lookup attempted: {host!r}\n")
            sys.stderr.flush()
            os._exit(NETWORK_USED)


if __name__ == "__main__":
    sys.addaudithook(_hook)
    from consilience.cli import main

    sys.argv = ["consilience", *sys.argv[1:]]
    main()
