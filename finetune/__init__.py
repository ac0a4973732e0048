"""Fine-tuning: generate data, train a LoRA adapter, export it as a GGUF LoRA, evaluate the planner."""
