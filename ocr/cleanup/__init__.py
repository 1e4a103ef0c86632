"""Cheap image cleanup before OCR: each step its own module, `pipeline.clean_page` runs them."""
