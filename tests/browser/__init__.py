"""Real-browser tests (headless Chromium driving JupyterLab); see conftest.py."""
