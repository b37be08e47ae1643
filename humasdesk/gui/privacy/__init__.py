"""Dialogs for citizens' data and records (UU 27/2022, UU 43/2009): the requests register,
access reports, the breach kit, retention and disposal review, and the office handover.

Each dialog gets its collaborators (log, privacy store, signer factory, document header,
clock) through its constructor and runs the services of `humasdesk.services.privacy` on a
`Worker`, never on the GUI thread.
"""
