"""One router per screen group; each is mounted by review_ui.app.create_app()."""
