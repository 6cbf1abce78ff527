"""Three browser engines behind one driver (Chromium, Firefox ESR, WebKitGTK): the cross-engine
tests' journeys (tests/engines/) and ``make bench``'s figures in each engine use them."""
