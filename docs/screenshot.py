"""Renders the playground in headless Chromium and saves the README's screenshots in docs/images/.

python docs/screenshot.py            # needs the web and test extras and Debian's chromium
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from constraint_engine.running import Runner
    from constraint_engine.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Runner(), [ROOT / "scenarios" / "north-atlantic-treaty" / "article-13.feature"])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        shots = [  # (file, path, width, height): the playground and a provision, wide and on a phone
            ("playground.png", "/", 1280, 1300),
            ("playground-420.png", "/", 420, 1500),
            ("provision.png", "/law/nsa.1928f.a", 1280, 1100),
        ]
        for name, path, width, height in shots:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"http://127.0.0.1:{port}{path}")
            if path == "/":
                page.wait_for_selector("#verdict h2")
            out = ROOT / "docs" / "images" / name
            page.screenshot(path=str(out), full_page=False)
            print(f"written {out}")
            page.close()
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
