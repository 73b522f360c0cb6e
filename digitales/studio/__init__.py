"""`digitales serve`: a local web studio (Gradio) that does what `digitales make` does."""
