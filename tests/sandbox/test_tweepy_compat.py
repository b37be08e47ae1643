"""tweepy 4.17's real code paths (OAuth2UserHandler and Client) work against the sandbox."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
import tweepy
from requests.adapters import HTTPAdapter

from tests.sandbox.helpers import REDIRECT, TIMEOUT, inject_mention


class _ToSandbox(HTTPAdapter):
    """Sends tweepy's https://api.twitter.com requests to the sandbox, after tweepy built them."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = urlsplit(base)

    def send(self, request, **kwargs):
        parts = urlsplit(request.url)
        request.url = urlunsplit((self.base.scheme, self.base.netloc, *parts[2:]))
        kwargs["timeout"] = kwargs.get("timeout") or TIMEOUT
        return super().send(request, **kwargs)


def _mount(session: requests.Session, base: str) -> None:
    adapter = _ToSandbox(base)
    session.mount("https://", adapter)


def test_tweepy_sign_in_post_reply_and_mentions(sandbox):
    """The desk uses tweepy unchanged; if tweepy chokes on an answer, the desk breaks."""
    base = sandbox.base_url
    handler = tweepy.OAuth2UserHandler(
        client_id="humasdesk-test",
        redirect_uri=REDIRECT,
        scope=["tweet.read", "tweet.write", "users.read", "offline.access"],
    )
    _mount(handler, base)
    url = handler.get_authorization_url()
    path_and_query = urlsplit(url)._replace(scheme="", netloc="").geturl()
    r = requests.get(
        base + path_and_query + "&sandbox_user=HumasDemo", allow_redirects=False, timeout=TIMEOUT
    )
    callback = r.headers["location"].replace("http://", "https://", 1)
    token = handler.fetch_token(callback)
    assert token["refresh_token"]

    client = tweepy.Client(token["access_token"])
    _mount(client.session, base)
    me = client.get_me(user_auth=False)
    assert me.data.username == "HumasDemo"

    mention_id = inject_mention(base, "HumasDemo", "warga_02", "Halo admin")
    page = client.get_users_mentions(
        me.data.id, since_id="1", max_results=5, tweet_fields=["created_at", "author_id"],
        expansions=["author_id"], user_auth=False,
    )  # fmt: skip
    assert page.data[0].id == int(mention_id)
    assert page.meta["next_token"]
    assert page.includes["users"]

    sent = client.create_tweet(
        text="Terima kasih, Bu.", in_reply_to_tweet_id=mention_id, user_auth=False
    )
    assert sent.data["id"]
    with pytest.raises(tweepy.Forbidden):
        client.create_tweet(text="Terima kasih, Bu.", user_auth=False)
    assert client.delete_tweet(sent.data["id"], user_auth=False).data["deleted"] is True
    with pytest.raises(tweepy.BadRequest):
        client.get_users_mentions(me.data.id, max_results=3, user_auth=False)

    refreshed = handler.refresh_token(
        "https://api.twitter.com/2/oauth2/token",
        refresh_token=token["refresh_token"],
        client_id="humasdesk-test",
    )
    assert refreshed["refresh_token"] != token["refresh_token"]
