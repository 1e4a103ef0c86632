"""Reading the paper: image cleanup, OCR, page layout and field extraction."""
