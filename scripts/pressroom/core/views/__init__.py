"""What each page shows, prepared as plain values so templates only lay them out."""
