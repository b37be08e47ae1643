"""The X client: tweepy behind one adapter, base-URL transport, error mapping, OAuth 2.0 PKCE.

Import the modules directly (``humasdesk.xapi.client`` etc.): this package imports nothing
itself, so loading it does not pull in tweepy (≈ 90 ms) before the window paints.
"""
