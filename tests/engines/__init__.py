"""The same journeys in every engine a practitioner carries: Chromium, Firefox ESR and WebKitGTK."""
