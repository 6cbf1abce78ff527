"""Chromium (Debian's, launched as devtools/chromium.py does) behind the driver."""

from __future__ import annotations

from devtools.engines.driver import WATCH, Driver

# Playwright names keys as the journeys do; Space is " " in the journeys' vocabulary.
KEYS = {" ": "Space"}


class ChromiumDriver(Driver):
    name = "chromium"

    def __init__(self, browser, base_url: str) -> None:
        super().__init__(base_url)
        self.version = browser.version
        self.context = browser.new_context(
            base_url=base_url, viewport={"width": 1280, "height": 900}, service_workers="allow"
        )
        self.context.add_init_script(f"{WATCH};")
        origin = base_url.split("/", 3)[:3]
        self.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin="/".join(origin)
        )
        self.page = self.context.new_page()
        self._seen: list[str] = []
        self._action = "accept"
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self._seen.append(dialog.message)
        if self._action == "accept":
            dialog.accept()
        else:
            dialog.dismiss()

    def _goto(self, url: str) -> None:
        self.page.goto(url)

    def _viewport(self, width: int, height: int) -> None:
        self.page.set_viewport_size({"width": width, "height": height})

    def _click(self, selector: str) -> None:
        self.page.click(selector, timeout=20_000)

    def _type(self, selector: str, text: str) -> None:
        self.page.locator(selector).first.press_sequentially(text)

    def _press(self, key: str) -> None:
        self.page.keyboard.press(KEYS.get(key, key))

    def _eval(self, source: str, args: list) -> object:
        return self.page.evaluate(f"(args) => ({source})(...args)", args)

    def set_files(self, selector: str, path: str) -> None:
        self.page.locator(selector).set_input_files(path)

    def dialogs(self, action: str | None = None) -> list[str]:
        if action:
            self._action = action
        seen, self._seen = self._seen, []
        return seen

    def close(self) -> None:
        self.context.close()
