"""`python -m newsarchive.sample_site`: serve the Disway and WordPress sites until Ctrl-C."""

from __future__ import annotations

import argparse
import threading

from .server import serve_sample_sites


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m newsarchive.sample_site", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port-disway", type=int, default=0)
    parser.add_argument("--port-wordpress", type=int, default=0)
    args = parser.parse_args(argv)
    ports = {"disway": args.port_disway, "wordpress": args.port_wordpress}
    with serve_sample_sites(args.host, ports) as urls:
        for name, url in urls.items():
            print(f"{name}: {url}", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
