"""Plans: steps, safety levels, rollback, hashing and the plan JSON file."""
