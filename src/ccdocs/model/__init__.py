"""The document model shared by every writer."""

from .nodes import *  # noqa: F401,F403
