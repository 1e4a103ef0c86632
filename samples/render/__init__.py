"""Renderers: one module per paper layout, each drawing onto a shared Form."""
