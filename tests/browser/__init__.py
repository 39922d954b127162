"""Real-browser tests: the app served by `streamlit run`, driven in Debian's Chromium with Playwright."""
