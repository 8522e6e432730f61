"""The JSON format's name, the version written, and the oldest version read."""

FORMAT = "cramplog-diary"
# 2: "woke_from_sleep" may be null (not answered), "triggers_asked"/"reliefs_asked", the
# diary's "logging_spans" and its sleep hours. Version 1 is still read (see `_read_episodes`).
# 3: "time_noted" (false: only the date was noted); absent reads as true.
VERSION = 3
FIRST_VERSION = 1  # the oldest format version cramplog reads
