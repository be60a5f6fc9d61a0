"""A stand-in for the bot's own token source (msal): a fixed token, no network."""

from __future__ import annotations

BOT_TOKEN = "bot-token-for-tests"


class StaticBotTokenSource:
    def __init__(self, token: str = BOT_TOKEN) -> None:
        self.value = token
        self.scopes: list[str] = []

    async def token(self, scope: str) -> str:
        self.scopes.append(scope)
        return self.value
