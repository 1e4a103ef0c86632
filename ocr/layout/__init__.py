"""Page layout: lines of words, page classification, splitting a file into documents."""
