"""Security/access classifications offered for exports and documents (default "Terbatas").

Apart from `humasdesk.core.privacy` (which re-exports them) so that the command line's
parser, built at every start, can offer them without loading the privacy rules."""

CLASSIFICATIONS = ("Biasa", "Terbatas", "Rahasia", "Sangat Rahasia")
DEFAULT_CLASSIFICATION = "Terbatas"
