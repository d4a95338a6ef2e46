"""The Python peer: a 10-option select list with questionary (prompt_toolkit)."""
import questionary

OPTIONS = [
    "A rash", "Muscle weakness", "Both at once", "Muscle pain", "Joint pain",
    "Tiredness", "Trouble swallowing", "Shortness of breath", "Something else", "Not sure",
]

if __name__ == "__main__":
    questionary.select("What was the first thing you noticed?", choices=OPTIONS).ask()
