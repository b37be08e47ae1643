"""Scheduled posts in the desk (issue 15): the "Jadwalkan…" dialog, the "Terjadwal" calendar
tab of each pane, the list of missed posts, and Settings → Jadwal's OS timer."""
