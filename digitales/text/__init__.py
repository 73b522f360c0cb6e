"""Language tools: reading the user's text, sentence splitting, clean-up for speech, mood."""

from digitales.text.basic import BasicText

BACKENDS = {BasicText.name: BasicText}
