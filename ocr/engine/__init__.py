"""OCR engines behind one small interface: real Tesseract, or recorded output replayed in tests."""
