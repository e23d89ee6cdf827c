"""The build room: how the book is built (chapters never import it; it may import kzdecentral)."""
