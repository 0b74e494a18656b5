"""Rendered Markdown to model blocks."""
