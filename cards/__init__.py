"""Adaptive Cards (1.5) for every step of the conversation: pure functions, no I/O.

Each card function takes disclosure records (data_access.disclosure.records)
or small view models (cards.views) and returns the card as a JSON dict, so
what a card can show is decided by the data layer's rules, and the cards can
be tested without Teams, a database or the Bot Framework.

- cards.welcome: welcome_card, help_card
- cards.purpose: purpose_card
- cards.results: results_card
- cards.people: person_card, service_card (cards.service), shared_card
- cards.notices: notice_card
- cards.actions: the Action.Execute contract (execute, parse_action, Refresh, ...)
- cards.text: dates, ages, words for codes, phone and email links
"""
