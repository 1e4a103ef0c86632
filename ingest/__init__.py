"""Intake: find the files, tell their type from content, split them into pages."""
