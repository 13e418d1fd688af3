"""Maintainer tools (not needed by learners): the notebook build."""
