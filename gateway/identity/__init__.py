"""Identity: passwords, tokens, registration, sessions, memberships and the access guard."""
