"""Renders the playground in headless Chromium and saves docs/images/playground.png (for the README).

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
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("#verdict h2")
        out = ROOT / "docs" / "images" / "playground.png"
        page.screenshot(path=str(out), full_page=False)
        browser.close()
    server.should_exit = True
    print(f"written {out}")


if __name__ == "__main__":
    main()
