"""Identity and access: who may talk to the bot, and where the bot may talk back.

botbuilder's own authentication answers 500 instead of 401, fetches keys with
blocking calls inside the event loop, breaks on a key rollover and sends its
token to any service URL (platform-notes.md), so the checks live here, in our
own code, and botbuilder is handed identities that are already validated.

Inbound requests:
- `signing_keys`: published signing keys, cached and refreshed without
  stalling the event loop.
- `channel_tokens`, `refusals`, `inbound`: the Bot Framework token of every
  request to /api/messages, and why a request was refused.

Outbound calls:
- `service_urls`: the exact hosts the bot may send replies and its token to.
- `bot_token`, `outbound_credentials`: the bot's own token (msal, off the
  event loop), attached only to allowed hosts.
- `bot_framework`, `user_tokens`: the botbuilder side: pre-validated
  identities, the allow-listed connector factory, the token service client.

Users:
- `tenants`, `roles`: allowed tenants, app roles and the `Authoriser` seam.
- `entra_tokens`, `sso`: Teams single sign-on and Entra ID access tokens.
- `access`: the gate every message and invoke passes on every turn.
"""
