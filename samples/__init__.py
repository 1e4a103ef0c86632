"""Synthetic dossiers with ground truth, for tests, demo and benchmark."""
