"""English word lists shared by every stage."""
