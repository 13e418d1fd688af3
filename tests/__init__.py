"""The course's tests: one folder per layer or concern (see CONTRIBUTING.md)."""
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent     # the course's root folder
