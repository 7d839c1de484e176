"""Provenance: who said it (quotes and speakers), who reported it (citations) and who copied
whom (near-duplicate passages)."""
