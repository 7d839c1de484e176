"""Language data shared by every stage: word lists and their meanings, one module per idea."""
